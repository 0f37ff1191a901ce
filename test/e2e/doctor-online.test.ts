import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort } from '../helpers/litellm.js';
import { ensureClients } from '../helpers/tools.js';

interface JsonCheck {
  id: string;
  status: string;
  found: string;
  fix?: string;
}

const KEY = 'sk-upstream-e2e-doctor-0123456789';

/**
 * The whole path, proven by `doctor --online`: the real LiteLLM started by `llmctl serve --detach`,
 * one chat completion and one /v1/messages request through it to a fake paid upstream.
 */
describe('llmctl doctor --online against the real LiteLLM proxy', () => {
  let sb: Sandbox;
  let up: FakeUpstream;
  let port: number;
  const configFile = () => path.join(sb.llmctlHome, 'llmctl.yaml');

  beforeAll(async () => {
    const [litellm, clients] = await Promise.all([ensureLitellm(), Promise.resolve(ensureClients())]);
    up = await startFakeUpstream({ name: 'up', formats: ['openai'], models: ['qwen-7b'] });
    port = await freePort();
    sb = sandbox({ LLMCTL_LITELLM: litellm, UP_KEY: KEY, CLAUDE_CONFIG_DIR: '' });
    sb.env.CLAUDE_CONFIG_DIR = path.join(sb.home, '.claude');
    sb.env.PATH = `${path.dirname(clients.claude)}${path.delimiter}${sb.env.PATH ?? ''}`;
    writeFileSync(
      configFile(),
      `version: 1
proxy: { port: ${port} }
providers:
  up: { preset: vllm, apiBase: ${up.url}/v1, apiKey: env:UP_KEY }
models:
  - { name: qwen-7b, provider: up }
  - { name: claude-3-5-haiku-20241022, provider: up, model: qwen-7b }
tools:
  claude: { model: qwen-7b, haikuModel: claude-3-5-haiku-20241022, onboarding: false }
`,
    );
    const sync = await llmctl(sb, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const serve = await llmctl(sb, ['serve', '--detach']);
    expect(serve.code, serve.stderr).toBe(0);
  }, 1_800_000);

  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
    await up?.close();
  });

  const doctor = async () => {
    const res = await llmctl(sb, ['doctor', '--online', '--json']);
    const r = JSON.parse(res.stdout) as { ok: boolean; checks: JsonCheck[] };
    return { res, r, get: (id: string) => r.checks.find((c) => c.id === id)! };
  };

  it('all PASS: provider models, the proxy serves every model, chat completions and /v1/messages answer', async () => {
    const { res, r, get } = await doctor();
    expect(
      r.checks.filter((c) => c.status !== 'PASS' && c.status !== 'SKIP'),
      res.stdout,
    ).toEqual([]);
    expect(res.code).toBe(0);
    expect(get('litellm.installed').found).toMatch(/^LiteLLM 1\.\d+\.\d+ at /);
    expect(get('proxy.port').found).toContain('up at');
    expect(get('online.provider.up').found).toContain('serves 1 model: qwen-7b');
    expect(get('online.proxy.models').status).toBe('PASS');
    expect(get('online.proxy.chat')).toMatchObject({ status: 'PASS', found: 'qwen-7b: 200' });
    expect(get('online.proxy.messages')).toMatchObject({ status: 'PASS', found: 'claude-3-5-haiku-20241022: 200' });
    // Both requests really went through LiteLLM to the upstream, with the upstream's key.
    const chats = up.chats();
    expect(chats.length).toBeGreaterThanOrEqual(2);
    expect(chats.every((c) => c.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const master = (
      JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> }
    ).secrets.proxy!;
    expect(res.stdout + res.stderr).not.toContain(master);
    expect(res.stdout + res.stderr).not.toContain(KEY);
  });

  it(
    'a model added while the proxy runs: ' +
      'sync --no-restart leaves it stale (FAIL with the restart fix, which works)',
    async () => {
      writeFileSync(
        configFile(),
        readFileSync(configFile(), 'utf8').replace(
          'models:\n',
          'models:\n  - { name: added-later, provider: up, model: qwen-7b }\n',
        ),
      );
      expect((await llmctl(sb, ['sync', '--no-restart'])).code).toBe(0);
      const before = await doctor();
      expect(before.get('online.proxy.models')).toMatchObject({
        status: 'FAIL',
        found: expect.stringContaining('added-later'),
        fix: expect.stringContaining('llmctl serve --restart'),
      });
      expect(before.res.code).toBe(1);
      const restart = await llmctl(sb, ['serve', '--restart']);
      expect(restart.code, restart.stderr).toBe(0);
      const after = await doctor();
      expect(after.get('online.proxy.models').status).toBe('PASS');
      expect(after.res.code).toBe(0);
    },
  );
});
