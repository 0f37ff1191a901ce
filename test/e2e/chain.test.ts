import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, llmctl, placeSeedToolConfigs, runProgram, sandbox, type Sandbox } from '../helpers/cli.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { ensureLitellm, freePort, processesMentioning, waitFor } from '../helpers/litellm.js';
import { clientEnv, ensureClients } from '../helpers/tools.js';

/**
 * The whole chain, as the seed's user would run it: import their three files, sync, `serve --detach`
 * on a new port, and the real Claude Code and Continue CLI get their answers from the (fake, OpenAI
 * format only) upstreams THROUGH the real LiteLLM; `llmctl stop` leaves nothing behind.
 */
const KEYS: Record<string, string> = {
  ZHIPUAI_API_KEY: 'sk-chain-zhipu-000111',
  SILICONFLOW_API_KEY: 'sk-chain-siliconflow-000222',
  VOLCENGINE_API_KEY: 'sk-chain-volc-000333',
  GEMINI_API_KEY: 'chain-gemini-000444',
  OPENROUTER_API_KEY: 'sk-chain-or-000555',
};

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) =>
  runProgram(cmd, args, { env, cwd, timeoutMs: 150_000 });

describe('seed configs → llmctl → real LiteLLM → fake upstreams, driven by the real clients', () => {
  let sb: Sandbox;
  let clients: { claude: string; cn: string };
  const fakes: Record<string, FakeUpstream> = {};
  let port: number;
  let proxyKey: string;

  beforeAll(async () => {
    clients = ensureClients();
    const litellm = await ensureLitellm();
    sb = sandbox({ LLMCTL_LITELLM: litellm, ...KEYS });
    const { cont, claude } = placeSeedToolConfigs(sb);
    for (const [tool, file] of [
      ['litellm', path.join(SEED, 'litellm.config.yaml')],
      ['continue', cont],
      ['claude', claude],
    ] as const) {
      const r = await llmctl(sb, ['import', tool, file]);
      expect(r.code, `import ${tool}: ${r.stderr}`).toBe(0);
    }
    // Every provider's base goes to its own fake, which speaks only OpenAI chat completions.
    const file = path.join(sb.llmctlHome, 'llmctl.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const providers = Object.keys((doc.toJS() as { providers: Record<string, unknown> }).providers);
    expect(providers).toContain('siliconflow');
    for (const name of providers) {
      fakes[name] = await startFakeUpstream({ name, reply: `answer from the ${name} upstream` });
      doc.setIn(['providers', name, 'apiBase'], `${fakes[name]!.url}/v1`);
    }
    writeFileSync(file, doc.toString());
    const sync = await llmctl(sb, ['sync', '--yes']);
    expect(sync.code, sync.stderr).toBe(0);

    port = await freePort();
    const serve = await llmctl(sb, ['serve', '--detach', '--port', String(port)]);
    expect(serve.code, serve.stderr).toBe(0);
    expect(serve.stderr).toContain('now point at');
    proxyKey = (
      JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> }
    ).secrets.proxy!;
  }, 900_000);

  afterAll(async () => {
    if (sb) await llmctl(sb, ['stop']);
    await Promise.all(Object.values(fakes).map((f) => f.close()));
  });

  it('the tools now point at the proxy on the new port', () => {
    const settings = JSON.parse(readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8')) as {
      env: Record<string, string>;
    };
    expect(settings.env.ANTHROPIC_BASE_URL).toBe(`http://127.0.0.1:${port}`);
    expect(readFileSync(path.join(sb.home, '.continue', 'config.yaml'), 'utf8')).toContain(
      `http://127.0.0.1:${port}/v1`,
    );
  });

  it(
    'claude -p gets its answer from the DeepSeek distill ' +
      'upstream through LiteLLM (/v1/messages → chat completions)',
    async () => {
      const sf = fakes.siliconflow!;
      const before = sf.chats().length;
      const r = await run(clients.claude, ['-p', 'hi', '--output-format', 'json'], clientEnv(sb.home), sb.dir);
      const got = sf.chats().slice(before);
      expect(got.length, `claude stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBeGreaterThan(0);
      for (const q of got) {
        expect(q.path).toBe('/v1/chat/completions');
        expect(q.body.model).toBe('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B');
        expect(q.headers.authorization).toBe(`Bearer ${KEYS.SILICONFLOW_API_KEY}`);
        // The proxy key stays between the client and the proxy.
        expect(JSON.stringify(q.headers)).not.toContain(proxyKey);
      }
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { result: string }).result).toContain('answer from the siliconflow upstream');
    },
  );

  it('cn -p gets its answer from an upstream through LiteLLM, with that provider’s key', async () => {
    const counts = Object.fromEntries(Object.entries(fakes).map(([n, f]) => [n, f.chats().length]));
    const config = path.join(sb.home, '.continue', 'config.yaml');
    const r = await run(clients.cn, ['-p', 'hi', '--config', config], clientEnv(sb.home), sb.dir);
    const reached = Object.entries(fakes).filter(([n, f]) => f.chats().length > counts[n]!);
    expect(reached.length, `cn stderr: ${r.stderr}\nstdout: ${r.stdout}`).toBe(1);
    const [name, fake] = reached[0]!;
    const q = fake.chats().at(-1)!;
    expect(q.path).toBe('/v1/chat/completions');
    const keyEnv = {
      zhipu: 'ZHIPUAI_API_KEY',
      siliconflow: 'SILICONFLOW_API_KEY',
      volcengine: 'VOLCENGINE_API_KEY',
      openrouter: 'OPENROUTER_API_KEY',
    }[name];
    if (keyEnv) expect(q.headers.authorization).toBe(`Bearer ${KEYS[keyEnv]}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`answer from the ${name} upstream`);
  });

  it('llmctl stop leaves no process behind', async () => {
    const pid = (JSON.parse(readFileSync(path.join(sb.llmctlHome, 'proxy.pid'), 'utf8')) as { pid: number }).pid;
    const r = await llmctl(sb, ['stop']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`LiteLLM stopped (pid ${pid})`);
    expect(await waitFor(() => processesMentioning(sb.dir).length === 0, 5_000)).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/health/liveliness`)).rejects.toThrow();
  });
});
