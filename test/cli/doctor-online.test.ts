import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { llmctl, sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';

const KEY = 'sk-upstream-online-test-0123456789';
const open: FakeUpstream[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((u) => u.close()));
});

async function run(config: string) {
  const sb = sandbox({ CLAUDE_CONFIG_DIR: '', UP_KEY: KEY });
  sb.env.CLAUDE_CONFIG_DIR = path.join(sb.home, '.claude');
  writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), config);
  const res = await llmctl(sb, ['doctor', '--online', '--json']);
  return {
    res,
    r: JSON.parse(res.stdout) as { checks: { id: string; status: string; found: string; fix?: string }[] },
  };
}
const cfg = (base: string, port: number) => `version: 1
proxy: { port: ${port} }
providers:
  up: { preset: vllm, apiBase: ${base}/v1, apiKey: env:UP_KEY }
models:
  - { name: m1, provider: up }
tools:
  claude: { model: m1, haikuModel: m1 }
`;

describe('llmctl doctor --online', () => {
  it(
    "lists each provider's models with its key (sent as Bearer, " +
      'never printed); proxy checks SKIP while it is down',
    async () => {
      // A vLLM must serve the model llmctl.yaml lists for it (m1): doctor checks that too.
      const up = await startFakeUpstream({ name: 'up', models: ['m1', 'b', 'c'] });
      open.push(up);
      const { res, r } = await run(cfg(up.url, 1));
      const c = r.checks.find((x) => x.id === 'online.provider.up')!;
      expect(c.status).toBe('PASS');
      expect(c.found).toContain('3 models');
      const asked = up.requests.find((q) => q.path === '/v1/models')!;
      expect(asked.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(res.stdout + res.stderr).not.toContain(KEY);
      expect(r.checks.find((x) => x.id === 'online.proxy.chat')).toMatchObject({
        status: 'SKIP',
        found: expect.stringContaining('llmctl serve'),
      });
      expect(r.checks.find((x) => x.id === 'online.proxy.messages')?.status).toBe('SKIP');
    },
  );

  it('a rejected key is a FAIL that says how to set the key', async () => {
    const up = await startFakeUpstream({ name: 'up', failWith: 401 });
    open.push(up);
    const { res, r } = await run(cfg(up.url, 1));
    expect(res.code).toBe(1);
    expect(r.checks.find((x) => x.id === 'online.provider.up')).toMatchObject({
      status: 'FAIL',
      found: expect.stringContaining('HTTP 401'),
      fix: expect.stringContaining('UP_KEY'),
    });
  });

  it('an unreachable provider fails fast', async () => {
    const up = await startFakeUpstream({ name: 'up' });
    const url = up.url;
    await up.close();
    const t0 = Date.now();
    const { r } = await run(cfg(url, 1));
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.checks.find((x) => x.id === 'online.provider.up')).toMatchObject({
      status: 'FAIL',
      found: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
