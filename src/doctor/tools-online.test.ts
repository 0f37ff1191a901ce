import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Facts } from './facts.js';
import { toolOnlineChecks } from './tools-online.js';

const MASTER = 'sk-llmctl-master-0123456789';
let server: http.Server | undefined;
afterEach(() => server?.close());

/** A proxy on 127.0.0.1 that records each request's path and auth headers; Gemini's route answers 500. */
async function fakeProxy(seen: { url: string; auth?: string; goog?: string; body: string }[]): Promise<string> {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        url: req.url!,
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        ...(req.headers['x-goog-api-key'] ? { goog: String(req.headers['x-goog-api-key']) } : {}),
        body,
      });
      const gemini = req.url!.startsWith('/v1beta/');
      res.writeHead(gemini ? 500 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(gemini ? { error: { message: `upstream broke, key ${MASTER}` } } : { ok: true }));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function facts(url: string, enabled: string[]): Facts {
  const tool = (name: string) => ({ enabled: enabled.includes(name) });
  return {
    config: {
      providers: { a100: { preset: 'vllm', apiBase: 'http://127.0.0.1:9/v1' } },
      models: [{ name: 'qwen', provider: 'a100' }],
      tools: {
        claude: {},
        codex: tool('codex'),
        opencode: tool('opencode'),
        qwen: tool('qwen'),
        gemini: tool('gemini'),
      },
      proxy: { masterKey: 'env:LLMCTL_MASTER' },
    },
    configText: 'version: 1',
    platform: { env: { LLMCTL_MASTER: MASTER } },
    paths: { logs: '/home/u/.config/llmctl/logs' },
    proxyLog: '/home/u/.config/llmctl/logs/proxy.log',
    proxy: { state: 'up', url, healthy: true },
    masterKey: MASTER,
    secrets: { get: () => undefined, values: () => [] },
  } as unknown as Facts;
}

describe('doctor --online: the API each tool speaks, through the proxy', () => {
  it(
    'Codex: /v1/responses, opencode and Qwen Code: ' +
      'chat completions (Bearer), Gemini CLI: generateContent (x-goog-api-key)',
    async () => {
      const seen: { url: string; auth?: string; goog?: string; body: string }[] = [];
      const url = await fakeProxy(seen);
      const checks = await toolOnlineChecks(facts(url, ['codex', 'opencode', 'qwen', 'gemini']));
      const by = Object.fromEntries(checks.map((c) => [c.id, c]));
      expect(by['tools.codex.api']).toMatchObject({ status: 'PASS', found: 'qwen: 200' });
      expect(by['tools.opencode.api']?.status).toBe('PASS');
      expect(by['tools.qwen.api']?.status).toBe('PASS');
      const g = by['tools.gemini.api']!;
      expect(g.status).toBe('FAIL');
      expect(g.found).toContain('HTTP 500 upstream broke');
      expect(g.found).not.toContain(MASTER);
      expect(g.fix).toContain('a100');
      const at = (p: string) => seen.filter((s) => s.url === p);
      expect(at('/v1/responses')).toHaveLength(1);
      expect(JSON.parse(at('/v1/responses')[0]!.body)).toMatchObject({ model: 'qwen', input: expect.any(String) });
      expect(at('/v1/chat/completions')).toHaveLength(2);
      for (const s of [...at('/v1/responses'), ...at('/v1/chat/completions')]) expect(s.auth).toBe(`Bearer ${MASTER}`);
      const gem = at('/v1beta/models/qwen:generateContent');
      expect(gem).toHaveLength(1);
      expect(gem[0]).toMatchObject({ goog: MASTER });
      expect(gem[0]!.auth).toBeUndefined();
    },
  );

  it('a tool not enabled SKIPs and sends nothing', async () => {
    const seen: { url: string; body: string }[] = [];
    const checks = await toolOnlineChecks(facts(await fakeProxy(seen), ['codex']));
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['tools.codex.api', 'PASS'],
      ['tools.opencode.api', 'SKIP'],
      ['tools.qwen.api', 'SKIP'],
      ['tools.gemini.api', 'SKIP'],
    ]);
    expect(seen.map((s) => s.url)).toEqual(['/v1/responses']);
  });
});
