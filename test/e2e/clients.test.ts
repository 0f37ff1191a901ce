import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, llmctl, placeSeedToolConfigs, runProgram, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { clientEnv, ensureClients } from '../helpers/tools.js';

/**
 * The real Claude Code and Continue CLI, configured only by `llmctl sync` in a temp HOME, talk to a
 * fake server standing where the llmctl proxy will be. What each client sends (URL, token, model) is
 * what llmctl wrote — the proof that the generated files work, not just parse.
 */

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) =>
  runProgram(cmd, args, { env, cwd, timeoutMs: 120_000 });

describe('real clients use what llmctl wrote', () => {
  let clients: { claude: string; cn: string };
  let fake: FakeUpstream;
  let sb: Sandbox;
  let masterKey: string;

  beforeAll(async () => {
    clients = ensureClients();
    fake = await startFakeUpstream({
      name: 'llmctl-proxy',
      formats: ['openai', 'anthropic'],
      models: ['chat-main', 'claude-3-5-haiku-20241022'],
    });
    sb = sandbox({ SF_KEY: 'sf-upstream-key-never-in-clients-123' });
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      `version: 1
proxy: { host: 127.0.0.1, port: ${fake.port} }
providers:
  sf: { preset: siliconflow, apiKey: env:SF_KEY }
models:
  - { name: chat-main, provider: sf, model: Qwen/Qwen2.5-7B-Instruct, maxTokens: 2000 }
  - { name: claude-3-5-haiku-20241022, provider: sf, model: deepseek-ai/DeepSeek-R1-Distill-Qwen-7B }
tools:
  claude: { model: chat-main, onboarding: true }
`,
    );
    const r = await llmctl(sb, ['sync']);
    expect(r.stderr).toContain('Claude Code settings');
    expect(r.code).toBe(0);
    masterKey = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
    expect(masterKey).toMatch(/^sk-/);
  }, 900_000);

  afterAll(async () => {
    await fake?.close();
  });

  it(
    'Claude Code sends /v1/messages to the proxy with the ' + 'proxy key and llmctl’s model, and prints the reply',
    async () => {
      const before = fake.chats().length;
      const r = await run(clients.claude, ['-p', 'hi', '--output-format', 'json'], clientEnv(sb.home), sb.dir);
      const sent = fake
        .chats()
        .slice(before)
        .filter((q) => q.path === '/v1/messages');
      expect(sent.length, `claude stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
      const main = sent.find((q) => q.body?.model === 'chat-main');
      expect(main, `models asked for: ${sent.map((q) => q.body?.model).join(', ')}`).toBeDefined();
      for (const q of sent) {
        expect(q.headers.authorization).toBe(`Bearer ${masterKey}`);
        // Every model Claude Code asks for (main and background haiku) exists on the proxy.
        expect(['chat-main', 'claude-3-5-haiku-20241022']).toContain(q.body?.model);
        expect(JSON.stringify(q.headers)).not.toContain('sf-upstream-key');
      }
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).result).toContain(fake.reply);
    },
  );

  it(
    'Continue CLI sends /v1/chat/completions to the proxy ' +
      'with the key from ~/.continue/.env, and prints the reply',
    async () => {
      const before = fake.chats().length;
      const config = path.join(sb.home, '.continue', 'config.yaml');
      const r = await run(clients.cn, ['-p', 'hi', '--config', config], clientEnv(sb.home), sb.dir);
      const sent = fake
        .chats()
        .slice(before)
        .filter((q) => q.path === '/v1/chat/completions');
      expect(sent.length, `cn stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
      for (const q of sent) {
        expect(q.headers.authorization).toBe(`Bearer ${masterKey}`);
        expect(q.body?.model).toBe('chat-main');
      }
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(fake.reply);
    },
  );
});

