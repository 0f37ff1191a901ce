import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { gatewayChecks, localProxyOnly } from './client-mode.js';
import type { Facts } from './facts.js';
import { fail } from './types.js';

const KEY = 'sk-team-doctor-77';
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${KEY}`) return res.writeHead(401).end('{}');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: [{ id: 'glm-4' }, { id: 'haiku' }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function facts(o: { key?: string; models?: string[]; claudeModel?: string; local?: boolean }): Facts {
  const config = ConfigSchema.parse({
    version: 1,
    proxy: o.local ? {} : { url, key: 'secret:team' },
    models: (o.models ?? ['glm-4']).map((name) => ({ name, ...(o.local ? { provider: 'p' } : {}) })),
  });
  return {
    config,
    toolKey: o.key,
    claudeSettings: { model: o.claudeModel ?? 'glm-4', env: { ANTHROPIC_DEFAULT_HAIKU_MODEL: 'haiku' } },
  } as unknown as Facts;
}

describe('doctor in client mode', () => {
  it('the checks of a local proxy are skipped, same id and title, with why; kept outside client mode', () => {
    const check = localProxyOnly(() => fail('litellm.installed', 'LiteLLM', 'not found'));
    expect(check(facts({ key: KEY }))).toEqual([
      expect.objectContaining({ id: 'litellm.installed', title: 'LiteLLM', status: 'SKIP' }),
    ]);
    expect([check(facts({ key: KEY }))].flat()[0]!.found).toContain(`the gateway at ${url} is run by someone else`);
    expect([check(facts({ local: true }))].flat()[0]!.status).toBe('FAIL');
  });

  it('--online: the gateway answers with the key and serves every model the tools use', async () => {
    const [reach, models] = await gatewayChecks(facts({ key: KEY }));
    expect(reach).toMatchObject({ id: 'online.gateway', status: 'PASS' });
    expect(reach!.found).toBe(`${url}: key accepted, 2 models`);
    expect(models).toMatchObject({ id: 'online.gateway.models', status: 'PASS' });
  });

  it('a model a tool asks for that the gateway lacks fails, by name; a refused key fails the first check', async () => {
    const [, models] = await gatewayChecks(facts({ key: KEY, models: ['glm-4', 'gone'], claudeModel: 'also-gone' }));
    expect(models!.status).toBe('FAIL');
    expect(models!.found).toBe('not on the gateway: gone, also-gone');
    const [reach, skipped] = await gatewayChecks(facts({ key: 'sk-wrong' }));
    expect(reach!.status).toBe('FAIL');
    expect(reach!.found).toContain('refused your key (HTTP 401)');
    expect(reach!.found).not.toContain('sk-wrong');
    expect(skipped!.status).toBe('SKIP');
  });
});
