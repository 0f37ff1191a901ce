import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processTree } from '../helpers/litellm.js';

/**
 * The real LiteLLM proxy, started once by `llmctl serve --detach` for this file, in front of fake
 * OpenAI-format upstreams (like Zhipu, SiliconFlow and vLLM: chat completions only).
 */
const ZHIPU_KEY = 'sk-zhipu-e2e-0123456789abcdef';
const SF_KEY = 'sk-siliconflow-e2e-fedcba9876543210';

let sb: Sandbox;
let zhipu: FakeUpstream;
let sf: FakeUpstream;
let a100: FakeUpstream;
let a101: FakeUpstream;
let base: string;
let masterKey: string;
let serveEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  const litellm = await ensureLitellm();
  [zhipu, sf, a100, a101] = await Promise.all([
    startFakeUpstream({ name: 'zhipu', reply: 'pong from zhipu glm' }),
    startFakeUpstream({ name: 'siliconflow', reply: 'pong from the deepseek distill' }),
    startFakeUpstream({ name: 'a100' }),
    startFakeUpstream({ name: 'a101' }),
  ]);
  const port = await freePort();
  sb = sandbox({ LLMCTL_LITELLM: litellm });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu, apiBase: ${zhipu.url}/v1 }
  siliconflow: { preset: siliconflow, apiKey: env:SILICONFLOW_API_KEY, apiBase: ${sf.url}/v1 }
  a100: { preset: vllm, apiBase: ${a100.url}/v1 }
  a101: { preset: vllm, apiBase: ${a101.url}/v1 }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu, params: { temperature: 0.7 } }
  - { name: claude-3-5-haiku-20241022, provider: siliconflow, model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }
  - { name: gemma-3-4b-it, model: google/gemma-3-4b-it, deployments: [ { provider: a100 }, { provider: a101 } ] }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
  );
  const set = await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: ZHIPU_KEY });
  expect(set.code, set.stderr).toBe(0);
  serveEnv = { SILICONFLOW_API_KEY: SF_KEY };
  const r = await llmctl(sb, ['serve', '--detach'], { env: serveEnv });
  expect(r.code, r.stderr).toBe(0);
  base = `http://127.0.0.1:${port}`;
  expect(r.stdout).toContain(`OpenAI base URL:    ${base}/v1`);
  expect(r.stdout).toContain(`Anthropic base URL: ${base}`);
  expect(r.stdout).toMatch(/Models: 3\b/);
  masterKey = (
    JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> }
  ).secrets.proxy!;
  expect(masterKey).toMatch(/^sk-/);
}, 900_000);

afterAll(async () => {
  if (sb) await llmctl(sb, ['stop']);
  await Promise.all([zhipu, sf, a100, a101].filter(Boolean).map((f) => f.close()));
});

