import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { llmctl, runProgram, type Sandbox } from '../helpers/cli.js';
import { CONFIG, WIN_ENV, ZHIPU_KEY, regKey, syncedSetup, winCommands, winFx } from '../helpers/doctor-setup.js';
import { ensureClients } from '../helpers/tools.js';

interface JsonCheck {
  id: string;
  status: string;
  found: string;
  fix?: string;
}
interface JsonReport {
  version: number;
  platform: string;
  ok: boolean;
  summary: Record<string, number>;
  checks: JsonCheck[];
  fixes?: { id: string; action: string; ok: boolean; backup?: string }[];
}

let claudeDir = '';
beforeAll(() => {
  claudeDir = path.dirname(ensureClients().claude);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A LiteLLM that only answers --version (the real one is driven by the serve e2e tests). */
function litellmStub(sb: Sandbox, version: string): string {
  const file = path.join(sb.dir, `litellm-${version}`);
  writeFileSync(file, `#!/bin/sh\necho "LiteLLM: Current Version = ${version}"\n`);
  chmodSync(file, 0o755);
  return file;
}

/**
 * A synced, healthy setup: config, key (0600), every target written, the real Claude Code on PATH.
 * Made in-process (the sync under test here is doctor's, through the binary): two runs of the binary
 * fewer for each of the ~40 cases.
 */
async function healthy(config = CONFIG): Promise<{ sb: Sandbox; port: number }> {
  const port = await freePort();
  const { sb } = await syncedSetup({
    config: config.replace('version: 1\n', `version: 1\nproxy: { port: ${port} }\n`),
  });
  // As llmctl creates it, whatever the umask of the test run (home.permissions checks it).
  chmodSync(sb.llmctlHome, 0o700);
  sb.env.PATH = `${claudeDir}${path.delimiter}${sb.env.PATH ?? ''}`;
  sb.env.LLMCTL_LITELLM = litellmStub(sb, '1.83.0');
  return { sb, port };
}

async function doctorJson(
  sb: Sandbox,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; r: JsonReport; stderr: string; stdout: string }> {
  const res = await llmctl(sb, ['doctor', '--json', ...args], { env });
  return { code: res.code, r: JSON.parse(res.stdout) as JsonReport, stderr: res.stderr, stdout: res.stdout };
}
const check = (r: JsonReport, id: string): JsonCheck => {
  const c = r.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} in ${r.checks.map((x) => x.id).join(', ')}`);
  return c;
};

describe('llmctl doctor on Linux', () => {
  it('a healthy setup is all PASS (SKIP for what does not apply), exit 0, and prints no key', async () => {
    const { sb } = await healthy();
    const table = await llmctl(sb, ['doctor']);
    expect(table.code, table.stdout + table.stderr).toBe(0);
    const lines = table.stdout.split('\n').filter((l) => /^(PASS|WARN|FAIL|SKIP) /.test(l));
    expect(lines.length).toBeGreaterThan(15);
    expect(lines.filter((l) => !/^(PASS|SKIP) /.test(l))).toEqual([]);
    expect(table.stdout).toMatch(/^PASS\s+claude\.installed\s+Claude Code \d+\.\d+\.\d+/m);
    expect(table.stdout).toMatch(/^SKIP\s+windows\s+not Windows/m);

    const { code, r, stdout } = await doctorJson(sb);
    expect(code).toBe(0);
    expect(r).toMatchObject({ version: 1, platform: 'linux', ok: true, summary: { FAIL: 0, WARN: 0 } });
    expect(r.checks.map((c) => c.id)).toEqual([
      'node.version',
      'config.valid',
      'secrets.present',
      'secrets.permissions',
      'files.permissions',
      'home.permissions',
      'target.litellm',
      'target.continue',
      'target.claude',
      'target.codex',
      'target.opencode',
      'target.qwen',
      'target.gemini',
      'target.openwebui',
      'continue.valid',
      'files.duplicate-keys',
      'litellm.installed',
      'python.version',
      'proxy.port',
      'proxy.config',
      'proxy.exposure',
      'network.system-proxy',
      'claude.installed',
      'claude.settings',
      'claude.models',
      'tools.codex.installed',
      'tools.codex.config',
      'tools.codex.models',
      'tools.opencode.installed',
      'tools.opencode.config',
      'tools.opencode.models',
      'tools.qwen.installed',
      'tools.qwen.config',
      'tools.qwen.models',
      'tools.gemini.installed',
      'tools.gemini.config',
      'tools.gemini.models',
      'webui.installed',
      'webui.env',
      'webui.port',
      'webui.persistent',
      'windows',
    ]);
    for (const c of r.checks) expect(Object.keys(c).sort()).toEqual(['found', 'id', 'status', 'title']);
    const master = (
      JSON.parse(readFileSync(path.join(sb.llmctlHome, 'secrets.json'), 'utf8')) as { secrets: Record<string, string> }
    ).secrets.proxy!;
    expect(stdout + table.stdout + table.stderr).not.toContain(ZHIPU_KEY);
    expect(stdout + table.stdout + table.stderr).not.toContain(master);
  });

  /** What a row's fix needs to be applied, given the fix as printed. */
  type ApplyCtx = { sb: Sandbox; port: number; fix: string; stopBlocker: () => void };
  /**
   * `run`: every command of the printed fix that matches is run as printed (llmctl ones through the
   * built binary, others through sh), with `args` added where a terminal would have asked;
   * `edit`: the edit the fix describes, done by the test (it may return the environment a fix exports),
   * then the `then` command of the fix, if any.
   */
  type Apply =
    | { run: RegExp; args?: string[] }
    | { edit: (ctx: ApplyCtx) => NodeJS.ProcessEnv | void | Promise<NodeJS.ProcessEnv | void>; then?: RegExp };
  const editConfig = (sb: Sandbox, from: string, to: string) => {
    const f = path.join(sb.llmctlHome, 'llmctl.yaml');
    const text = readFileSync(f, 'utf8');
    expect(text).toContain(from);
    writeFileSync(f, text.replace(from, to));
  };

  type Case = {
    name: string;
    breakIt: (sb: Sandbox, port: number) => void | Promise<void>;
    env?: NodeJS.ProcessEnv;
    id: string;
    status: 'FAIL' | 'WARN';
    found?: RegExp;
    fix: RegExp;
    /** --fix repairs it and the re-check passes. */
    fixable?: boolean;
    /** How the printed fix is applied; doctor then shows the check PASS. */
    apply: Apply;
  };
  const home = (sb: Sandbox, ...p: string[]) => path.join(sb.home, ...p);
  const cases: Case[] = [
    {
      name: 'no llmctl.yaml',
      breakIt: (sb) => rmSync(path.join(sb.llmctlHome, 'llmctl.yaml')),
      id: 'config.valid',
      status: 'FAIL',
      fix: /llmctl init/,
      // The wizard, answered by flags (no terminal here).
      apply: {
        run: /llmctl init/,
        args: ['--yes', '--provider', 'zhipu', '--key-env', 'ZHIPU', '--model', 'glm-4-flash'],
      },
    },
    {
      name: 'a model naming an undefined provider',
      breakIt: (sb) =>
        writeFileSync(
          path.join(sb.llmctlHome, 'llmctl.yaml'),
          CONFIG.replace('provider: zhipu }', 'provider: zhipuu }'),
        ),
      id: 'config.valid',
      status: 'FAIL',
      found: /llmctl\.yaml:6:\d+ models\[0\]\.provider: .*"zhipuu"/,
      // The finding says what is wrong; the fix is the edit, at its place (not the finding again).
      fix: /^edit \S+llmctl\.yaml:6:\d+ models\[0\]\.provider: use one of: zhipu, a100/,
      apply: {
        edit: ({ sb, fix }) => editConfig(sb, 'provider: zhipuu', `provider: ${/use one of: (\w+)/.exec(fix)![1]}`),
      },
    },
    {
      name: 'a referenced secret missing from the store',
      breakIt: (sb) =>
        writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG.replace('secret:zhipu', 'secret:zhipu2')),
      id: 'secrets.present',
      status: 'FAIL',
      fix: /llmctl keys set zhipu2/,
      apply: { run: /llmctl keys set \S+/g },
    },
    {
      name: 'secrets file readable by others',
      breakIt: (sb) => chmodSync(path.join(sb.llmctlHome, 'secrets.json'), 0o644),
      id: 'secrets.permissions',
      status: 'FAIL',
      found: /mode 0644/,
      fix: /chmod 600/,
      fixable: true,
      apply: { run: /chmod 600 \S+/g },
    },
    {
      name: 'two env objects in settings.json (Claude Code reads only the last)',
      breakIt: (sb) =>
        writeFileSync(
          home(sb, '.claude', 'settings.json'),
          readFileSync(home(sb, '.claude', 'settings.json'), 'utf8').replace(
            /\n}\s*$/,
            ',\n  "env": { "ANTHROPIC_BASE_URL": "http://elsewhere" }\n}\n',
          ),
        ),
      id: 'files.duplicate-keys',
      status: 'FAIL',
      found: /settings\.json: "env" appears twice \(2:3 and \d+:3\)/,
      fix: /merge each duplicate into one key by hand/,
      apply: {
        edit: ({ sb }) => {
          // Merged by hand: the second env object goes, the first (llmctl's) stays.
          const f = home(sb, '.claude', 'settings.json');
          writeFileSync(
            f,
            readFileSync(f, 'utf8').replace(/,\n  "env": \{ "ANTHROPIC_BASE_URL": "http:\/\/elsewhere" \}/, ''),
          );
        },
        then: /llmctl sync$/,
      },
    },
    {
      name: 'settings.json holding the proxy token readable by others',
      breakIt: (sb) => chmodSync(home(sb, '.claude', 'settings.json'), 0o644),
      id: 'files.permissions',
      status: 'FAIL',
      found: /settings\.json \(mode 0644\)/,
      fix: /chmod 600 .*settings\.json/,
      fixable: true,
      apply: { run: /chmod 600 \S+/g },
    },
    {
      name: 'Continue .env readable by others',
      breakIt: (sb) => chmodSync(home(sb, '.continue', '.env'), 0o640),
      id: 'files.permissions',
      status: 'FAIL',
      found: /\.env \(mode 0640\)/,
      fix: /chmod 600 .*\.env/,
      fixable: true,
      apply: { run: /chmod 600 \S+/g },
    },
    {
      name: 'llmctl home writable by others (LiteLLM imports llmctl_auth.py from it)',
      breakIt: (sb) => chmodSync(sb.llmctlHome, 0o777),
      id: 'home.permissions',
      status: 'FAIL',
      found: /mode 0777.*run code as you/,
      fix: /chmod 700 /,
      fixable: true,
      apply: { run: /chmod 700 \S+/g },
    },
    {
      name: 'llmctl_auth.py writable by the group',
      breakIt: (sb) => chmodSync(path.join(sb.llmctlHome, 'llmctl_auth.py'), 0o664),
      id: 'home.permissions',
      status: 'FAIL',
      found: /llmctl_auth\.py \(mode 0664\)/,
      fix: /chmod go-w /,
      fixable: true,
      apply: { run: /chmod go-w \S+/g },
    },
    {
      name: 'a Continue config nested 10k levels deep (the parser overflows)',
      breakIt: (sb) =>
        writeFileSync(home(sb, '.continue', 'config.yaml'), `name: a\nx:\n  ${'- '.repeat(10_000)}a\nmodels: []\n`),
      id: 'continue.valid',
      status: 'FAIL',
      found: /config\.yaml is not valid YAML: nested too deeply to be read/,
      fix: /fix the YAML by hand, or: mv .* && llmctl sync --only continue/,
      apply: { run: /mv \S+ \S+|llmctl sync --only continue/g },
    },
    {
      name: 'Claude Code settings.json deleted',
      breakIt: (sb) => rmSync(home(sb, '.claude', 'settings.json')),
      id: 'claude.settings',
      status: 'FAIL',
      fix: /llmctl sync --only claude/,
      fixable: true,
      apply: { run: /llmctl sync --only claude/ },
    },
    {
      name: 'LiteLLM config edited by hand',
      breakIt: (sb) =>
        writeFileSync(
          path.join(sb.llmctlHome, 'litellm.config.yaml'),
          `${readFileSync(path.join(sb.llmctlHome, 'litellm.config.yaml'), 'utf8')}# edited\n`,
        ),
      id: 'target.litellm',
      status: 'WARN',
      found: /drifted/,
      fix: /llmctl sync --only litellm/,
      fixable: true,
      apply: { run: /llmctl sync (--dry-run )?--only litellm/g },
    },
    {
      name: "Claude Code's haiku model is not on the proxy",
      breakIt: (sb) => {
        const f = home(sb, '.claude', 'settings.json');
        writeFileSync(
          f,
          readFileSync(f, 'utf8').replace(
            '"ANTHROPIC_DEFAULT_HAIKU_MODEL": "claude-3-5-haiku-20241022"',
            '"ANTHROPIC_DEFAULT_HAIKU_MODEL": "claude-haiku-4-5"',
          ),
        );
      },
      id: 'claude.models',
      status: 'FAIL',
      found: /haiku=claude-haiku-4-5/,
      fix: /llmctl sync --only claude --force/,
      apply: { run: /llmctl sync --only claude --force/ },
    },
    {
      name: 'settings.json base URL points elsewhere',
      breakIt: (sb, port) => {
        const f = home(sb, '.claude', 'settings.json');
        writeFileSync(f, readFileSync(f, 'utf8').replace(`http://127.0.0.1:${port}`, 'https://api.anthropic.com'));
      },
      id: 'claude.settings',
      status: 'FAIL',
      found: /api\.anthropic\.com/,
      fix: /llmctl sync --only claude --force/,
      apply: { run: /llmctl sync --only claude --force/ },
    },
    {
      name: "settings.json token is not the proxy's master key",
      breakIt: (sb) => {
        const f = home(sb, '.claude', 'settings.json');
        writeFileSync(
          f,
          readFileSync(f, 'utf8').replace(/"ANTHROPIC_AUTH_TOKEN": "[^"]*"/, '"ANTHROPIC_AUTH_TOKEN": "sk-old-token"'),
        );
      },
      id: 'claude.settings',
      status: 'FAIL',
      found: /not the proxy's master key/,
      fix: /llmctl sync --only claude/,
      apply: { run: /llmctl sync --only claude( --force)?/ },
    },
    {
      name: 'settings.json base URL ends in /v1',
      breakIt: (sb, port) => {
        const f = home(sb, '.claude', 'settings.json');
        writeFileSync(f, readFileSync(f, 'utf8').replace(`http://127.0.0.1:${port}"`, `http://127.0.0.1:${port}/v1"`));
      },
      id: 'claude.settings',
      status: 'FAIL',
      found: /ends in \/v1/,
      fix: /llmctl sync --only claude/,
      apply: { run: /llmctl sync --only claude( --force)?/ },
    },
    {
      name: 'a secrets file that is not JSON',
      breakIt: (sb) => writeFileSync(path.join(sb.llmctlHome, 'secrets.json'), '{ not json', { mode: 0o600 }),
      id: 'secrets.present',
      status: 'FAIL',
      fix: /move .*secrets\.json away and set the keys again/,
      apply: {
        // Moved away, then `llmctl keys set NAME` for each key it held (the master key too).
        edit: async ({ sb }) => {
          const f = path.join(sb.llmctlHome, 'secrets.json');
          renameSync(f, `${f}.broken`);
          for (const [name, key] of [
            ['zhipu', ZHIPU_KEY],
            ['proxy', 'mk-a-new-master-key-123456'],
          ])
            expect((await llmctl(sb, ['keys', 'set', name!, '--stdin'], { input: key })).code).toBe(0);
        },
      },
    },
    {
      name: 'Continue config with a numeric version',
      breakIt: (sb) => {
        const f = home(sb, '.continue', 'config.yaml');
        writeFileSync(f, readFileSync(f, 'utf8').replace(/^version: .*$/m, 'version: 1'));
      },
      id: 'continue.valid',
      status: 'FAIL',
      found: /`version` must be a string/,
      fix: /set version: "1\.0\.0"/,
      apply: {
        edit: ({ sb, fix }) => {
          const f = home(sb, '.continue', 'config.yaml');
          writeFileSync(
            f,
            readFileSync(f, 'utf8').replace(/^version: 1$/m, `version: ${/set version: (".*?")/.exec(fix)![1]}`),
          );
        },
      },
    },
    {
      name: 'system proxy without loopback in NO_PROXY',
      breakIt: () => {},
      env: { HTTPS_PROXY: 'http://127.0.0.1:7890', NO_PROXY: 'example.com' },
      id: 'network.system-proxy',
      status: 'WARN',
      fix: /export NO_PROXY="example\.com,127\.0\.0\.1,localhost,::1"/,
      apply: { edit: ({ fix }) => ({ NO_PROXY: /NO_PROXY="([^"]+)"/.exec(fix)![1] }) },
    },
    {
      name: 'a compromised LiteLLM release would run',
      breakIt: () => {},
      env: {},
      id: 'litellm.installed',
      status: 'FAIL',
      found: /1\.82\.7.*MALICIOUS/,
      fix: /rotate your keys/,
      // `llmctl proxy install` (real pip in the e2e tests): a clean release is what `serve` would run.
      apply: { edit: ({ sb }) => ({ LLMCTL_LITELLM: litellmStub(sb, '1.83.0') }) },
    },
    {
      name: 'the proxy port is taken by another program',
      breakIt: () => {},
      id: 'proxy.port',
      status: 'FAIL',
      found: /taken by another program/,
      fix: /proxy\.port/,
      apply: { edit: ({ stopBlocker }) => stopBlocker() },
    },
    {
      name: 'bound to 0.0.0.0 with no master key',
      breakIt: (sb, port) =>
        writeFileSync(
          path.join(sb.llmctlHome, 'llmctl.yaml'),
          CONFIG.replace(
            'version: 1\n',
            `version: 1\nproxy: { host: 0.0.0.0, port: ${port}, masterKey: env:NO_SUCH_MASTER_KEY }\n`,
          ),
        ),
      id: 'proxy.exposure',
      status: 'FAIL',
      fix: /proxy\.host: 127\.0\.0\.1/,
      apply: {
        edit: ({ fix }) => ({
          NO_SUCH_MASTER_KEY: /export (NO_SUCH_MASTER_KEY)=/.test(fix) ? 'mk-typed-by-the-user-123456' : '',
        }),
      },
    },
  ];

  /** Runs one printed command: llmctl through the built binary, anything else through sh. */
  async function runPrinted(sb: Sandbox, cmd: string, env: NodeJS.ProcessEnv, args: string[] = []): Promise<void> {
    const words = cmd.trim().split(/\s+/);
    // A key is typed at a prompt; here it comes on stdin.
    const keysSet = words[1] === 'keys' && words[2] === 'set';
    const r =
      words[0] === 'llmctl'
        ? await llmctl(sb, [...words.slice(1), ...args, ...(keysSet ? ['--stdin'] : [])], {
            env,
            ...(keysSet ? { input: 'zk-typed-at-the-prompt-0987654321\n' } : {}),
          })
        : await runProgram('/bin/sh', ['-c', cmd], { env: { ...sb.env, ...env }, cwd: sb.dir });
    expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
  }

  async function applyPrinted(c: Case, ctx: ApplyCtx, env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
    const a = c.apply;
    if ('run' in a) {
      const cmds = [...ctx.fix.matchAll(a.run.global ? a.run : new RegExp(a.run.source, 'g'))].map((m) => m[0]);
      expect(cmds.length, ctx.fix).toBeGreaterThan(0);
      for (const cmd of cmds) await runPrinted(ctx.sb, cmd, env, a.args);
      return env;
    }
    const more = { ...env, ...((await a.edit(ctx)) ?? {}) };
    if (a.then) {
      const cmd = a.then.exec(ctx.fix)?.[0];
      expect(cmd, ctx.fix).toBeTruthy();
      await runPrinted(ctx.sb, cmd!, more);
    }
    return more;
  }

  it.each(cases)('$name → $status $id with a fix that, applied, makes it PASS', async (c) => {
    const { sb, port } = await healthy();
    await c.breakIt(sb, port);
    const env = { ...c.env };
    if (c.name.includes('compromised')) env.LLMCTL_LITELLM = litellmStub(sb, '1.82.7');
    let blocker: net.Server | undefined;
    if (c.id === 'proxy.port')
      blocker = await new Promise<net.Server>((resolve) => {
        const s = net.createServer();
        s.listen(port, '127.0.0.1', () => resolve(s));
      });
    const stopBlocker = () => {
      blocker?.close();
      blocker = undefined;
    };
    try {
      const { code, r } = await doctorJson(sb, [], env);
      const got = check(r, c.id);
      expect(got.status, got.found).toBe(c.status);
      if (c.found) expect(got.found).toMatch(c.found);
      // A fix is not the finding said again.
      expect(got.found).not.toContain(got.fix);
      expect(got.fix).toMatch(c.fix);
      expect(code).toBe(c.status === 'FAIL' ? 1 : r.checks.some((x) => x.status === 'FAIL') ? 1 : 0);
      // The human table shows the same line and its fix.
      const table = await llmctl(sb, ['doctor'], { env });
      expect(table.stdout).toMatch(new RegExp(`^${c.status}\\s+${c.id.replace('.', '\\.')}\\s`, 'm'));
      expect(table.stdout).toContain(`fix: ${got.fix}`);
      if (c.fixable) {
        const fixed = await doctorJson(sb, ['--fix'], env);
        expect(fixed.r.fixes?.length).toBeGreaterThan(0);
        expect(fixed.r.fixes?.every((x) => x.ok)).toBe(true);
        expect(check(fixed.r, c.id).status).toBe('PASS');
        expect(fixed.code).toBe(0);
        expect(fixed.stderr).toMatch(/fixing: /);
        // Broken again, for the printed fix by hand.
        await c.breakIt(sb, port);
      }
      const after = await applyPrinted(c, { sb, port, fix: got.fix!, stopBlocker }, env);
      const again = check((await doctorJson(sb, [], after)).r, c.id);
      expect(again.status, `${again.found} (fix applied: ${got.fix})`).toBe('PASS');
    } finally {
      blocker?.close();
    }
  });

  it('the fixes printed for a missing key and for NO_PROXY work when run', async () => {
    const { sb } = await healthy();
    writeFileSync(
      path.join(sb.llmctlHome, 'llmctl.yaml'),
      readFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), 'utf8').replace('secret:zhipu', 'secret:zhipu2'),
    );
    const before = await doctorJson(sb);
    expect(check(before.r, 'secrets.present').fix).toBe('llmctl keys set zhipu2');
    expect(
      (await llmctl(sb, ['keys', 'set', 'zhipu2', '--stdin'], { input: 'zk-another-key-0987654321\n' })).code,
    ).toBe(0);
    expect(check((await doctorJson(sb)).r, 'secrets.present').status).toBe('PASS');

    const proxied = await doctorJson(sb, [], { HTTP_PROXY: 'http://10.0.0.1:7890' });
    const fix = check(proxied.r, 'network.system-proxy').fix!;
    const value = /NO_PROXY="([^"]+)"/.exec(fix)![1]!;
    expect(
      check(
        (await doctorJson(sb, [], { HTTP_PROXY: 'http://10.0.0.1:7890', NO_PROXY: value })).r,
        'network.system-proxy',
      ).status,
    ).toBe('PASS');
  });

  it('--fix leaves hand-edited entries alone and says so; the printed --force fix then works', async () => {
    const { sb } = await healthy();
    const f = path.join(sb.home, '.claude', 'settings.json');
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace(
        '"ANTHROPIC_DEFAULT_HAIKU_MODEL": "claude-3-5-haiku-20241022"',
        '"ANTHROPIC_DEFAULT_HAIKU_MODEL": "claude-haiku-4-5"',
      ),
    );
    const edited = readFileSync(f, 'utf8');
    const res = await llmctl(sb, ['doctor', '--fix']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('nothing that doctor can fix safely');
    expect(readFileSync(f, 'utf8')).toBe(edited);
    expect(res.stdout).toMatch(/^FAIL\s+claude\.models\s/m);
    expect((await llmctl(sb, ['sync', '--only', 'claude', '--force'])).code).toBe(0);
    const after = await doctorJson(sb);
    expect(check(after.r, 'claude.models').status).toBe('PASS');
    expect(after.code).toBe(0);
  });

  it('a key pasted into llmctl.yaml is a FAIL that never echoes the key', async () => {
    const { sb } = await healthy();
    const pasted = 'sk-pasted-live-key-abcdefghijklmnop';
    writeFileSync(path.join(sb.llmctlHome, 'llmctl.yaml'), CONFIG.replace('secret:zhipu', pasted));
    const { code, r, stdout, stderr } = await doctorJson(sb);
    expect(code).toBe(1);
    expect(check(r, 'config.valid')).toMatchObject({
      status: 'FAIL',
      found: expect.stringContaining('providers.zhipu.apiKey'),
    });
    const table = await llmctl(sb, ['doctor']);
    expect(stdout + stderr + table.stdout + table.stderr).not.toContain(pasted);
    // The fix: store the key, then reference it where it was pasted.
    const fix = check(r, 'config.valid').fix!;
    expect(fix).toMatch(
      /^llmctl keys set zhipu .*then edit \S+llmctl\.yaml:\d+:\d+: set providers\.zhipu\.apiKey to secret:zhipu$/,
    );
    expect((await llmctl(sb, ['keys', 'set', 'zhipu', '--stdin'], { input: pasted })).code).toBe(0);
    const f = path.join(sb.llmctlHome, 'llmctl.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(pasted, 'secret:zhipu'));
    expect(check((await doctorJson(sb)).r, 'config.valid').status).toBe('PASS');
  });

  it('-v adds the unconfirmed facts of the presets in use', async () => {
    const { sb } = await healthy(CONFIG.replace('preset: zhipu', 'preset: volcengine'));
    const res = await llmctl(sb, ['doctor', '-v']);
    expect(res.stderr).toMatch(/note \(preset volcengine, unconfirmed\): .*VOLCENGINE_API_KEY/);
    expect((await llmctl(sb, ['doctor'])).stderr).not.toContain('note (preset');
  });

  it(
    'one --fix repairs what a first fix uncovers: ' + 'loose modes and drift together leave every fixable check PASS',
    async () => {
      const { sb } = await healthy();
      chmodSync(sb.llmctlHome, 0o777);
      chmodSync(path.join(sb.llmctlHome, 'secrets.json'), 0o644);
      const cfg = path.join(sb.llmctlHome, 'litellm.config.yaml');
      writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}# edited\n`);
      rmSync(path.join(sb.home, '.claude', 'settings.json'));
      const fixed = await doctorJson(sb, ['--fix']);
      expect(fixed.r.checks.filter((c) => c.status !== 'PASS' && c.status !== 'SKIP')).toEqual([]);
      expect(fixed.code).toBe(0);
      const again = await doctorJson(sb, ['--fix']);
      expect(again.r.fixes).toEqual([]);
      expect(again.stderr).toContain('nothing that doctor can fix safely');
    },
  );

  it('--fix on secrets permissions leaves mode 0600 and says what it did', async () => {
    const { sb } = await healthy();
    const f = path.join(sb.llmctlHome, 'secrets.json');
    chmodSync(f, 0o640);
    const res = await llmctl(sb, ['doctor', '--fix']);
    expect(res.stderr).toContain(`fixing: chmod 600 ${f}`);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(res.code).toBe(0);
  });
});

