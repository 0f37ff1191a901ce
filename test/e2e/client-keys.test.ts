import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort } from '../helpers/litellm.js';

/**
 * Client keys through the real LiteLLM started by `llmctl serve`: a client limited to one model is
 * refused (403) on another and never reaches its upstream, sees only its models in /v1/models, and
 * is named in the proxy log; the master key still reaches every model; a wrong key is a 401.
 */
const UPSTREAM_KEY = 'sk-upstream-client-keys-0123456789';

let sb: Sandbox;
let fake: FakeUpstream;
let base: string;
let masterKey: string;
let clientKey: string;

const secrets = (): Record<string, string> =>
  (JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> })
    .secrets;

beforeAll(async () => {
  const litellm = await ensureLitellm();
  fake = await startFakeUpstream({ name: 'up', reply: 'pong from the upstream' });
  const port = await freePort();
  sb = sandbox({ LLMCTL_LITELLM: litellm, UP_KEY: UPSTREAM_KEY });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  up: { preset: custom, apiBase: ${fake.url}/v1, apiKey: env:UP_KEY }
models:
  - { name: small, provider: up, model: small-upstream }
  - { name: large, provider: up, model: large-upstream }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
  );
  const add = await llmctl(sb, ['keys', 'client', 'add', 'webui', '--models', 'small']);
  expect(add.code, add.stderr).toBe(0);
  clientKey = add.stdout.trim();
  expect(clientKey).toBe(secrets()['client-webui']);
  const r = await llmctl(sb, ['serve', '--detach']);
  expect(r.code, r.stderr).toBe(0);
  base = `http://127.0.0.1:${port}`;
  masterKey = secrets().proxy!;
}, 900_000);

afterAll(async () => {
  if (sb) {
    const stop = await llmctl(sb, ['stop']);
    expect(stop.code, stop.stderr).toBe(0);
  }
  await fake?.close();
});

async function chat(key: string, model: string): Promise<{ status: number; text: string }> {
  const r = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });
  return { status: r.status, text: await r.text() };
}

describe('client keys through the real LiteLLM', () => {
  it('a client key reaches its model, with the provider key upstream and the client named in the log', async () => {
    const before = fake.requests.length;
    const r = await chat(clientKey, 'small');
    expect(r.status, r.text).toBe(200);
    expect(r.text).toContain('pong from the upstream');
    const seen = fake.requests.slice(before);
    expect(seen.map((q) => q.headers.authorization)).toEqual([`Bearer ${UPSTREAM_KEY}`]);
    const log = readFileSync(path.join(sb.llmctlHome, 'logs', 'proxy.log'), 'utf8');
    expect(log).toMatch(/llmctl-auth: client=webui model=small/);
    expect(log).not.toContain(clientKey);
  });

  it('refuses the client on a model outside its list (403), before any upstream call', async () => {
    const before = fake.requests.length;
    const r = await chat(clientKey, 'large');
    expect(r.status, r.text).toBe(403);
    expect(r.text).toContain('may not use model');
    expect(r.text).not.toContain(clientKey);
    expect(fake.requests.length).toBe(before);
  });

  it("lists only the client's models in /v1/models; the master key sees all", async () => {
    const list = async (key: string) => {
      const r = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
      expect(r.status).toBe(200);
      return ((await r.json()) as { data: { id: string }[] }).data.map((m) => m.id).sort();
    };
    expect(await list(clientKey)).toEqual(['small']);
    expect(await list(masterKey)).toEqual(['large', 'small']);
  });

  it('the master key still reaches every model; a wrong key is a 401', async () => {
    expect((await chat(masterKey, 'large')).status).toBe(200);
    const wrong = await chat('sk-not-a-client-key-0000000000', 'small');
    expect(wrong.status).toBe(401);
  });
});