const post = (p: string, body: unknown, key: string | null = masterKey, extra: Record<string, string> = {}) =>
  fetch(`${base}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...extra },
    body: JSON.stringify(body),
  });

describe('llmctl serve with the real LiteLLM', () => {
  it(
    'a chat completion for GLM-4-Flash-250414 reaches Zhipu with ' +
      'the upstream id and Zhipu’s key, and the answer comes back',
    async () => {
      const before = zhipu.chats().length;
      const r = await post('/v1/chat/completions', {
        model: 'GLM-4-Flash-250414',
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(r.status).toBe(200);
      const j = (await r.json()) as { choices: { message: { content: string } }[] };
      expect(j.choices[0]!.message.content).toBe('pong from zhipu glm');
      const got = zhipu.chats().slice(before);
      expect(got).toHaveLength(1);
      expect(got[0]!.path).toBe('/v1/chat/completions');
      expect(got[0]!.body.model).toBe('GLM-4-Flash-250414');
      expect(got[0]!.body.temperature).toBe(0.7);
      expect(got[0]!.headers.authorization).toBe(`Bearer ${ZHIPU_KEY}`);
      // Other upstreams saw nothing of it.
      expect(sf.chats().some((c) => c.body?.model === 'GLM-4-Flash-250414')).toBe(false);
    },
  );

  it('streams a chat completion token by token', async () => {
    const r = await post('/v1/chat/completions', {
      model: 'GLM-4-Flash-250414',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    const text = await r.text();
    const deltas = text
      .split('\n')
      .filter((l) => l.startsWith('data: ') && !l.includes('[DONE]'))
      .map(
        (l) =>
          (JSON.parse(l.slice(6)) as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content ?? '',
      );
    expect(deltas.filter(Boolean).length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('pong from zhipu glm');
    expect(zhipu.chats().at(-1)!.body.stream).toBe(true);
  });

  it(
    'an Anthropic /v1/messages request for claude-3-5-haiku-20241022 ' +
      'reaches the DeepSeek distill over chat completions',
    async () => {
      const before = sf.chats().length;
      const r = await post('/v1/messages', {
        model: 'claude-3-5-haiku-20241022',
        max_tokens: 50,
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(r.status).toBe(200);
      const j = (await r.json()) as { type: string; content: { type: string; text: string }[] };
      expect(j.type).toBe('message');
      expect(j.content[0]!.text).toBe('pong from the deepseek distill');
      const got = sf.chats().slice(before);
      expect(got).toHaveLength(1);
      // Not /v1/responses: SiliconFlow-like servers have no Responses
      // API (use_chat_completions_url_for_anthropic_messages).
      expect(got[0]!.path).toBe('/v1/chat/completions');
      expect(got[0]!.body.model).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B');
      expect(got[0]!.headers.authorization).toBe(`Bearer ${SF_KEY}`);
      expect(sf.requests.some((q) => q.path.endsWith('/responses'))).toBe(false);
    },
  );

  it('streams /v1/messages the way Claude Code asks (?beta=true, stream: true)', async () => {
    const r = await post(
      '/v1/messages?beta=true',
      { model: 'claude-3-5-haiku-20241022', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'hi' }] },
      masterKey,
      {
        'anthropic-version': '2023-06-01',
      },
    );
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toContain('event: message_start');
    const deltas = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => JSON.parse(l.slice(6)) as { type: string; delta?: { text?: string } })
      .filter((e) => e.type === 'content_block_delta')
      .map((e) => e.delta?.text ?? '');
    expect(deltas.join('')).toBe('pong from the deepseek distill');
    expect(sf.chats().at(-1)!.path).toBe('/v1/chat/completions');
  });

  it('a wrong or missing proxy key gets 401 that says what to do, and never reaches an upstream', async () => {
    const before = zhipu.chats().length + sf.chats().length;
    // LiteLLM alone answers a wrong key, when it has no database, with 400 "No connected db."
    // (BerriAI/litellm#12273): llmctl's proxy key check (templates/llmctl_auth.py) makes both a 401.
    for (const p of ['/v1/chat/completions', '/v1/messages']) {
      const body = {
        model: p.endsWith('messages') ? 'claude-3-5-haiku-20241022' : 'GLM-4-Flash-250414',
        max_tokens: 5,
        messages: [{ role: 'user', content: 'hi' }],
      };
      for (const [key, says] of [
        [null, 'No proxy key'],
        ['sk-wrong-key', 'Wrong proxy key'],
        [`${masterKey}x`, 'Wrong proxy key'],
      ] as const) {
        const r = await post(p, body, key);
        const text = await r.text();
        expect(r.status, `${p} with ${key === null ? 'no key' : 'a wrong key'}: ${text}`).toBe(401);
        expect(text).toContain(says);
        expect(text).toContain('llmctl sync');
        expect(text).not.toContain(masterKey);
      }
    }
    expect(zhipu.chats().length + sf.chats().length).toBe(before);
  });

  it('a model with two deployments spreads requests over both upstreams', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await post('/v1/chat/completions', {
        model: 'gemma-3-4b-it',
        messages: [{ role: 'user', content: `hi ${i}` }],
      });
      expect(r.status).toBe(200);
    }
    const n100 = a100.chats().length;
    const n101 = a101.chats().length;
    expect(n100 + n101).toBe(12);
    expect(n100).toBeGreaterThan(0);
    expect(n101).toBeGreaterThan(0);
    expect(a100.chats()[0]!.body.model).toBe('google/gemma-3-4b-it');
  });

  it('neither the generated config nor the LiteLLM processes’ command lines hold a key', async () => {
    const config = readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8');
    for (const secret of [ZHIPU_KEY, SF_KEY, masterKey]) expect(config).not.toContain(secret);
    expect(config).toContain('os.environ/LLMCTL_KEY_ZHIPU');
    expect(config).toContain('os.environ/SILICONFLOW_API_KEY');
    expect(config).toContain('os.environ/LITELLM_MASTER_KEY');
    // The setting that keeps /v1/messages on chat completions for openai/ models.
    expect(config).toMatch(/use_chat_completions_url_for_anthropic_messages: true/);

    const pid = (JSON.parse(readFileSync(path.join(sb.llmctlHome, 'proxy.pid'), 'utf8')) as { pid: number }).pid;
    const tree = processTree(pid);
    expect(tree.length).toBeGreaterThan(0);
    expect(tree[0]!.argv.join(' ')).toContain('--config');
    for (const p of tree)
      for (const secret of [ZHIPU_KEY, SF_KEY, masterKey]) expect(p.argv.join(' ')).not.toContain(secret);
    // The keys are in its environment instead (readable by the same user only).
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain(`LLMCTL_KEY_ZHIPU=${ZHIPU_KEY}`);
    expect(environ).toContain('LITELLM_LOCAL_MODEL_COST_MAP=True');
    expect(environ.find((e) => e.startsWith('NO_PROXY='))).toContain('127.0.0.1');
  });

  it('status shows the detached proxy with pid, address and health', async () => {
    const r = await llmctl(sb, ['status', '--json']);
    const j = JSON.parse(r.stdout) as {
      proxy: { state: string; pid: number; url: string; healthy: boolean; uptimeSec: number };
    };
    expect(j.proxy.state).toBe('up');
    expect(j.proxy.healthy).toBe(true);
    expect(j.proxy.url).toBe(base);
    expect(j.proxy.pid).toBeGreaterThan(0);
    expect(j.proxy.uptimeSec).toBeGreaterThanOrEqual(0);
  });
});
