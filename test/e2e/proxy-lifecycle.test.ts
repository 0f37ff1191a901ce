import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, llmctl, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';
import { editConfig } from '../helpers/edit-config.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processesMentioning, waitFor } from '../helpers/litellm.js';

let litellm: string;
let up: FakeUpstream;

beforeAll(async () => {
  litellm = await ensureLitellm();
  up = await startFakeUpstream({ name: 'zhipu' });
  return () => up.close();
}, 900_000);

function home(port: number, extra = ''): Sandbox {
  const sb = sandbox({ LLMCTL_LITELLM: litellm });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
# the proxy everyone uses
proxy:
  host: 127.0.0.1
  port: ${port} # keep in step with the tools
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu, apiBase: ${up.url}/v1 }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu }
${extra}`,
  );
  return sb;
}

async function withKey(sb: Sandbox): Promise<Sandbox> {
  const r = await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: 'sk-zhipu-lifecycle' });
  expect(r.code, r.stderr).toBe(0);
  return sb;
}

/** `llmctl serve` in the foreground, as a child process, once it has printed the proxy's addresses. */
async function serveInForeground(
  sb: Sandbox,
): Promise<{ child: ChildProcess; err: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: sb.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  expect(await waitFor(() => out.includes('Anthropic base URL'), 120_000), err).toBe(true);
  return { child, err: () => err, exited };
}

describe('llmctl serve in the foreground', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 0],
  ] as const) {
    it(`${signal} stops LiteLLM and everything it started; llmctl exits with LiteLLM’s code (${code})`, async () => {
      const sb = await withKey(
        home(await freePort(), 'tools: { continue: { enabled: false }, claude: { enabled: false } }\n'),
      );
      const { child, err, exited } = await serveInForeground(sb);
      const running = processesMentioning(sb.llmctlHome).filter((p) => p.argv.some((a) => a.endsWith('litellm')));
      expect(running.length).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(err()).toContain('stopping LiteLLM');
      // The pid file that lets another terminal's `stop` and `status` find it is gone with it.
      expect(existsSync(path.join(sb.llmctlHome, 'proxy.pid'))).toBe(false);
      // No orphan: nothing whose command line names this sandbox survives.
      expect(await waitFor(() => processesMentioning(sb.dir).length === 0, 5_000)).toBe(true);
    });
  }
});

describe('a foreground serve seen from another terminal', () => {
  it(
    'status shows its pid; `llmctl stop` stops it, ' +
      'the serve says so and exits with LiteLLM’s code, nothing is left',
    async () => {
      const port = await freePort();
      const sb = await withKey(home(port, 'tools: { continue: { enabled: false }, claude: { enabled: false } }\n'));
      const { child, err, exited } = await serveInForeground(sb);
      try {
        const pidFile = path.join(sb.llmctlHome, 'proxy.pid');
        expect(await waitFor(() => existsSync(pidFile), 5_000)).toBe(true);
        const rec = JSON.parse(readFileSync(pidFile, 'utf8')) as {
          pid: number;
          port: number;
          foreground?: { llmctl: number };
        };
        expect(rec.port).toBe(port);
        expect(rec.foreground?.llmctl).toBe(child.pid);

        const status = await llmctl(sb, ['status']);
        expect(status.stdout).toContain(`(pid ${rec.pid})`);
        expect(status.stdout).toContain(`foreground \`llmctl serve\`, pid ${child.pid}`);

        const stop = await llmctl(sb, ['stop']);
        expect(stop.code, stop.stderr).toBe(0);
        expect(stop.stderr).toContain(`LiteLLM stopped (pid ${rec.pid})`);
        expect(await exited).toBe(143);
        expect(err()).toContain('LiteLLM stopped by `llmctl stop`');
        expect(err()).not.toContain('error:');
        expect(existsSync(pidFile)).toBe(false);
        expect(await waitFor(() => processesMentioning(sb.dir).length === 0, 5_000)).toBe(true);
      } finally {
        child.kill('SIGKILL');
      }
    },
  );
});

describe('llmctl serve --detach and llmctl stop', () => {
  it(
    '--port records the new port in llmctl.yaml (comments kept), ' +
      're-syncs Continue and Claude Code, and stop leaves nothing behind',
    async () => {
      const newPort = await freePort();
      const sb = await withKey(home(4000));
      const r = await llmctl(sb, ['serve', '--detach', '--port', String(newPort)]);
      expect(r.code, r.stderr).toBe(0);
      const yaml = readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8');
      expect(yaml).toContain(`port: ${newPort} # keep in step with the tools`);
      expect(yaml).toContain('# the proxy everyone uses');
      expect(r.stderr).toMatch(/Continue and Claude Code now point at http:\/\/127\.0\.0\.1:\d+/);
      const settings = JSON.parse(readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8')) as {
        env: Record<string, string>;
      };
      expect(settings.env.ANTHROPIC_BASE_URL).toBe(`http://127.0.0.1:${newPort}`);
      expect(readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8')).toContain(
        `http://127.0.0.1:${newPort}/v1`,
      );
      const res = await fetch(`http://127.0.0.1:${newPort}/health/readiness`);
      expect(res.status).toBe(200);

      const pidFile = path.join(sb.llmctlHome, 'proxy.pid');
      const pid = (JSON.parse(readFileSync(pidFile, 'utf8')) as { pid: number }).pid;
      expect(existsSync(path.join(sb.llmctlHome, 'logs', 'proxy.log'))).toBe(true);
      const again = await llmctl(sb, ['serve', '--detach', '--port', String(newPort)]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`already running (pid ${pid}`);

      const stop = await llmctl(sb, ['stop']);
      expect(stop.code, stop.stderr).toBe(0);
      expect(stop.stderr).toContain(`LiteLLM stopped (pid ${pid})`);
      expect(existsSync(pidFile)).toBe(false);
      expect(processesMentioning(sb.dir)).toEqual([]);
      await expect(fetch(`http://127.0.0.1:${newPort}/health/liveliness`)).rejects.toThrow();
      const status = JSON.parse((await llmctl(sb, ['status', '--json'])).stdout) as { proxy: { state: string } };
      expect(status.proxy.state).toBe('down');
      const stopAgain = await llmctl(sb, ['stop']);
      expect(stopAgain.code).toBe(0);
      expect(stopAgain.stderr).toContain('No proxy started by `llmctl serve` is running');
    },
  );
});

