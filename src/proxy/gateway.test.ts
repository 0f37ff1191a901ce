import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { LlmctlError } from '../errors.js';
import { proxyRoot } from './endpoint.js';
import { askGateway, gatewayModels, gatewayStatus, saveGatewayCache, withGatewayModels } from './gateway.js';

const KEY = 'sk-team-key-0123456789';
let models = ['glm-4', 'deepseek-chat'];
let server: Server;
let root: string;
let asked = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    asked++;
    if (req.url === '/broken/v1/models') return res.end('<html>not json</html>');
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end('{"error":{"message":"Authentication Error"}}');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model' })) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function loaded(yaml: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-gateway-'));
  const file = path.join(dir, 'llmctl.yaml');
  writeFileSync(file, `version: 1\nproxy: { url: ${root}/, key: secret:team }\n${yaml}`);
  return { l: await loadConfig(file), cacheDir: path.join(dir, 'cache'), file };
}

describe('the gateway’s model list', () => {
  it('proxyRoot is the gateway in client mode (no trailing slash), the local proxy otherwise', async () => {
    const { l } = await loaded('');
    expect(proxyRoot(l.config)).toBe(root);
    expect(proxyRoot({ ...l.config, proxy: { host: '0.0.0.0', port: 4100 } })).toBe('http://127.0.0.1:4100');
  });

  it('askGateway: the ids with the right key; 401 with a wrong one; no list; a refused connection', async () => {
    expect(await askGateway(root, KEY)).toEqual({ status: 200, models: ['glm-4', 'deepseek-chat'] });
    expect(await askGateway(root, 'sk-wrong')).toEqual({ status: 401 });
    expect((await askGateway(`${root}/broken`, KEY)).error).toMatch(/not a model list/);
    const down = await askGateway(`http://127.0.0.1:${await closedPort()}`, KEY, 2_000);
    expect(down.error).toBe('ECONNREFUSED');
  });

  it(
    'fetched once, then read from the cache (with the ' + 'fetch time) until --refresh; another key fetches anew',
    async () => {
      const { l, cacheDir, file } = await loaded('');
      const first = await gatewayModels(l.config, KEY, { cacheDir, file });
      expect(first).toMatchObject({ url: root, models: ['glm-4', 'deepseek-chat'], fresh: true });
      await saveGatewayCache(cacheDir, first, KEY);
      const text = readFileSync(path.join(cacheDir, 'gateway-models.json'), 'utf8');
      expect(text).not.toContain(KEY);
      expect(JSON.parse(text).fetchedAt).toBe(first.fetchedAt);

      models = ['glm-4', 'deepseek-chat', 'qwen-coder'];
      const n = asked;
      const cached = await gatewayModels(l.config, KEY, { cacheDir, file });
      expect(asked).toBe(n);
      expect(cached).toEqual({ ...first, fresh: false });
      const refreshed = await gatewayModels(l.config, KEY, { cacheDir, file, refresh: true });
      expect(refreshed.models).toContain('qwen-coder');
      // The cache remembers which key asked: another key is not served another's list.
      await expect(gatewayModels(l.config, 'sk-wrong', { cacheDir, file })).rejects.toThrow(
        /refused your key \(HTTP 401\)/,
      );
    },
  );

  it('an unreachable gateway without a cache is an error naming its URL and llmctl.yaml', async () => {
    const { l, cacheDir, file } = await loaded('');
    const url = `http://127.0.0.1:${await closedPort()}`;
    const config = { ...l.config, proxy: { ...l.config.proxy, url } };
    const e = await gatewayModels(config, KEY, { cacheDir, file }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlmctlError);
    expect((e as LlmctlError).message).toBe(`cannot reach the gateway: ${url}/v1/models: ECONNREFUSED`);
    expect((e as LlmctlError).hint).toContain(file);
  });

  it(
    'the tools get every gateway model, ' + 'or the ones llmctl.yaml lists with a warning for each the gateway lacks',
    async () => {
      const g = { url: root, fetchedAt: 'now', models: ['glm-4', 'deepseek-chat'], fresh: false };
      const all = withGatewayModels((await loaded('')).l, g);
      expect(all.config.models).toEqual([{ name: 'glm-4' }, { name: 'deepseek-chat' }]);
      expect(all.warnings).toEqual([]);
      const listed = withGatewayModels(
        (await loaded('models:\n  - { name: glm-4, roles: [chat] }\n  - { name: gone }\n')).l,
        g,
      );
      expect(listed.config.models.map((m) => m.name)).toEqual(['glm-4', 'gone']);
      expect(listed.warnings).toHaveLength(1);
      expect(listed.warnings[0]).toMatchObject({ line: 5, path: 'models[1].name' });
      expect(listed.warnings[0]!.message).toContain(`the gateway at ${root} has no model gone`);
    },
  );

  it('gatewayStatus: up with the key, refused without the right one, down when nothing answers', async () => {
    const { l } = await loaded('');
    const say = (id: string, p?: Record<string, unknown>) => `${id}${p ? JSON.stringify(p) : ''}`;
    expect(await gatewayStatus(l.config, KEY, say as never)).toMatchObject({ state: 'up', remote: true, url: root });
    expect(await gatewayStatus(l.config, 'sk-wrong', say as never)).toMatchObject({ state: 'unhealthy' });
    expect(await gatewayStatus(l.config, undefined, say as never)).toMatchObject({ state: 'down' });
  });
});
