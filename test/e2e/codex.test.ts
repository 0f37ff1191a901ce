import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, runProgram, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort } from '../helpers/litellm.js';
import { clientEnv, ensureTool } from '../helpers/tools.js';

/**
 * The real Codex CLI (npm @openai/codex, Responses API only), configured only by `llmctl sync`,
 * through the real LiteLLM started by `llmctl serve`, to a fake upstream that speaks only chat
 * completions: LiteLLM's Responses→chat bridge (use_chat_completions_api) carries the request, set by the generated config because Codex is on.
 */
const UPSTREAM_KEY = 'sk-codex-e2e-upstream-000111';

describe('codex exec → llmctl serve (real LiteLLM) → chat-completions-only upstream', () => {
  let sb: Sandbox;
  let codex: string;
  let fake: FakeUpstream;
  let proxyKey: string;

  beforeAll(async () => {
    codex = ensureTool('codex');
    const litellm = await ensureLitellm();
    fake = await startFakeUpstream({ name: 'deepseek', reply: 'answer from the deepseek upstream' });
    const port = await freePort();
    sb = sandbox({ LLMCTL_LITELLM: litellm, DS_KEY: UPSTREAM_KEY });
    // Until the hook in src/targets/litellm.ts lands (codex-litellm.ts), the bridge comes from params.
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
  codex: { enabled: true, setDefault: true }
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

  it('codex exec prints the upstream’s answer; the upstream got its own model name and key', async () => {
    const toml = readFileSync(path.join(sb.home, '.codex', 'config.toml'), 'utf8');
    expect(toml).not.toContain(proxyKey);
    const env = { ...clientEnv(sb.home), CODEX_HOME: path.join(sb.home, '.codex') };
    const r = await runProgram(codex, ['exec', '--skip-git-repo-check', '--sandbox', 'read-only', 'Say hi'], {
      env,
      cwd: sb.dir,
      timeoutMs: 180_000,
    });
    const got = fake.chats();
    expect(got.length, `codex exit ${r.code}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
    for (const q of got) {
      expect(q.path).toBe('/v1/chat/completions');
      expect(q.body.model).toBe('deepseek-ai/DeepSeek-V3');
      expect(q.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
      expect(JSON.stringify(q.headers)).not.toContain(proxyKey);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('answer from the deepseek upstream');
  });
});

describe('without the bridge setting, LiteLLM sends Codex’s request to the upstream’s own /responses', () => {
  it('the chat-completions-only upstream gets POST /v1/responses, and Codex gets no answer', async () => {
    const codex = ensureTool('codex');
    const litellm = await ensureLitellm();
    const fake = await startFakeUpstream({ name: 'chat-only', reply: 'never sent' });
    const port = await freePort();
    const sb = sandbox({ LLMCTL_LITELLM: litellm, DS_KEY: UPSTREAM_KEY });
    try {
      writeFileSync(
        path.join(sb.llmctlHome, 'llmctl.yaml'),
        `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  ds: { preset: siliconflow, apiBase: ${fake.url}/v1, apiKey: env:DS_KEY }
models:
  - { name: deepseek-chat, provider: ds, model: deepseek-ai/DeepSeek-V3, params: { use_chat_completions_api: false } }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  codex: { enabled: true, setDefault: true }
`,
      );
      expect((await llmctl(sb, ['sync'])).code).toBe(0);
      const serve = await llmctl(sb, ['serve', '--detach']);
      expect(serve.code, serve.stderr).toBe(0);
      const env = { ...clientEnv(sb.home), CODEX_HOME: path.join(sb.home, '.codex') };
      const r = await runProgram(
        codex,
        [
          'exec',
          '--skip-git-repo-check',
          '--sandbox',
          'read-only',
          '-c',
          'model_providers.llmctl.request_max_retries=0',
          '-c',
          'model_providers.llmctl.stream_max_retries=0',
          'Say hi',
        ],
        { env, cwd: sb.dir, timeoutMs: 180_000 },
      );
      expect(
        fake.requests.some((q) => q.path === '/v1/responses'),
        JSON.stringify(fake.requests.map((q) => q.path)),
      ).toBe(true);
      expect(fake.chats().filter((q) => q.path === '/v1/chat/completions')).toHaveLength(0);
      expect(r.stdout).not.toContain('never sent');
    } finally {
      await llmctl(sb, ['stop']);
      await fake.close();
    }
  }, 900_000);
});
