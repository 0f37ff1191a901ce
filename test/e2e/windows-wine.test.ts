// llmctl on a real Windows runtime: the official Windows node.exe under Wine (test/helpers/wine.ts)
// runs the built bin/llmctl.js as a Windows user whose profile lives in the Wine prefix. The fake
// Windows (src/platform/fake.ts) covers the cases; this checks that the real runtime agrees with it:
// process.platform is win32, paths are C:\…, `reg query` answers from Wine's registry.
//
// Where Wine differs from Windows (and what that means here):
// - Wine's where.exe prints nothing and exits 0, whatever is on PATH (even `where.exe cmd.exe`). So
//   llmctl's `where.exe git` step finds nothing here and Git Bash is found through the registry key
//   (doctor says "(registry)"); on Windows with Git on PATH the same install is found by where.exe.
//   For the same reason doctor's "WSL's bash.exe does not shadow Git's" check can only PASS here.
// - Wine's `reg query` prints "Unable to find the specified registry key" on stdout (Windows: an
//   ERROR: line on stderr); both exit 1, and llmctl looks at the exit code.
// - Wine sets USERPROFILE and APPDATA from its own profile and drops HOME, whatever the Unix
//   environment says: runWindowsNode sets them in a .cmd file, as a Windows user's shell would.
// - node.exe's stdout must be a file under Wine (a pipe gives EBADF): output goes through files.
// - Git for Windows is a layout of renamed Wine programs (llmctl only checks that the files exist).
// - File modes: Wine maps files to Unix files; llmctl skips the 0600 check on Windows (profile ACLs).
// - Wine's reg.exe writes HKCU\...\Internet Settings like Windows' (the trap test sets a system proxy
//   with it and clears it again); the prefix is shared, so afterAll turns that proxy back off.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, SEED } from '../helpers/cli.js';
import {
  GIT_INSTALL,
  GIT_REGISTRY_KEY,
  WINE_SKIPPED,
  completeGitLayout,
  ensureWine,
  removeWindowsUser,
  runWindowsNode,
  runWine,
  unixPath,
  winPath,
  windowsUser,
  type Wine,
  type WinUser,
} from '../helpers/wine.js';

const GIT_BASH = `${GIT_INSTALL}\\bin\\bash.exe`;
const INTERNET = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

