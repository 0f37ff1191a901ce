import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type Sandbox } from '../helpers/cli.js';
import type { FakeUpstream } from '../helpers/fake-upstream.js';
import { clientEnv, ensureTool } from '../helpers/tools.js';
import { startToolGateway, type ToolGateway } from '../helpers/tool-gateway.js';

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
  let gw: ToolGateway | undefined;

  beforeAll(async () => {
    opencode = ensureTool('opencode');
    gw = await startToolGateway({ tool: 'opencode', upstreamKey: UPSTREAM_KEY });
    ({ sb, fake, proxyKey } = gw);
  }, 900_000);

  afterAll(async () => {
    await gw?.close();
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