describe('llmctl doctor on a fake Windows (LLMCTL_FAKE_PLATFORM, test-only)', () => {
  const GIT = 'C:\\Program Files\\Git\\bin\\bash.exe';
  const fake = (sb: Sandbox, spec: object) => {
    const file = path.join(sb.dir, 'fake-windows.json');
    writeFileSync(file, JSON.stringify(spec));
    return { LLMCTL_FAKE_PLATFORM: file };
  };

  it(
    'Claude Code 2.0 with Git in Program Files and no CLAUDE_CODE_GIT_BASH_PATH: ' +
      'FAIL; --fix writes it (backed up), offers setx, re-check PASS',
    async () => {
      const { sb } = await healthy();
      const env = fake(sb, {
        os: 'win32',
        env: WIN_ENV,
        files: [GIT],
        commands: winCommands('2.0.14', { 'where.exe git': winFx('where-git-default.txt') }),
      });
      const before = await doctorJson(sb, [], env);
      expect(before.code).toBe(1);
      expect(before.r.platform).toBe('win32');
      const c = check(before.r, 'windows.git-bash-path');
      expect(c.status).toBe('FAIL');
      expect(c.fix).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${GIT}"`);
      expect(check(before.r, 'windows.git-bash').found).toContain(GIT);

      const fixed = await llmctl(sb, ['doctor', '--fix'], { env });
      expect(fixed.stderr).toContain('fixing: llmctl sync --only claude');
      expect(fixed.stderr).toMatch(/undo: llmctl restore \S+/);
      expect(fixed.stderr).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${GIT}"`);
      expect(fixed.stdout).toMatch(/^PASS\s+windows\.git-bash-path\s/m);
      expect(fixed.code).toBe(0);
      const settings = JSON.parse(readFileSync(path.join(sb.home, '.claude', 'settings.json'), 'utf8')) as {
        env: Record<string, string>;
      };
      expect(settings.env.CLAUDE_CODE_GIT_BASH_PATH).toBe(GIT);
    },
  );

  it.each([
    {
      name: 'nothing found, Claude Code 2.0',
      claude: '2.0.14',
      files: [] as string[],
      more: {},
      id: 'windows.git-bash',
      status: 'FAIL',
      fix: /winget install --id Git\.Git/,
    },
    {
      name: 'nothing found, Claude Code 2.1.120',
      claude: '2.1.120',
      files: [],
      more: {},
      id: 'windows.git-bash',
      status: 'WARN',
      fix: /winget install/,
    },
    {
      name: 'registry only, D: with spaces',
      claude: '2.0.14',
      files: ['D:\\Apps\\Git For Windows\\bin\\bash.exe'],
      more: { [regKey('HKLM')]: winFx('reg-hklm-gitforwindows-d.txt') },
      id: 'windows.git-bash-path',
      status: 'FAIL',
      fix: /setx CLAUDE_CODE_GIT_BASH_PATH "D:\\Apps\\Git For Windows\\bin\\bash\.exe"/,
    },
    {
      name: 'WSL first on PATH',
      claude: '2.0.14',
      files: [GIT],
      more: { 'where.exe git': winFx('where-git-default.txt'), 'where.exe bash': winFx('where-bash-wsl-first.txt') },
      id: 'windows.wsl-bash',
      status: 'WARN',
      fix: /CLAUDE_CODE_GIT_BASH_PATH/,
    },
  ])('$name → $status $id', async (m) => {
    const { sb } = await healthy();
    const env = fake(sb, { os: 'win32', env: WIN_ENV, files: m.files, commands: winCommands(m.claude, m.more) });
    const { r } = await doctorJson(sb, [], env);
    const c = check(r, m.id);
    expect(c.status, c.found).toBe(m.status);
    expect(c.fix).toMatch(m.fix);
  });
});
