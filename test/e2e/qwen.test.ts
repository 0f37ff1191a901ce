import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram, type Sandbox } from '../helpers/cli.js';
import type { FakeUpstream } from '../helpers/fake-upstream.js';
import { clientEnv, ensureTool } from '../helpers/tools.js';
import { startToolGateway, type ToolGateway } from '../helpers/tool-gateway.js';

/**
 * The real Qwen Code (npm @qwen-code/qwen-code), configured only by `llmctl sync` (its key read from
 * ~/.qwen/.env through envKey), through the real LiteLLM started by `llmctl serve`, to a fake
 * chat-completions-only upstream that records the model, the key and the output cap.
 */
const UPSTREAM_KEY = 'sk-qwen-e2e-upstream-000333';

describe('qwen -p → llmctl serve (real LiteLLM) → chat-completions-only upstream', () => {
  let sb: Sandbox;
  let qwen: string;
  let fake: FakeUpstream;
  let proxyKey: string;
  let gw: ToolGateway | undefined;

  beforeAll(async () => {
    qwen = ensureTool('qwen');
    gw = await startToolGateway({ tool: 'qwen', upstreamKey: UPSTREAM_KEY });
    ({ sb, fake, proxyKey } = gw);
  }, 900_000);

  afterAll(async () => {
    await gw?.close();
  });

  it('qwen -p prints the upstream’s answer; the upstream got its model, its key and the 8192 cap', async () => {
    const settings = readFileSync(path.join(sb.home, '.qwen', 'settings.json'), 'utf8');
    expect(settings).not.toContain(proxyKey);
    const work = path.join(sb.dir, 'work');
    mkdirSync(work, { recursive: true });
    const r = await runProgram(qwen, ['-p', 'Say hi'], { env: clientEnv(sb.home), cwd: work, timeoutMs: 180_000 });
    const got = fake.chats();
    expect(got.length, `qwen exit ${r.code}\nstderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
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
