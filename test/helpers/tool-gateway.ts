import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { llmctl, sandbox, type Sandbox } from './cli.js';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';
import { ensureLitellm, freePort } from './litellm.js';

export interface ToolGateway {
  sb: Sandbox;
  fake: FakeUpstream;
  /** The proxy key llmctl generated (to check no tool file holds it). */
  proxyKey: string;
  /** Stops the proxy and the fake upstream. */
  close(): Promise<void>;
}

/**
 * One user with one tool turned on, as the new-tool e2e tests need it: a fake chat-completions-only
 * upstream on 127.0.0.1 (its key `upstreamKey`, in DS_KEY), an llmctl.yaml with one model on it, a
 * `sync`, and the real LiteLLM started by `llmctl serve --detach`. `model` is the YAML of the model's
 * extra fields (default: the 8192-token cap the tests check upstream).
 */
export async function startToolGateway(o: {
  tool: 'codex' | 'opencode' | 'qwen' | 'gemini';
  upstreamKey: string;
  reply?: string;
  model?: string;
}): Promise<ToolGateway> {
  const litellm = await ensureLitellm();
  const fake = await startFakeUpstream({ name: 'deepseek', reply: o.reply ?? 'answer from the deepseek upstream' });
  const port = await freePort();
  const sb = sandbox({ LLMCTL_LITELLM: litellm, DS_KEY: o.upstreamKey });
  const close = async () => {
    await llmctl(sb, ['stop']);
    await fake.close();
  };
  try {
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  ds: { preset: siliconflow, apiBase: ${fake.url}/v1, apiKey: env:DS_KEY }
models:
  - { name: deepseek-chat, provider: ds, model: deepseek-ai/DeepSeek-V3, ${o.model ?? 'maxTokens: 8192'} }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  ${o.tool}: { enabled: true, setDefault: true }
`,
    );
    const sync = await llmctl(sb, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const serve = await llmctl(sb, ['serve', '--detach']);
    expect(serve.code, serve.stderr).toBe(0);
  } catch (e) {
    await close();
    throw e;
  }
  const proxyKey = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
  return { sb, fake, proxyKey, close };
}
