import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { editConfig } from '../helpers/edit-config.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processesMentioning, waitFor } from '../helpers/litellm.js';

/**
 * The proxy follows the source of truth (issue 10, item 1): a model added to llmctl.yaml answers
 * through a running proxy after `llmctl sync`, with no manual restart, detached or in the foreground.
 * Each case starts LiteLLM twice (serve, then the restart): starts take seconds on a loaded machine.
 */
let litellm: string;
let up: FakeUpstream;

beforeAll(async () => {
  litellm = await ensureLitellm();
  up = await startFakeUpstream({ name: 'zhipu', reply: 'pong from zhipu' });
  return () => up.close();
}, 900_000);

async function home(
  port: number,
  tools = 'tools: { continue: { enabled: false }, claude: { enabled: false } }\n',
): Promise<Sandbox> {
  const sb = sandbox({ LLMCTL_LITELLM: litellm });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu, apiBase: ${up.url}/v1 }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu }
${tools}`,
  );
  const r = await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: 'sk-zhipu-follow' });
  expect(r.code, r.stderr).toBe(0);
  return sb;
}

/** Adds a model the way a user does: a new line in the models list. */
function addGlm5(sb: Sandbox): void {
  editConfig(sb, 'models:\n', 'models:\n  - { name: glm-5-new, provider: zhipu, model: glm-5 }\n');
}

function chat(sb: Sandbox, port: number, model: string): Promise<Response> {
  const key = (
    JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> }
  ).secrets.proxy!;
  return fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });
}

describe('a detached proxy follows sync', () => {
  let sb: Sandbox | undefined;
  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
  });

  it(
    '--host 0.0.0.0 prints LAN URLs, no tool claimed moved; sync --no-restart leaves it stale (status 3, ' +
      'doctor FAIL); sync restarts it and the new model answers',
    async () => {
      const port = await freePort();
      sb = await home(port, '');
      await llmctl(sb, ['sync', '--yes']);
      const serve = await llmctl(sb, ['serve', '--detach', '--host', '0.0.0.0']);
      expect(serve.code, serve.stderr).toBe(0);
      // Item 2: the address is recorded; the tools reach a wildcard bind through loopback, so nothing moved.
      expect(readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8')).toContain('host: 0.0.0.0');
      expect(serve.stderr).toContain('Recorded the proxy address');
      expect(serve.stderr).not.toMatch(/now point/);
      expect(serve.stderr).toContain(
        `Continue and Claude Code are unchanged (they reach the proxy at http://127.0.0.1:${port})`,
      );
      const lan = Object.values(networkInterfaces())
        .flatMap((l) => l ?? [])
        .filter((a) => !a.internal && a.family === 'IPv4')
        .map((a) => a.address);
      expect(lan.length).toBeGreaterThan(0);
      for (const a of lan) expect(serve.stdout).toContain(`http://${a}:${port}/v1`);

      addGlm5(sb);
      expect((await chat(sb, port, 'glm-5-new')).status).toBe(400);
      const kept = await llmctl(sb, ['sync', '--no-restart']);
      expect(kept.code, kept.stderr).toBe(0);
      expect(kept.stderr).toContain('is running an older config: the LiteLLM config changed since it started');
      expect(kept.stderr).toContain('llmctl serve --restart');
      const status = await llmctl(sb, ['status']);
      expect(status.code).toBe(3);
      expect(status.stdout).toContain('running an older config');
      // Every file is written, yet nothing calls this "in sync".
      const check = await llmctl(sb, ['sync', '--check']);
      expect(check.code).toBe(3);
      expect(check.stderr).toContain('No file differs from what llmctl would write.');
      expect(check.stderr).not.toContain('in sync');
      expect(check.stderr).toMatch(
        /The proxy \(pid \d+\) is running an older config \(the LiteLLM config changed since it started\)/,
      );
      const doctor = JSON.parse((await llmctl(sb, ['doctor', '--json'])).stdout) as {
        checks: { id: string; status: string; fix?: string }[];
      };
      expect(doctor.checks.find((c) => c.id === 'proxy.config')).toMatchObject({
        status: 'FAIL',
        fix: 'llmctl serve --restart',
      });

      const pidBefore = (JSON.parse(readFileSync(path.join(sb.llmctlHome, 'proxy.pid'), 'utf8')) as { pid: number })
        .pid;
      const sync = await llmctl(sb, ['sync']);
      expect(sync.code, sync.stderr).toBe(0);
      expect(sync.stderr).toMatch(
        /Restarted the proxy \(pid \d+ → \d+, http:\/\/127\.0\.0\.1:\d+\): unavailable for \d+\.\d s/,
      );
      const r = await chat(sb, port, 'glm-5-new');
      expect(r.status, await r.clone().text()).toBe(200);
      expect(JSON.stringify(await r.json())).toContain('pong from zhipu');
      expect(up.chats().at(-1)!.body.model).toBe('glm-5');
      const after = await llmctl(sb, ['status']);
      expect(after.code, after.stdout).toBe(0);
      expect(after.stdout).not.toContain('older config');
      // The old LiteLLM is gone; exactly one proxy serves.
      expect(processesMentioning(sb.dir).some((p) => p.pid === pidBefore)).toBe(false);

      // A new key is something the running proxy does not have either (only its hash is in proxy.pid).
      expect((await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: 'sk-zhipu-rotated' })).code).toBe(0);
      expect(readFileSync(path.join(sb.llmctlHome, 'proxy.pid'), 'utf8')).not.toContain('sk-zhipu');
      const rotated = await llmctl(sb, ['status']);
      expect(rotated.code).toBe(3);
      expect(rotated.stdout).toContain('running an older config: the key of zhipu changed since it started');
    },
  );
});

describe('a foreground serve in another terminal follows sync', () => {
  it('sync asks it to restart; it restarts its own LiteLLM, both say the downtime, the new model answers', async () => {
    const port = await freePort();
    const sb = await home(port);
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
      env: sb.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    try {
      expect(await waitFor(() => out.includes('Anthropic base URL'), 180_000), err).toBe(true);
      expect(
        await waitFor(() => readFileSync(path.join(sb.llmctlHome, 'proxy.pid'), 'utf8').includes('foreground'), 5_000),
      ).toBe(true);
      addGlm5(sb);
      const sync = await llmctl(sb, ['sync']);
      expect(sync.code, sync.stderr).toBe(0);
      expect(sync.stderr).toMatch(
        /Restarted the proxy in the foreground `llmctl serve` \(pid \d+\): unavailable for \d+\.\d s/,
      );
      expect(err).toMatch(/LiteLLM restarted \(pid \d+ → \d+\): unavailable for/);
      const r = await chat(sb, port, 'glm-5-new');
      expect(r.status, await r.clone().text()).toBe(200);
      const status = await llmctl(sb, ['status']);
      expect(status.code, status.stdout).toBe(0);
      expect(status.stdout).toContain(`foreground \`llmctl serve\`, pid ${child.pid}`);

      const stop = await llmctl(sb, ['stop']);
      expect(stop.code, stop.stderr).toBe(0);
      expect(await exited).toBe(143);
      expect(err).toContain('LiteLLM stopped by `llmctl stop`');
      expect(await waitFor(() => processesMentioning(sb.dir).length === 0, 10_000)).toBe(true);
    } finally {
      // LiteLLM has its own process group: stop it through llmctl, or a failed test leaves it running.
      if (child.exitCode === null) await llmctl(sb, ['stop']);
      child.kill('SIGKILL');
    }
  });
});
