import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmctl, runProgram, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processesMentioning } from '../helpers/litellm.js';
import { clientEnv, ensureClients } from '../helpers/tools.js';

/**
 * Client mode against a real gateway: "the team" runs the real LiteLLM with `llmctl serve --detach`
 * from its own llmctl home, a fake upstream behind it. "The user" has only `proxy.url` and `proxy.key`
 * (the team's key) in llmctl.yaml: `llmctl sync` wires the real Claude Code and Continue CLI to the
 * gateway, both print the upstream's reply, and nothing runs or is generated on the user's side.
 */

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) =>
  runProgram(cmd, args, { env, cwd, timeoutMs: 120_000 });

const UPSTREAM_KEY = 'ds-upstream-key-only-the-team-has-42';

describe('client mode: a gateway someone else runs', () => {
  let clients: { claude: string; cn: string };
  let fake: FakeUpstream;
  let team: Sandbox;
  let user: Sandbox;
  let gateway: string;
  let teamKey: string;

  beforeAll(async () => {
    clients = ensureClients();
    const litellm = await ensureLitellm();
    fake = await startFakeUpstream({ name: 'team-upstream', reply: 'answer from the team upstream' });
    const port = await freePort();
    gateway = `http://127.0.0.1:${port}`;
    team = sandbox({ LLMCTL_LITELLM: litellm, DS_KEY: UPSTREAM_KEY });
    writeFileSync(
      path.join(team.llmctlHome, 'llmctl.yaml'),
      `version: 1
proxy: { host: 127.0.0.1, port: ${port} }
providers:
  ds: { preset: siliconflow, apiBase: ${fake.url}/v1, apiKey: env:DS_KEY }
models:
  - { name: chat-main, provider: ds, model: deepseek-ai/DeepSeek-V3, maxTokens: 4096 }
  - { name: claude-3-5-haiku-20241022, provider: ds, model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }
tools:
  continue: { enabled: false }
  claude: { enabled: false }
`,
    );
    const sync = await llmctl(team, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    const serve = await llmctl(team, ['serve', '--detach']);
    expect(serve.code, serve.stderr).toBe(0);
    teamKey = JSON.parse(readFileSync(path.join(team.llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
    expect(teamKey).toMatch(/^sk-/);

    user = sandbox();
    writeFileSync(
      path.join(user.llmctlHome, 'llmctl.yaml'),
      `version: 1
proxy: { url: ${gateway}, key: secret:team }
tools:
  claude: { onboarding: true }
`,
    );
    const set = await llmctl(user, ['keys', 'set', 'team', '--stdin'], { input: `${teamKey}\n` });
    expect(set.code, set.stderr).toBe(0);
  }, 900_000);

  afterAll(async () => {
    if (team) await llmctl(team, ['stop']);
    await fake?.close();
  });

  it(
    'sync points Claude Code and Continue at the gateway ' + 'with the user’s key and its models; nothing local',
    async () => {
      const r = await llmctl(user, ['sync']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`Models from the gateway ${gateway}: 2 (fetched now)`);
      const settings = JSON.parse(readFileSync(path.join(user.home, '.claude', 'settings.json'), 'utf8'));
      expect(settings.env.ANTHROPIC_BASE_URL).toBe(gateway);
      expect(settings.env.ANTHROPIC_AUTH_TOKEN).toBe(teamKey);
      expect(settings.model).toBe('chat-main');
      expect(settings.env.ANTHROPIC_DEFAULT_HAIKU_MODEL).toBe('claude-3-5-haiku-20241022');
      const cont = readFileSync(path.join(user.home, '.continue', 'config.yaml'), 'utf8');
      expect(cont).toContain(`apiBase: ${gateway}/v1`);
      expect(readFileSync(path.join(user.home, '.continue', '.env'), 'utf8')).toContain(`LLMCTL_PROXY_KEY=${teamKey}`);
      // No LiteLLM config, no master key, no pid file on the user's side; the model list is cached.
      expect(existsSync(path.join(user.llmctlHome, 'litellm.config.yaml'))).toBe(false);
      expect(Object.keys(JSON.parse(readFileSync(path.join(user.llmctlHome, 'secrets.json'), 'utf8')).secrets)).toEqual(
        ['team'],
      );
      const cache = JSON.parse(readFileSync(path.join(user.llmctlHome, 'cache', 'gateway-models.json'), 'utf8'));
      expect(cache.models).toEqual(['chat-main', 'claude-3-5-haiku-20241022']);
      expect(JSON.stringify(cache)).not.toContain(teamKey);
    },
  );

  it('the real Claude Code answers through the gateway (the upstream gets the team’s upstream key)', async () => {
    const before = fake.chats().length;
    const r = await run(clients.claude, ['-p', 'hi', '--output-format', 'json'], clientEnv(user.home), user.dir);
    expect(r.code, `claude stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBe(0);
    expect(JSON.parse(r.stdout).result).toContain(fake.reply);
    const sent = fake.chats().slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const q of sent) expect(q.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
  });

  it('the real Continue CLI answers through the gateway', async () => {
    const before = fake.chats().length;
    const config = path.join(user.home, '.continue', 'config.yaml');
    const r = await run(clients.cn, ['-p', 'hi', '--config', config], clientEnv(user.home), user.dir);
    expect(r.code, `cn stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBe(0);
    expect(r.stdout).toContain(fake.reply);
    expect(fake.chats().length).toBeGreaterThan(before);
  });

  it('serve starts nothing; status and doctor --online probe the gateway and pass', async () => {
    const serve = await llmctl(user, ['serve', '--detach']);
    expect(serve.code, serve.stderr).toBe(0);
    expect(serve.stderr).toContain('is run by someone else');
    // Nothing runs from the user's llmctl home (the team's LiteLLM mentions only the team's).
    expect(processesMentioning(user.dir)).toEqual([]);
    expect(existsSync(path.join(user.llmctlHome, 'litellm.config.yaml'))).toBe(false);

    const status = await llmctl(user, ['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const s = JSON.parse(status.stdout);
    expect(s.proxy).toMatchObject({ state: 'up', remote: true, url: gateway });

    const doctor = await llmctl(user, ['doctor', '--online', '--json']);
    const report = JSON.parse(doctor.stdout);
    const by = (id: string) => report.checks.find((c: { id: string }) => c.id === id);
    for (const id of ['online.gateway', 'online.gateway.models', 'online.proxy.chat', 'online.proxy.messages'])
      expect(by(id)?.status, JSON.stringify(by(id))).toBe('PASS');
    expect(by('litellm.installed').status).toBe('SKIP');
    expect(by('proxy.port').status).toBe('SKIP');
    expect(report.checks.filter((c: { status: string }) => c.status === 'FAIL')).toEqual([]);
    expect(doctor.code, doctor.stderr).toBe(0);
  });

  it('a key the gateway refuses: sync says so and names the gateway, never the key', async () => {
    const wrong = 'sk-not-the-team-key-000';
    const other = sandbox();
    writeFileSync(
      path.join(other.llmctlHome, 'llmctl.yaml'),
      `version: 1\nproxy: { url: ${gateway}, key: env:TEAM_KEY }\n`,
    );
    const sync = await llmctl(other, ['sync'], { env: { TEAM_KEY: wrong } });
    expect(sync.code).toBe(1);
    expect(sync.stderr).toContain(`the gateway at ${gateway} refused your key (HTTP 401)`);
    expect(sync.stderr).not.toContain(wrong);
  });
});