describe('the seed user, as a new user would do it: import all three, sync, the clients work', () => {
  it(
    'imports, syncs, both clients reach the proxy; --check is clean; ' +
      'a hand edit is detected; restore gives the bytes back',
    async () => {
      const clients = ensureClients();
      const fake = await startFakeUpstream({ name: 'seed-proxy', formats: ['openai', 'anthropic'] });
      try {
        const sb = sandbox();
        const { cont, claude } = placeSeedToolConfigs(sb);
        const original = { cont: readFileSync(cont), claude: readFileSync(claude) };
        for (const [tool, file] of [
          ['litellm', path.join(SEED, 'litellm.config.yaml')],
          ['continue', cont],
          ['claude', claude],
        ] as const) {
          const r = await llmctl(sb, ['import', tool, file]);
          expect(r.code, `import ${tool}: ${r.stderr}`).toBe(0);
        }
        // The fake stands where the proxy will be.
        const yamlFile = path.join(sb.llmctlHome, 'llmctl.yaml');
        const yaml = readFileSync(yamlFile, 'utf8');
        // import claude took the port the seed's settings.json uses (4000).
        expect(yaml).toMatch(/^ {2}port: 4000$/m);
        writeFileSync(yamlFile, yaml.replace(/^ {2}port: 4000$/m, `  port: ${fake.port}`));

        const sync = await llmctl(sb, ['sync', '--yes']);
        expect(sync.code, sync.stderr).toBe(0);
        // The seed's literal token was imported as the proxy key; it is what the clients send.
        const key = JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')).secrets.proxy;
        expect(key).toBe('sk-litellm-static-key');
        const settings = JSON.parse(readFileSync(claude, 'utf8'));
        expect(settings.model).toBe('claude-3-5-haiku-20241022');
        expect(settings.env.ANTHROPIC_BASE_URL).toBe(fake.url);
        const cfg = readFileSync(cont, 'utf8');
        expect(cfg).not.toContain('your_api_key_here\n    apiBase: http://127.0.0.1');
        expect(cfg).not.toContain('max-tokens: 3000\n  - name: openrouter/deepseek');

        const c = await run(clients.claude, ['-p', 'hi', '--output-format', 'json'], clientEnv(sb.home), sb.dir);
        const msgs = fake.chats().filter((q) => q.path === '/v1/messages');
        expect(msgs.length, c.stderr).toBeGreaterThan(0);
        expect(
          msgs.every(
            (q) => q.headers.authorization === `Bearer ${key}` && q.body?.model === 'claude-3-5-haiku-20241022',
          ),
        ).toBe(true);
        expect(JSON.parse(c.stdout).result).toContain(fake.reply);

        const n = await run(clients.cn, ['-p', 'hi', '--config', cont], clientEnv(sb.home), sb.dir);
        const chats = fake.chats().filter((q) => q.path === '/v1/chat/completions');
        expect(chats.length, n.stderr).toBeGreaterThan(0);
        expect(chats.every((q) => q.headers.authorization === `Bearer ${key}`)).toBe(true);
        expect(n.stdout).toContain(fake.reply);

        expect((await llmctl(sb, ['sync', '--check'])).code).toBe(0);
        writeFileSync(
          claude,
          readFileSync(claude, 'utf8').replace(
            '"ANTHROPIC_DEFAULT_OPUS_MODEL": "claude-3-5-haiku-20241022"',
            '"ANTHROPIC_DEFAULT_OPUS_MODEL": "hand-picked"',
          ),
        );
        const status = await llmctl(sb, ['status']);
        expect(status.code).toBe(3);
        expect(status.stderr).toMatch(/kept: .*env\.ANTHROPIC_DEFAULT_OPUS_MODEL/);

        const restore = await llmctl(sb, ['restore']);
        expect(restore.code, restore.stderr).toBe(0);
        expect(readFileSync(cont).equals(original.cont)).toBe(true);
        expect(readFileSync(claude).equals(original.claude)).toBe(true);
      } finally {
        await fake.close();
      }
    },
  );
});
