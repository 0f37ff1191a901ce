import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, llmctl, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, waitFor } from '../helpers/litellm.js';
import { CHROMIUM, CHROMIUM_ARGS, ensureOpenWebui } from '../helpers/openwebui.js';

/**
 * The real Open WebUI (installed by `llmctl webui install` into the test cache), started by
 * `llmctl serve --webui` next to the real LiteLLM, used in a real browser (Debian's chromium driven by
 * playwright-core): the page shows the fake upstream's reply, the upstream got the provider key, and
 * the proxy saw Open WebUI's own client key — never the master key.
 */
const UPSTREAM_KEY = 'sk-upstream-provider-key-0123456789';
const CLIENT_KEY = 'sk-openwebui-client-key-abcdef0123';
const REPLY = 'pong from the fake upstream, through LiteLLM, in Open WebUI';
const OUT = path.resolve('test-results', 'openwebui');

let sb: Sandbox;
let fake: FakeUpstream;
let proxyPort: number;
let webuiPort: number;

const secrets = () =>
  (JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> })
    .secrets;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  const [litellm, webui] = await Promise.all([ensureLitellm(), ensureOpenWebui()]);
  fake = await startFakeUpstream({ name: 'upstream', reply: REPLY, models: ['vendor/chat-large'] });
  [proxyPort, webuiPort] = [await freePort(), await freePort()];
  sb = sandbox({ LLMCTL_LITELLM: litellm, LLMCTL_WEBUI_VENV: webui.venv });
  writeFileSync(
    path.join(sb.llmctlHome, 'llmctl.yaml'),
    `version: 1
proxy:
  host: 127.0.0.1
  port: ${proxyPort}
  clients:
    openwebui: { key: secret:openwebui-key, models: [chat-main] }
providers:
  up: { preset: custom, apiBase: ${fake.url}/v1, apiKey: secret:up }
models:
  - { name: chat-main, provider: up, model: vendor/chat-large }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
  openwebui: { enabled: true }
`,
  );
  for (const [name, value] of [
    ['up', UPSTREAM_KEY],
    ['openwebui-key', CLIENT_KEY],
  ] as const) {
    const r = await llmctl(sb, ['keys', 'set', name, '--stdin'], { input: value });
    expect(r.code, r.stderr).toBe(0);
  }
  const sync = await llmctl(sb, ['sync']);
  expect(sync.code, sync.stderr).toBe(0);
  // The test's own line (no login page: one browser, one user); sync keeps it.
  appendFileSync(path.join(sb.llmctlHome, 'openwebui.env'), 'WEBUI_AUTH=False\n');
  mkdirSync(OUT, { recursive: true });
}, 3_600_000);

afterAll(async () => {
  if (sb) await llmctl(sb, ['stop']);
  await fake?.close();
});

