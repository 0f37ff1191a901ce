import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, runProgram, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort } from '../helpers/litellm.js';
import { clientEnv, ensureTool } from '../helpers/tools.js';

/**
 * The real opencode (npm opencode-ai), configured only by `llmctl sync` (its key read from
 * llmctl.key through `{file:…}`), through the real LiteLLM started by `llmctl serve`, to a fake
 * chat-completions-only upstream that records the model, the key and the output cap.
 */
const UPSTREAM_KEY = 'sk-opencode-e2e-upstream-000222';

describe('opencode run → llmctl serve (real LiteLLM) → chat-completions-only upstream', () => {
  let sb: Sandbox;
  let opencode: string;
  let fake: FakeUpstream;
  let proxyKey: string;

  beforeAll(async () => {
    opencode = ensureTool('opencode');
    const litellm = await ensureLitellm();
    fake = await startFakeUpstream({ name: 'deepseek', reply: 'answer from the deepseek upstream' });
    const port = await freePort();
    sb = sandbox({ LLMCTL_LITELLM: litellm, DS_KEY: UPSTREAM_KEY });
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  ds: { preset: siliconflow, apiBase: ${fake.url}/v1, apiKey: env:DS_KEY }
models:
  - { name: deepseek-chat, provider: ds, model: deepseek-ai/DeepSeek-V3, maxTokens: 8192 }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  opencode: { enabled: true, setDefault: true }
`,
    );
    const sync = await llmctl(sb, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const serve = await llmctl(sb, ['serve', '--detach']);
    expect(serve.code, serve.stderr).toBe(0);
    proxyKey = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
  }, 900_000);

  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
    await fake?.close();
  });

  it('opencode run prints the upstream’s answer; the upstream got its model, its key and the 8192 cap', async () => {
    const config = readFileSync(path.join(sb.home, '.config', 'opencode', 'opencode.json'), 'utf8');
    expect(config).not.toContain(proxyKey);
    const env = { ...clientEnv(sb.home), XDG_CONFIG_HOME: path.join(sb.home, '.config') };
    const r = await runProgram(opencode, ['run', 'Say hi'], { env, cwd: sb.dir, timeoutMs: 180_000 });
    const got = fake.chats();
    expect(got.length, `opencode exit ${r.code}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
    for (const q of got) {
      expect(q.path).toBe('/v1/chat/completions');
      expect(q.body.model).toBe('deepseek-ai/DeepSeek-V3');
      expect(q.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
      expect(q.body.max_tokens).toBe(8192);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('answer from the deepseek upstream');
  });
});
