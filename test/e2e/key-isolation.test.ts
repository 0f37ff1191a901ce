import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processesMentioning } from '../helpers/litellm.js';

/**
 * Each key reaches only its own upstream, through the real LiteLLM started by `llmctl serve`:
 * two near-colliding secret names (team-a / team_a), a keyless vLLM-style server, and a shell full
 * of keys (OpenAI, Anthropic, AWS, HOSTED_VLLM) that must never leave it.
 */
const KEY_A = 'sk-team-a-0123456789abcdef';
const KEY_B = 'sk-team-b-fedcba9876543210';
const SHELL = {
  OPENAI_API_KEY: 'sk-shell-openai-DO-NOT-SEND',
  ANTHROPIC_API_KEY: 'sk-ant-shell-DO-NOT-SEND',
  AWS_ACCESS_KEY_ID: 'AKIASHELLDONOTSEND',
  AWS_SECRET_ACCESS_KEY: 'aws-shell-secret-DO-NOT-SEND',
  HOSTED_VLLM_API_KEY: 'vllm-shell-DO-NOT-SEND',
};

let sb: Sandbox;
let a: FakeUpstream;
let b: FakeUpstream;
let c: FakeUpstream;
let base: string;
let masterKey: string;

beforeAll(async () => {
  const litellm = await ensureLitellm();
  [a, b, c] = await Promise.all([
    startFakeUpstream({ name: 'team-a', reply: 'pong from A' }),
    startFakeUpstream({ name: 'team_a', reply: 'pong from B' }),
    startFakeUpstream({ name: 'vllm', reply: 'pong from the keyless C' }),
  ]);
  const port = await freePort();
  sb = sandbox({ LLMCTL_LITELLM: litellm, ...SHELL });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  alpha: { preset: custom, apiBase: ${a.url}/v1, apiKey: secret:team-a }
  beta: { preset: custom, apiBase: ${b.url}/v1, apiKey: secret:team_a }
  lan: { preset: custom, apiBase: ${c.url}/v1 }
models:
  - { name: model-a, provider: alpha }
  - { name: model-b, provider: beta }
  - { name: model-c, provider: lan }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
  );
  expect((await llmctl(sb, ['keys', 'set', 'team-a', '--stdin'], { input: KEY_A })).code).toBe(0);
  expect((await llmctl(sb, ['keys', 'set', 'team_a', '--stdin'], { input: KEY_B })).code).toBe(0);
  const r = await llmctl(sb, ['serve', '--detach']);
  expect(r.code, r.stderr).toBe(0);
  base = `http://127.0.0.1:${port}`;
  masterKey = (
    JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> }
  ).secrets.proxy!;
}, 900_000);

afterAll(async () => {
  if (sb) {
    const stop = await llmctl(sb, ['stop']);
    expect(stop.code, stop.stderr).toBe(0);
  }
  await Promise.all([a, b, c].filter(Boolean).map((f) => f.close()));
});

async function chat(model: string): Promise<string> {
  const r = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${masterKey}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const body = (await r.json()) as { choices?: { message: { content: string } }[] };
  expect(r.status, JSON.stringify(body)).toBe(200);
  return body.choices![0]!.message.content;
}

describe('a key reaches only its own upstream (real LiteLLM)', () => {
  it(
    'each upstream answers and receives exactly its own key; ' + 'the keyless one gets the harmless placeholder',
    async () => {
      expect(await chat('model-a')).toBe('pong from A');
      expect(await chat('model-b')).toBe('pong from B');
      expect(await chat('model-c')).toBe('pong from the keyless C');
      expect(a.chats().map((q) => q.headers.authorization)).toEqual([`Bearer ${KEY_A}`]);
      expect(b.chats().map((q) => q.headers.authorization)).toEqual([`Bearer ${KEY_B}`]);
      expect(c.chats().map((q) => q.headers.authorization)).toEqual(['Bearer llmctl-no-key']);
    },
  );

  it('no upstream ever sees a key of the shell, in any header', () => {
    const seen = JSON.stringify([a, b, c].flatMap((u) => u.requests.map((q) => q.headers)));
    for (const v of Object.values(SHELL)) expect(seen).not.toContain(v);
  });

  it('the shell’s keys are not even in the proxy’s environment', () => {
    const procs = processesMentioning(sb.llmctlHome);
    expect(procs.length).toBeGreaterThan(0);
    for (const p of procs) {
      let environ = '';
      try {
        environ = readFileSync(`/proc/${p.pid}/environ`, 'utf8');
      } catch {
        continue;
      }
      for (const [k, v] of Object.entries(SHELL)) {
        expect(environ).not.toContain(`${k}=`);
        expect(environ).not.toContain(v);
      }
    }
  });
});