describe('llmctl serve refuses clearly, leaving every file as it was', () => {
  it('a port in use: names the port and the program holding it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const sb = await withKey(home(port));
      const before = snapshot(sb.home);
      const r = await llmctl(sb, ['serve']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`port ${port} is already in use`);
      expect(r.stderr).toContain(`(pid ${process.pid})`);
      expect(snapshot(sb.home)).toEqual(before);
    } finally {
      blocker.close();
    }
  });

  it('LiteLLM missing: points at `llmctl proxy install`', async () => {
    const sb = await withKey(home(await freePort()));
    const r = await llmctl(sb, ['serve'], { env: { LLMCTL_LITELLM: '', PATH: path.dirname(process.execPath) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LiteLLM is not installed');
    expect(r.stderr).toContain('llmctl proxy install');
  });

  it('a compromised LiteLLM on PATH is never run: rotate the keys', async () => {
    const sb = await withKey(home(await freePort()));
    // A venv-shaped folder whose metadata says 1.82.7; its program would leave a mark if run.
    const prefix = path.join(sb.dir, 'bad-venv');
    const bin = path.join(prefix, 'bin');
    mkdirSync(path.join(prefix, 'lib', 'python3.11', 'site-packages', 'litellm-1.82.7.dist-info'), { recursive: true });
    mkdirSync(bin, { recursive: true });
    const mark = path.join(sb.dir, 'was-run');
    writeFileSync(path.join(bin, 'litellm'), `#!/bin/sh\ntouch ${mark}\n`);
    chmodSync(path.join(bin, 'litellm'), 0o755);
    const r = await llmctl(sb, ['serve'], {
      env: { LLMCTL_LITELLM: '', PATH: `${bin}:${path.dirname(process.execPath)}` },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to run LiteLLM 1.82.7');
    expect(r.stderr).toMatch(/rotate every API key/);
    expect(existsSync(mark)).toBe(false);
  });

  it('a host beyond loopback without a master key is refused', async () => {
    const sb = await withKey(home(await freePort()));
    editConfig(sb, 'host: 127.0.0.1', 'host: 127.0.0.1\n  masterKey: env:LLMCTL_TEST_UNSET_MASTER');
    const before = snapshot(sb.home);
    const r = await llmctl(sb, ['serve', '--host', '0.0.0.0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('master key');
    expect(snapshot(sb.home)).toEqual(before);
  });

  it('LiteLLM dying during start: the last lines of its log and the likely cause', async () => {
    const sb = await withKey(
      home(await freePort(), 'tools: { continue: { enabled: false }, claude: { enabled: false } }\n'),
    );
    // A database the real LiteLLM cannot use (no prisma client): it exits during start.
    editConfig(
      sb,
      '  host: 127.0.0.1',
      '  host: 127.0.0.1\n  generalSettings: { database_url: "postgresql://nobody@127.0.0.1:1/none" }',
    );
    const r = await llmctl(sb, ['serve', '--detach']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the proxy did not start');
    expect(r.stderr).toMatch(/likely cause: .*database/);
    expect(r.stderr).toContain(path.join(sb.llmctlHome, 'logs', 'proxy.log'));
    expect(existsSync(path.join(sb.llmctlHome, 'proxy.pid'))).toBe(false);
    expect(processesMentioning(sb.dir)).toEqual([]);
  });
});

describe('why llmctl writes use_chat_completions_url_for_anthropic_messages: true', () => {
  it(
    'without it, the real LiteLLM sends /v1/messages for an openai/ ' +
      'model to the upstream’s Responses API, which such upstreams lack',
    async () => {
      const sb = await withKey(
        home(await freePort(), 'tools: { continue: { enabled: false }, claude: { enabled: false } }\n'),
      );
      editConfig(
        sb,
        '  host: 127.0.0.1',
        '  host: 127.0.0.1\n  settings: { use_chat_completions_url_for_anthropic_messages: false }',
      );
      const r = await llmctl(sb, ['serve', '--detach']);
      expect(r.code, r.stderr).toBe(0);
      try {
        const base = /OpenAI base URL:\s+(\S+)\/v1/.exec(r.stdout)![1]!;
        const key = (
          JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as {
            secrets: Record<string, string>;
          }
        ).secrets.proxy!;
        const before = up.requests.length;
        const res = await fetch(`${base}/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({
            model: 'GLM-4-Flash-250414',
            max_tokens: 10,
            messages: [{ role: 'user', content: 'hi' }],
          }),
        });
        const paths = up.requests.slice(before).map((q) => q.path);
        expect(paths).toContain('/v1/responses');
        expect(paths).not.toContain('/v1/chat/completions');
        expect(res.status).toBeGreaterThanOrEqual(400);
      } finally {
        await llmctl(sb, ['stop']);
      }
    },
  );
});
