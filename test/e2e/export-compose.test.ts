import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, waitFor } from '../helpers/litellm.js';

/**
 * The LiteLLM service of `llmctl export compose`, started the way compose would start it — its
 * `command`, only the variables of its `env_file` and `environment`, the config folder as mounted —
 * but as a process on 127.0.0.1: this machine has the docker client and no engine. It proves the
 * exported folder is complete: the config finds llmctl_auth.py beside it, the env file carries the
 * master key and the provider key, and the container's health check command passes.
 */
const KEY = 'sk-upstream-export-0123456789';
const CLIENT = 'sk-client-ci-export-abcdef0123';

let sb: Sandbox;
let up: FakeUpstream;
let proxy: ChildProcess | undefined;
let base: string;
let port: number;
let dir: string;
let compose: Record<string, any>;
let env: Record<string, string>;

function envFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of readFileSync(file, 'utf8').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)='([^']*)'$/gm)) out[m[1]!] = m[2]!;
  return out;
}

beforeAll(async () => {
  const litellm = await ensureLitellm();
  up = await startFakeUpstream({ name: 'export', reply: 'pong through the exported gateway' });
  sb = sandbox();
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
providers:
  up: { preset: custom, apiBase: ${up.url}/v1, apiKey: secret:up }
proxy:
  clients:
    ci: { key: secret:ci, models: [model-x] }
models:
  - { name: model-x, provider: up }
  - { name: model-y, provider: up }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
  );
  expect((await llmctl(sb, ['keys', 'set', 'up', '--stdin'], { input: KEY })).code).toBe(0);
  expect((await llmctl(sb, ['keys', 'set', 'ci', '--stdin'], { input: CLIENT })).code).toBe(0);
  const r = await llmctl(sb, ['export', 'compose']);
  expect(r.code, r.stderr).toBe(0);
  dir = path.join(sb.dir, 'llmctl-gateway');
  compose = parse(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')) as Record<string, any>;
  const svc = compose.services.litellm;
  env = {
    ...Object.assign({}, ...svc.env_file.map((f: string) => envFile(path.join(dir, f)))),
    ...svc.environment,
  };
  port = await freePort();
  const mount = svc.volumes[0] as { source: string; target: string };
  const args = (svc.command as string[]).map((a, i, all) =>
    all[i - 1] === '--port'
      ? String(port)
      : all[i - 1] === '--host'
        ? '127.0.0.1'
        : a.replace(mount.target, path.join(dir, mount.source)),
  );
  // A container's environment: what compose gives, plus what any image has (PATH, HOME).
  proxy = spawn(litellm, args, {
    env: { ...env, PATH: process.env.PATH, HOME: sb.home, TMPDIR: process.env.TMPDIR ?? '/tmp' },
    detached: true,
    stdio: 'ignore',
  });
  base = `http://127.0.0.1:${port}`;
  const ready = await waitFor(
    async () => (await fetch(`${base}/health/readiness`).catch(() => undefined))?.ok === true,
    240_000,
    500,
  );
  expect(ready, 'LiteLLM from the exported folder never became ready').toBe(true);
}, 900_000);

afterAll(async () => {
  if (proxy?.pid) {
    try {
      process.kill(-proxy.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await up?.close();
});

async function chat(key: string, model = 'model-x'): Promise<Response> {
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });
}

describe('the exported compose project’s LiteLLM (real LiteLLM, no container)', () => {
  it(
    'answers with the master key from secrets/litellm.env, ' + 'and the upstream gets the provider key from there',
    async () => {
      const r = await chat(env.LITELLM_MASTER_KEY!);
      const body = (await r.json()) as { choices?: { message: { content: string } }[] };
      expect(r.status, JSON.stringify(body)).toBe(200);
      expect(body.choices![0]!.message.content).toBe('pong through the exported gateway');
      expect(up.chats().map((q) => q.headers.authorization)).toEqual([`Bearer ${KEY}`]);
    },
  );

  it('llmctl_auth.py, mounted beside the config, refuses a wrong key with 401', async () => {
    const r = await chat('sk-wrong-key');
    expect(r.status).toBe(401);
    expect(up.chats()).toHaveLength(1);
  });

  it('a client key from the env file passes, limited to its models (403 outside them)', async () => {
    const r = await chat(CLIENT);
    expect(r.status, await r.clone().text()).toBe(200);
    expect(up.chats().at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect((await chat(CLIENT, 'model-y')).status).toBe(403);
    expect(up.chats()).toHaveLength(2);
  });

  it("the service's health check command passes (both probes)", () => {
    const test = compose.services.litellm.healthcheck.test as string[];
    expect(test[0]).toBe('CMD');
    const [exe, ...args] = test.slice(1).map((a) => a.replace('127.0.0.1:4000', `127.0.0.1:${port}`));
    const run = spawnSync(exe!, args, { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
  });
});