describe.skipIf(WINE_SKIPPED)('llmctl under the real Windows node.exe (Wine)', () => {
  let w: Wine;
  let u: WinUser;
  const timings: string[] = [];
  const cygpath = () => unixPath(w, `${GIT_INSTALL}\\usr\\bin\\cygpath.exe`);
  /** A file in the Windows user's profile, by its Windows path. */
  const file = (windowsPath: string) => unixPath(w, windowsPath);
  const bytes = (windowsPath: string) =>
    existsSync(file(windowsPath)) ? readFileSync(file(windowsPath)).toString('base64') : null;

  const llmctl = async (...args: string[]) => {
    const r = await runWindowsNode(w, u, [winPath(w, BIN), ...args]);
    timings.push(`llmctl ${args[0]}${args[1]?.startsWith('-') ? ` ${args[1]}` : ''}: ${(r.ms / 1000).toFixed(1)} s`);
    return r;
  };

  let seedContinue: string;
  let seedClaude: string;
  let seedLitellm: string;

  beforeAll(() => {
    w = ensureWine();
    completeGitLayout(w);
    u = windowsUser(w);
    seedLitellm = `${u.profile}\\litellm.config.yaml`;
    seedContinue = `${u.profile}\\.continue\\config.yaml`;
    seedClaude = `${u.profile}\\.claude\\settings.json`;
    for (const [from, to] of [
      ['litellm.config.yaml', seedLitellm],
      ['continue.config.yaml', seedContinue],
      ['claude.settings.json', seedClaude],
    ] as const) {
      mkdirSync(path.dirname(file(to)), { recursive: true });
      copyFileSync(path.join(SEED, from), file(to));
    }
  });

  afterAll(async () => {
    // The system proxy is the prefix's (shared by every Wine test user): put it back off.
    if (u)
      for (const v of ['ProxyServer', 'ProxyOverride']) await runWine(w, u, 'reg', ['delete', INTERNET, '/v', v, '/f']);
    if (u) await runWine(w, u, 'reg', ['add', INTERNET, '/v', 'ProxyEnable', '/t', 'REG_DWORD', '/d', '0', '/f']);
    if (existsSync(cygpath())) rmSync(`${cygpath()}.moved`, { force: true });
    else if (existsSync(`${cygpath()}.moved`)) renameSync(`${cygpath()}.moved`, cygpath());
    if (u) removeWindowsUser(u);
    if (timings.length) process.stderr.write(`[wine] ${timings.join('; ')}\n`);
  });

  it('node.exe is Windows: process.platform win32, the profile folders are the ones the test set', async () => {
    const r = await runWindowsNode(w, u, [
      '-p',
      'JSON.stringify([process.platform, require(`os`).homedir(), process.env.APPDATA])',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['win32', u.profile, u.appData]);
  });

  it(
    'Wine as this file describes it: where.exe prints nothing; ' + 'reg query answers with the Git for Windows key',
    async () => {
      // When this fails because where.exe prints C:\windows\system32\cmd.exe, Wine's where.exe has become
      // real: the notes at the top change, and the where.exe step of the Git Bash search can be tested here.
      expect(await runWine(w, u, 'where.exe', ['cmd.exe'])).toMatchObject({ code: 0, stdout: '' });
      const reg = await runWine(w, u, 'reg', ['query', GIT_REGISTRY_KEY, '/v', 'InstallPath']);
      expect(reg.code, reg.stdout).toBe(0);
      expect(reg.stdout).toContain(`InstallPath    REG_SZ    ${GIT_INSTALL}\r\n`);
    },
  );

  it('import litellm: llmctl.yaml lands in %APPDATA%\\llmctl', async () => {
    const r = await llmctl('import', 'litellm', seedLitellm);
    expect(r.code, r.stderr).toBe(0);
    const yamlPath = `${u.appData}\\llmctl\\llmctl.yaml`;
    expect(r.stderr).toContain(`added 6 providers and 12 models in ${yamlPath}`);
    const config = parse(readFileSync(file(yamlPath), 'utf8')) as {
      models: unknown[];
      providers: Record<string, unknown>;
    };
    expect(config.models).toHaveLength(12);
    expect(Object.keys(config.providers)).toContain('zhipu');
    // Not the POSIX place (~/.config/llmctl), which would mean llmctl did not see Windows.
    expect(existsSync(file(`${u.profile}\\.config`))).toBe(false);
  });

  it(
    'sync: LiteLLM config in %APPDATA%\\llmctl; Continue, ' +
      'Claude Code patched in %USERPROFILE%; Git Bash as a Windows path',
    async () => {
      const r = await llmctl('sync');
      expect(r.code, r.stderr).toBe(0);
      const litellm = parse(readFileSync(file(`${u.appData}\\llmctl\\litellm.config.yaml`), 'utf8')) as {
        model_list: { model_name: string }[];
      };
      expect(litellm.model_list.map((m) => m.model_name)).toContain('GLM-4-Flash-250414');

      const cont = parse(readFileSync(file(seedContinue), 'utf8')) as {
        name: string;
        models: { name: string; apiBase: string }[];
      };
      expect(cont.name).toBe('Local Assistant'); // patched, not rewritten
      expect(cont.models.some((m) => m.apiBase?.startsWith('http://127.0.0.1:4000'))).toBe(true);
      expect(existsSync(file(`${u.profile}\\.continue\\.env`))).toBe(true);

      const settings = JSON.parse(readFileSync(file(seedClaude), 'utf8')) as { env: Record<string, string> };
      expect(settings.env.ANTHROPIC_BASE_URL).toBe('http://127.0.0.1:4000');
      // The Windows path as Claude Code needs it: backslashes, drive letter, no quoting.
      expect(settings.env.CLAUDE_CODE_GIT_BASH_PATH).toBe(GIT_BASH);
      expect(r.stderr).toContain(`updated Claude Code settings: ${seedClaude}`);
    },
  );

  it('doctor --json: Windows checks from the real runtime; Git Bash PASS (found through the registry)', async () => {
    const r = await llmctl('doctor', '--json');
    // The prefix has no Python (python.version FAILs, so exit 1); the JSON is complete either way.
    const report = JSON.parse(r.stdout) as {
      platform: string;
      ok: boolean;
      checks: { id: string; status: string; found?: string }[];
    };
    expect(r.code, r.stderr).toBe(report.ok ? 0 : 1);
    const check = (id: string) => report.checks.find((c) => c.id === id);
    expect(report.platform).toBe('win32');
    expect(check('windows.git-bash')).toMatchObject({ status: 'PASS', found: `${GIT_BASH} (registry)` });
    expect(check('windows.git-bash-path')).toMatchObject({ status: 'PASS', found: `settings.json env: ${GIT_BASH}` });
    // Wine's where.exe prints nothing, so no bash.exe is "first on PATH": this can only PASS under Wine.
    expect(check('windows.wsl-bash')?.status).toBe('PASS');
    expect(check('windows.pathext')?.status).toBe('PASS');
    expect(check('secrets.permissions')).toMatchObject({ status: 'SKIP', found: expect.stringContaining('Windows') });
    for (const id of ['target.litellm', 'target.continue', 'target.claude']) expect(check(id)?.status, id).toBe('PASS');
    expect(check('target.claude')?.found).toContain(seedClaude);
  });

  it(
    "doctor: CLAUDE_CODE_GIT_BASH_PATH set in the environment to WSL's bash.exe FAILs, " +
      'whatever settings.json says',
    async () => {
      const wsl = 'C:\\Windows\\System32\\bash.exe';
      const r = await runWindowsNode(w, u, [winPath(w, BIN), 'doctor', '--json'], {
        env: { CLAUDE_CODE_GIT_BASH_PATH: wsl },
      });
      const report = JSON.parse(r.stdout) as { checks: { id: string; status: string; found?: string; fix?: string }[] };
      const c = report.checks.find((x) => x.id === 'windows.git-bash-path');
      expect(c).toMatchObject({
        status: 'FAIL',
        found: `the user environment has ${wsl}, which is WSL's bash, not Git's`,
      });
      expect(c?.fix).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${GIT_BASH}"`);
      expect(r.code).toBe(1);
    },
  );

  it(
    'restore: the Continue config and Claude Code settings get their exact bytes back; ' +
      'files sync created are gone',
    async () => {
      const r = await llmctl('restore');
      expect(r.code, r.stderr).toBe(0);
      expect(bytes(seedContinue)).toBe(readFileSync(path.join(SEED, 'continue.config.yaml')).toString('base64'));
      expect(bytes(seedClaude)).toBe(readFileSync(path.join(SEED, 'claude.settings.json')).toString('base64'));
      expect(bytes(`${u.profile}\\.continue\\.env`)).toBeNull();
      expect(bytes(`${u.appData}\\llmctl\\litellm.config.yaml`)).toBeNull();
    },
  );
  it(
    'three Windows traps on the real runtime: ' + 'doctor sees them, --fix and the printed reg add clear them',
    async () => {
      // After restore: sync again, then lay the traps (docs/windows-traps.md 1, 3, 6, 7).
      expect((await llmctl('sync')).code).toBe(0);
      const settings = file(seedClaude);
      const text = readFileSync(settings, 'utf8').replace(
        JSON.stringify(GIT_BASH),
        JSON.stringify(GIT_BASH.replace(/\\/g, '/')),
      );
      writeFileSync(settings, `\uFEFF${text}`);
      renameSync(cygpath(), `${cygpath()}.moved`);
      for (const [name, type, data] of [
        ['ProxyEnable', 'REG_DWORD', '1'],
        ['ProxyServer', 'REG_SZ', '127.0.0.1:7890'],
        ['ProxyOverride', 'REG_SZ', '<local>'],
      ] as const) {
        expect((await runWine(w, u, 'reg', ['add', INTERNET, '/v', name, '/t', type, '/d', data, '/f'])).code).toBe(0);
      }
      type Report = { checks: { id: string; status: string; found?: string; fix?: string }[] };
      const doctor = async () => JSON.parse((await llmctl('doctor', '--json')).stdout) as Report;
      const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);

      const before = await doctor();
      expect(check(before, 'windows.git-bash-path')).toMatchObject({
        status: 'FAIL',
        found: expect.stringContaining('uses forward slashes'),
      });
      expect(check(before, 'windows.bom')).toMatchObject({
        status: 'FAIL',
        found: expect.stringContaining(seedClaude),
      });
      expect(check(before, 'windows.git-install')).toMatchObject({
        status: 'WARN',
        found: expect.stringContaining('cygpath.exe'),
      });
      const proxy = check(before, 'windows.system-proxy');
      expect(proxy).toMatchObject({ status: 'WARN', found: expect.stringContaining('127.0.0.1:7890') });

      expect((await llmctl('doctor', '--fix')).stderr).toContain('remove the UTF-8 BOM');
      // The printed command, run as printed by Windows' own reg.exe (Wine's).
      const m = /reg add "([^"]+)" \/v (\S+) \/t REG_SZ \/d "([^"]+)" \/f/.exec(proxy!.fix ?? '');
      expect(m, proxy!.fix).toBeTruthy();
      expect((await runWine(w, u, 'reg', ['add', m![1]!, '/v', m![2]!, '/t', 'REG_SZ', '/d', m![3]!, '/f'])).code).toBe(
        0,
      );
      renameSync(`${cygpath()}.moved`, cygpath());

      const after = await doctor();
      for (const id of ['windows.git-bash-path', 'windows.bom', 'windows.git-install', 'windows.system-proxy'])
        expect(check(after, id)?.status, `${id}: ${check(after, id)?.found}`).toBe('PASS');
      expect(readFileSync(settings, 'utf8').charCodeAt(0)).not.toBe(0xfeff);
      expect(
        (JSON.parse(readFileSync(settings, 'utf8')) as { env: Record<string, string> }).env.CLAUDE_CODE_GIT_BASH_PATH,
      ).toBe(GIT_BASH);
    },
  );
});
