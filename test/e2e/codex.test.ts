import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type Sandbox } from '../helpers/cli.js';
import type { FakeUpstream } from '../helpers/fake-upstream.js';
import { clientEnv, ensureTool } from '../helpers/tools.js';
import { startToolGateway, type ToolGateway } from '../helpers/tool-gateway.js';

/**
 * The real Codex CLI (npm @openai/codex, Responses API only), configured only by `llmctl sync`,
 * through the real LiteLLM started by `llmctl serve`, to a fake upstream that speaks only chat
 * completions: LiteLLM's Responses→chat bridge (use_chat_completions_api) carries the request, set by
 * the generated config because Codex is on.
 */
const UPSTREAM_KEY = 'sk-codex-e2e-upstream-000111';

describe('codex exec → llmctl serve (real LiteLLM) → chat-completions-only upstream', () => {
  let sb: Sandbox;
  let codex: string;
  let fake: FakeUpstream;
  let proxyKey: string;
  let gw: ToolGateway | undefined;

  beforeAll(async () => {
    codex = ensureTool('codex');
    gw = await startToolGateway({ tool: 'codex', upstreamKey: UPSTREAM_KEY });
    ({ sb, fake, proxyKey } = gw);
  }, 900_000);

  afterAll(async () => {
    await gw?.close();
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
    const gw = await startToolGateway({
      tool: 'codex',
      upstreamKey: UPSTREAM_KEY,
      reply: 'never sent',
      model: 'params: { use_chat_completions_api: false }',
    });
    const { sb, fake } = gw;
    try {
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
      await gw.close();
    }
  }, 900_000);
});
