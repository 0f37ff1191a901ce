import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

/**
 * Client mode through the built binary, against a stand-in gateway on 127.0.0.1 that answers
 * /v1/models for one key (the real LiteLLM is in test/e2e/client-mode.test.ts).
 */

const KEY = 'sk-team-virtual-0042';
let served = ['glm-4', 'claude-3-5-haiku-20241022'];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${KEY}`) return res.writeHead(401).end('{}');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: served.map((id) => ({ id })) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function user(yaml = ''): Promise<Sandbox> {
  const sb = sandbox();
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1\nproxy: { url: ${url}, key: secret:team }\n${yaml}`,
  );
  expect((await llmctl(sb, ['keys', 'set', 'team', '--stdin'], { input: `${KEY}\n` })).code).toBe(0);
  return sb;
}

describe('client mode (proxy.url)', () => {
  it(
    'sync: the tools point at the gateway with proxy.key; ' +
      'no LiteLLM config, no master key; cached list until --refresh',
    async () => {
      const sb = await user();
      const r = await llmctl(sb, ['sync']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Models from the gateway ${url}: 2 (fetched now).`);
      const settings = JSON.parse(readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8'));
      expect(settings.env).toMatchObject({ ANTHROPIC_BASE_URL: url, ANTHROPIC_AUTH_TOKEN: KEY });
      expect(settings.env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('claude-3-5-haiku-20241022');
      expect(existsSync(path.join(sb.llmctlHome, 'litellm.config.yaml'))).toBe(false);
      const secrets = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets;
      expect(Object.keys(secrets)).toEqual(['team']);

      served = ['glm-4', 'claude-3-5-haiku-20241022', 'qwen-coder'];
      try {
        const again = await llmctl(sb, ['sync']);
        expect(again.stderr).toMatch(/Models from the gateway .*: 2 \(list fetched .* UTC; `llmctl sync --refresh`/);
        const refreshed = await llmctl(sb, ['sync', '--refresh']);
        expect(refreshed.code, refreshed.stderr).toBe(0);
        expect(refreshed.stderr).toContain(': 3 (fetched now).');
        expect(readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8')).toContain('name: qwen-coder');
      } finally {
        served = ['glm-4', 'claude-3-5-haiku-20241022'];
      }
    },
  );

  it('listed models the gateway lacks are warnings at their line; the tools still get the list', async () => {
    const sb = await user('models:\n  - { name: glm-4 }\n  - { name: gone-model }\n');
    const r = await llmctl(sb, ['sync']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/llmctl\.yaml:5:\d+ models\[1\]\.name: the gateway at .* has no model gone-model/);
  });

  it('unreachable without a cache: exit 1 naming the URL, nothing written; in Chinese too', async () => {
    const sb = sandbox();
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      'version: 1\nproxy: { url: http://127.0.0.1:9, key: env:TEAM }\n',
    );
    const before = snapshot(sb.dir);
    const r = await llmctl(sb, ['sync'], { env: { TEAM: KEY } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot reach the gateway: http://127.0.0.1:9/v1/models');
    expect(snapshot(sb.dir)).toEqual(before);
    const zh = await llmctl(sb, ['sync'], { env: { TEAM: KEY, LLMCTL_LANG: 'zh-CN' } });
    expect(zh.stderr).toContain('无法访问网关：http://127.0.0.1:9/v1/models');
  });

  it('serve explains the gateway is remote and starts nothing (exit 0); status shows the gateway', async () => {
    const sb = await user();
    expect((await llmctl(sb, ['sync'])).code).toBe(0);
    const serve = await llmctl(sb, ['serve', '--detach']);
    expect(serve.code).toBe(0);
    expect(serve.stderr).toContain(
      `Client mode: the gateway at ${url} is run by someone else, so llmctl starts no proxy.`,
    );
    expect(existsSync(path.join(sb.llmctlHome, 'proxy.pid'))).toBe(false);
    const status = await llmctl(sb, ['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^gateway\\s+up ${url} — remote, key accepted, 2 models$`, 'm'));
    expect(status.stdout).not.toMatch(/^litellm/m);
  });

  it('doctor (offline) skips the local proxy checks and finds nothing wrong with LiteLLM missing', async () => {
    const sb = await user('tools:\n  claude: { onboarding: true }\n');
    expect((await llmctl(sb, ['sync'])).code).toBe(0);
    const r = await llmctl(sb, ['doctor', '--json'], { env: { LLMCTL_LITELLM: '/nonexistent/litellm' } });
    const checks: { id: string; status: string }[] = JSON.parse(r.stdout).checks;
    const by = Object.fromEntries(checks.map((c) => [c.id, c.status]));
    for (const id of ['litellm.installed', 'python.version', 'proxy.port', 'proxy.config', 'proxy.exposure'])
      expect(by[id], id).toBe('SKIP');
    expect(by['claude.settings']).toBe('PASS');
    expect(by['config.valid']).toBe('PASS');
    expect(checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });

  it('import continue --gateway makes the seed client mode', async () => {
    const sb = sandbox();
    const r = await llmctl(sb, ['import', 'continue', path.join(SEED, 'continue.config.yaml'), '--gateway']);
    expect(r.code, r.stderr).toBe(0);
    const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
    expect(yaml).toContain('url: http://172.16.1.166:4000');
    expect(yaml).toContain('key: secret:gateway');
    expect(yaml).not.toContain('providers:');
    expect(r.stderr).toContain('llmctl keys set gateway');
  });
});