describe('Open WebUI through llmctl', () => {
  it('webui install a second time is a no-op that says so', async () => {
    const r = await llmctl(sb, ['webui', 'install', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Open WebUI 0\.12\.4 is already in /);
  });

  it(
    'serve --webui --detach starts both; ' + 'a browser chats with the proxy’s model and sees the upstream’s reply',
    async () => {
      const env = readFileSync(path.join(sb.llmctlHome, 'openwebui.env'), 'utf8');
      expect(statSync(path.join(sb.llmctlHome, 'openwebui.env')).mode & 0o777).toBe(0o600);
      expect(env).toContain(`OPENAI_API_KEY=${CLIENT_KEY}\n`);
      expect(env).not.toContain(secrets().proxy!);

      const serve = await llmctl(sb, ['serve', '--webui', '--detach', '--webui-port', String(webuiPort)]);
      const url = `http://127.0.0.1:${webuiPort}`;
      expect(serve.code, serve.stderr + serve.stdout).toBe(0);
      expect(serve.stderr).toContain(`Open WebUI is ready at ${url}`);

      const status = await llmctl(sb, ['status']);
      expect(status.stdout).toMatch(new RegExp(`Open WebUI\\s+running at ${url} \\(pid \\d+\\)`));

      const userData = mkdtempSync(path.join(tmpdir(), 'llmctl-chromium-'));
      const browser = await chromium.launchPersistentContext(userData, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 },
      });
      try {
        const page = browser.pages()[0] ?? (await browser.newPage());
        await page.goto(url, { timeout: 180_000 });
        const input = page.locator('#chat-input');
        await input.waitFor({ state: 'visible', timeout: 300_000 });
        const letsGo = page.getByRole('button', { name: "Okay, Let's Go!" });
        if (await letsGo.isVisible().catch(() => false)) await letsGo.click();
        // The model list comes from the proxy's /v1/models, asked with Open WebUI's client key.
        const selected = page.locator('[aria-label^="Selected model"]').first();
        await selected.waitFor({ timeout: 120_000 });
        expect(await selected.getAttribute('aria-label')).toBe('Selected model: chat-main');
        await input.click();
        await page.keyboard.type('hello from a real browser');
        await page.keyboard.press('Enter');
        await page.getByText(REPLY).first().waitFor({ timeout: 300_000 });
        await page.screenshot({ path: path.join(OUT, 'chat.png') });
      } finally {
        await browser.close();
      }

      // The upstream got the user's message under its own model id, with the provider key.
      const chat = fake
        .chats()
        .find((q) => JSON.stringify(q.body?.messages ?? []).includes('hello from a real browser'));
      expect(
        chat,
        `upstream saw: ${fake
          .chats()
          .map((q) => q.path)
          .join(', ')}`,
      ).toBeDefined();
      expect(chat!.body.model).toBe('vendor/chat-large');
      expect(chat!.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
      // The proxy's key check names the client for each request: Open WebUI came with its own key.
      const log = readFileSync(path.join(sb.llmctlHome, 'logs', 'proxy.log'), 'utf8');
      expect(log).toMatch(/llmctl-auth: client=openwebui model=chat-main path=\/v1\/chat\/completions/);
      expect(log).not.toContain(CLIENT_KEY);
    },
    1_200_000,
  );

  it('the client key Open WebUI holds cannot use the master key’s rights: another model is refused', async () => {
    const r = await fetch(`http://127.0.0.1:${proxyPort}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${CLIENT_KEY}` },
      body: JSON.stringify({ model: 'not-for-openwebui', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect([401, 403]).toContain(r.status);
  });

  it('doctor passes the Open WebUI checks while it runs; stop ends both processes', async () => {
    const d = await llmctl(sb, ['doctor', '--json']);
    const checks = (JSON.parse(d.stdout) as { checks: { id: string; status: string; found: string }[] }).checks;
    const webui = checks.filter((c) => c.id.startsWith('webui.'));
    expect(webui.map((c) => `${c.id} ${c.status}`)).toEqual([
      'webui.installed PASS',
      'webui.env PASS',
      'webui.port PASS',
      'webui.persistent PASS',
    ]);
    const rec = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'openwebui.pid'), 'utf8')) as { pid: number };
    const stop = await llmctl(sb, ['stop']);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stderr).toContain(`Open WebUI stopped (pid ${rec.pid})`);
    expect(await waitFor(() => !alive(rec.pid), 30_000)).toBe(true);
  }, 120_000);

  it('serve --webui in the foreground: Open WebUI answers, and Ctrl-C stops it with the proxy', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--webui', '--webui-port', String(webuiPort)], {
      env: sb.env,
      cwd: sb.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      expect(await waitFor(() => out.includes('Open WebUI is ready at'), 900_000, 1_000), out).toBe(true);
      const health = await fetch(`http://127.0.0.1:${webuiPort}/health`);
      expect(health.status).toBe(200);
      const rec = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'openwebui.pid'), 'utf8')) as { pid: number };
      child.kill('SIGINT');
      await exited;
      expect(await waitFor(() => !alive(rec.pid), 30_000)).toBe(true);
      await expect(fetch(`http://127.0.0.1:${webuiPort}/health`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 1_200_000);
});
