import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type Sandbox } from '../helpers/cli.js';
import type { FakeUpstream } from '../helpers/fake-upstream.js';
import { clientEnv, ensureTool } from '../helpers/tools.js';
import { startToolGateway, type ToolGateway } from '../helpers/tool-gateway.js';

/**
 * The real Gemini CLI (npm @google/gemini-cli), configured only by `llmctl sync` (base URL and key
 * from ~/.gemini/.env), speaking Gemini's generateContent API to the real LiteLLM started by
 * `llmctl serve`, which translates it for a fake chat-completions-only upstream.
 */
const UPSTREAM_KEY = 'sk-gemini-e2e-upstream-000444';

describe('gemini -p → llmctl serve (real LiteLLM) → chat-completions-only upstream', () => {
  let sb: Sandbox;
  let gemini: string;
  let fake: FakeUpstream;
  let proxyKey: string;
  let gw: ToolGateway | undefined;

  beforeAll(async () => {
    gemini = ensureTool('gemini');
    gw = await startToolGateway({ tool: 'gemini', upstreamKey: UPSTREAM_KEY });
    ({ sb, fake, proxyKey } = gw);
  }, 900_000);

  afterAll(async () => {
    await gw?.close();
  });

  it('gemini -p prints the upstream’s answer; the upstream got its own model name and key', async () => {
    const settings = readFileSync(path.join(sb.home, '.gemini', 'settings.json'), 'utf8');
    expect(settings).not.toContain(proxyKey);
    const work = path.join(sb.dir, 'work');
    mkdirSync(work, { recursive: true });
    // Gemini CLI reads ~/.gemini/.env only in a trusted folder (folder trust is on by default since
    // 0.5x; a person answers the trust prompt once). Headless, the variable says the same.
    const env = { ...clientEnv(sb.home), GEMINI_CLI_NO_RELAUNCH: 'true', GEMINI_CLI_TRUST_WORKSPACE: 'true' };
    const r = await runProgram(gemini, ['-p', 'Say hi'], { env, cwd: work, timeoutMs: 180_000 });
    const got = fake.chats();
    expect(got.length, `gemini exit ${r.code}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
    for (const q of got) {
      expect(q.path).toBe('/v1/chat/completions');
      expect(q.body.model).toBe('deepseek-ai/DeepSeek-V3');
      expect(q.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    }
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('answer from the deepseek upstream');
  });
});
