// One test per Windows trap of docs/windows-traps.md that doctor can see, on the fake Windows
// (src/platform/fake.ts: recorded where.exe / reg query outputs; llmctl's own files stay real).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeWindows, syncedSetup, winCommands, winFx, type Setup } from '../../test/helpers/doctor-setup.js';
import { setLocale } from '../i18n/index.js';
import type { FakeRun } from '../platform/fake.js';
import { planSync, applySync } from '../sync/engine.js';
import { applyFixes } from './fix.js';
import { renderTable } from './render.js';
import { diagnose, report } from './run.js';
import type { Check } from './types.js';
import { gatherWindowsFacts } from './windows-facts.js';
import { syncedFolders } from './windows-traps.js';

const GIT = 'C:\\Program Files\\Git';
const BASH = `${GIT}\\bin\\bash.exe`;
const COMPLETE_GIT = [BASH, `${GIT}\\usr\\bin\\bash.exe`, `${GIT}\\usr\\bin\\cygpath.exe`];
const quiet = { announce: () => {}, suggest: () => {} };

/** `reg query KEY` as Windows prints it: the key, then one line per value, CRLF. */
const regOut = (key: string, values: Record<string, [string, string]>): string =>
  `\r\n${key}\r\n${Object.entries(values)
    .map(([n, [type, data]]) => `    ${n}    ${type}    ${data}\r\n`)
    .join('')}\r\n`;
const USER_ENV = (values: Record<string, string> = {}): FakeRun =>
  regOut('HKEY_CURRENT_USER\\Environment', {
    Path: ['REG_EXPAND_SZ', '%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps;'],
    TEMP: ['REG_EXPAND_SZ', '%USERPROFILE%\\AppData\\Local\\Temp'],
    ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, ['REG_SZ', v] as [string, string]])),
  });
const INTERNET = (values: Record<string, string>): FakeRun =>
  regOut(
    'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
    Object.fromEntries(
      Object.entries(values).map(([k, v]) => [
        k,
        [k === 'ProxyEnable' ? 'REG_DWORD' : 'REG_SZ', v] as [string, string],
      ]),
    ),
  );
const REG_USER = 'reg query HKCU\\Environment';
const REG_INTERNET = 'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

interface Machine {
  files?: string[];
  env?: NodeJS.ProcessEnv;
  commands?: Record<string, FakeRun>;
}

/** A healthy Windows: complete Git in Program Files, nothing saved with setx, no system proxy. */
function windows(s: Setup, m: Machine = {}) {
  return fakeWindows(s, {
    files: m.files ?? COMPLETE_GIT,
    env: { HTTP_PROXY: undefined, HTTPS_PROXY: undefined, NO_PROXY: undefined, ...m.env },
    commands: winCommands('2.0.14', {
      'where.exe git': winFx('where-git-default.txt'),
      [REG_USER]: USER_ENV(),
      [REG_INTERNET]: INTERNET({ ProxyEnable: '0x0' }),
      ...m.commands,
    }),
  });
}

/** llmctl.yaml synced on the (fake) Windows itself: settings.json has the Git Bash path. */
function syncedOnWindows(): Promise<Setup> {
  return syncedSetup({ syncOn: { name: 'healthy Windows', platform: (s) => windows(s) } });
}

const byId = (checks: Check[], id: string): Check => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${checks.map((x) => x.id).join(', ')}`);
  return c;
};
const settingsEnv = (s: Setup) =>
  (JSON.parse(readFileSync(s.paths.claudeSettings, 'utf8').replace(/^\uFEFF/, '')) as { env: Record<string, string> })
    .env;
const setSettingsBashPath = (s: Setup, value: string) => {
  const text = readFileSync(s.paths.claudeSettings, 'utf8');
  writeFileSync(s.paths.claudeSettings, text.replace(JSON.stringify(BASH), JSON.stringify(value)));
};

afterEach(() => setLocale('en'));

describe('a healthy Windows passes every trap check', () => {
  it('PASS for all of windows.*', async () => {
    const s = await syncedOnWindows();
    const { checks } = await diagnose(windows(s), s.paths);
    const win = checks.filter((c) => c.id.startsWith('windows.'));
    expect(win.filter((c) => c.status !== 'PASS').map((c) => `${c.id}: ${c.found}`)).toEqual([]);
    expect(win.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'windows.git-install',
        'windows.env-fresh',
        'windows.system-proxy',
        'windows.proxy-url',
        'windows.bom',
        'windows.profile-path',
        'windows.synced-folders',
      ]),
    );
  });
});

describe('trap 1: CLAUDE_CODE_GIT_BASH_PATH in a form Claude Code does not accept', () => {
  it.each([
    ['C:/Program Files/Git/bin/bash.exe', 'uses forward slashes'],
    [`"${BASH}"`, 'has quotes inside the value'],
    [`${GIT}\\usr\\bin\\bash.exe`, "is Git's usr\\bin\\bash.exe"],
    [`${GIT}\\git-bash.exe`, 'is not a bash.exe'],
    ['%ProgramFiles%\\Git\\bin\\bash.exe', 'holds a %VARIABLE%'],
    ['C:\\msys64\\usr\\bin\\bash.exe', "is MSYS2's bash"],
    ['C:\\cygwin64\\bin\\bash.exe', "is Cygwin's bash"],
  ])('settings.json env has %s: FAIL "%s"; --fix writes <Git>\\bin\\bash.exe; PASS', async (value, why) => {
    const s = await syncedOnWindows();
    setSettingsBashPath(s, value);
    const win = windows(s);
    const { facts, checks } = await diagnose(win, s.paths);
    const c = byId(checks, 'windows.git-bash-path');
    expect(c.status).toBe('FAIL');
    expect(c.found).toContain(why);
    expect(c.fix).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${BASH}"`);
    await applyFixes(facts, checks, quiet);
    expect(settingsEnv(s).CLAUDE_CODE_GIT_BASH_PATH).toBe(BASH);
    expect(byId((await diagnose(win, s.paths)).checks, 'windows.git-bash-path').status).toBe('PASS');
  });

  it(
    'sync never writes such a value: ' + 'a forward-slash CLAUDE_CODE_GIT_BASH_PATH in the environment is not copied',
    async () => {
      const s = await syncedSetup();
      const win = windows(s, { env: { CLAUDE_CODE_GIT_BASH_PATH: 'C:/Program Files/Git/bin/bash.exe' } });
      await applySync(await planSync(win, s.paths));
      expect(settingsEnv(s).CLAUDE_CODE_GIT_BASH_PATH).toBe(BASH);
    },
  );
});

describe('trap 2: Git moved or removed after the path was written', () => {
  it(
    'settings.json points at a Git that is gone: ' + 'FAIL "does not exist"; --fix points it at the Git there is',
    async () => {
      const s = await syncedOnWindows();
      setSettingsBashPath(s, 'D:\\Tools\\Git\\bin\\bash.exe');
      const win = windows(s);
      const { facts, checks } = await diagnose(win, s.paths);
      expect(byId(checks, 'windows.git-bash-path')).toMatchObject({
        status: 'FAIL',
        found: 'settings.json env has D:\\Tools\\Git\\bin\\bash.exe, which does not exist',
      });
      await applyFixes(facts, checks, quiet);
      expect(byId((await diagnose(win, s.paths)).checks, 'windows.git-bash-path').status).toBe('PASS');
    },
  );
});

describe('trap 3: a Git without the parts the Bash tool runs (MinGit, broken update)', () => {
  it('bin\\bash.exe only: WARN naming usr\\bin\\cygpath.exe; after a full install, PASS', async () => {
    const s = await syncedOnWindows();
    const { checks } = await diagnose(windows(s, { files: [BASH] }), s.paths);
    const c = byId(checks, 'windows.git-install');
    expect(c.status).toBe('WARN');
    expect(c.found).toContain(`${GIT}\\usr\\bin\\cygpath.exe`);
    expect(c.fix).toMatch(/winget install --id Git\.Git/);
    expect(byId((await diagnose(windows(s), s.paths)).checks, 'windows.git-install').status).toBe('PASS');
  });
});

describe('trap 4: WSL bash saved with setx', () => {
  it('HKCU\\Environment has System32\\bash.exe: FAIL with the setx that replaces it', async () => {
    const s = await syncedOnWindows();
    const wsl = 'C:\\Windows\\System32\\bash.exe';
    const win = windows(s, {
      files: [...COMPLETE_GIT, wsl],
      commands: {
        'reg query HKCU\\Environment /v CLAUDE_CODE_GIT_BASH_PATH': USER_ENV({ CLAUDE_CODE_GIT_BASH_PATH: wsl }),
      },
    });
    // settings.json is right, so the saved value is what programs that do not read it get.
    writeFileSync(s.paths.claudeSettings, JSON.stringify({ env: {} }));
    const c = byId((await diagnose(win, s.paths)).checks, 'windows.git-bash-path');
    expect(c).toMatchObject({
      status: 'FAIL',
      found: `the user environment has ${wsl}, which is WSL's bash, not Git's`,
    });
    expect(c.fix).toContain(`setx CLAUDE_CODE_GIT_BASH_PATH "${BASH}"`);
  });
});

describe('trap 5: setx not seen by programs already running', () => {
  it('saved value differs from this terminal: WARN "restart"; a new terminal (same value) PASS', async () => {
    const s = await syncedOnWindows();
    const saved = { commands: { [REG_USER]: USER_ENV({ CLAUDE_CODE_GIT_BASH_PATH: BASH }) } };
    const stale = byId((await diagnose(windows(s, saved), s.paths)).checks, 'windows.env-fresh');
    expect(stale.status).toBe('WARN');
    expect(stale.found).toContain('CLAUDE_CODE_GIT_BASH_PATH');
    expect(stale.fix).toContain('close and reopen');
    const fresh = windows(s, { ...saved, env: { CLAUDE_CODE_GIT_BASH_PATH: BASH } });
    expect(byId((await diagnose(fresh, s.paths)).checks, 'windows.env-fresh').status).toBe('PASS');
  });

  it('set in this terminal only ($env: / set): WARN with the setx for the shell in use; saved, PASS', async () => {
    const s = await syncedOnWindows();
    const ps = { PSModulePath: 'C:\\Users\\Jane Doe\\Documents\\PowerShell\\Modules', NO_PROXY: '127.0.0.1,localhost' };
    const c = byId((await diagnose(windows(s, { env: ps }), s.paths)).checks, 'windows.env-fresh');
    expect(c.status).toBe('WARN');
    expect(c.fix).toBe("setx NO_PROXY '127.0.0.1,localhost'");
    const savedToo = windows(s, { env: ps, commands: { [REG_USER]: USER_ENV({ NO_PROXY: '127.0.0.1,localhost' }) } });
    expect(byId((await diagnose(savedToo, s.paths)).checks, 'windows.env-fresh').status).toBe('PASS');
  });
});

describe('trap 6: loopback sent to the system proxy (Clash, company proxy, PAC)', () => {
  it(
    'ProxyServer with a bypass list of <local> only: ' + 'WARN with the reg add for ProxyOverride; with 127.*: PASS',
    async () => {
      const s = await syncedOnWindows();
      const on = (override: string) =>
        windows(s, {
          commands: {
            [REG_INTERNET]: INTERNET({ ProxyEnable: '0x1', ProxyServer: '127.0.0.1:7890', ProxyOverride: override }),
          },
        });
      const c = byId((await diagnose(on('<local>'), s.paths)).checks, 'windows.system-proxy');
      expect(c.status).toBe('WARN');
      expect(c.fix).toContain(
        'reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet ' +
          'Settings" /v ProxyOverride /t REG_SZ /d "<local>;127.0.0.1;localhost" /f',
      );
      const fixed = on('<local>;127.0.0.1;localhost');
      expect(byId((await diagnose(fixed, s.paths)).checks, 'windows.system-proxy').status).toBe('PASS');
    },
  );

  it('a PAC script: WARN with http.noProxy for VS Code', async () => {
    const s = await syncedOnWindows();
    const pac = windows(s, {
      commands: {
        [REG_INTERNET]: INTERNET({ ProxyEnable: '0x0', AutoConfigURL: 'http://wpad.corp.example/proxy.pac' }),
      },
    });
    const c = byId((await diagnose(pac, s.paths)).checks, 'windows.system-proxy');
    expect(c).toMatchObject({ status: 'WARN', fix: expect.stringContaining('"http.noProxy"') });
  });

  it('HTTPS_PROXY without http:// (Clash guides): FAIL with the setx that adds it; with it, PASS', async () => {
    const s = await syncedOnWindows();
    const bad = windows(s, { env: { HTTPS_PROXY: '127.0.0.1:7890', NO_PROXY: '127.0.0.1,localhost' } });
    const c = byId((await diagnose(bad, s.paths)).checks, 'windows.proxy-url');
    expect(c).toMatchObject({ status: 'FAIL', fix: 'setx HTTPS_PROXY "http://127.0.0.1:7890"' });
    const secret = windows(s, {
      env: { HTTPS_PROXY: 'jane:s3cret-pw@proxy.corp:8080', NO_PROXY: '127.0.0.1,localhost' },
    });
    const withPassword = byId((await diagnose(secret, s.paths)).checks, 'windows.proxy-url');
    expect(JSON.stringify(withPassword)).not.toContain('s3cret-pw');
    expect(withPassword.fix).toBe('setx HTTPS_PROXY "http://USER:PASSWORD@proxy.corp:8080"');
    const good = windows(s, { env: { HTTPS_PROXY: 'http://127.0.0.1:7890', NO_PROXY: '127.0.0.1,localhost' } });
    expect(byId((await diagnose(good, s.paths)).checks, 'windows.proxy-url').status).toBe('PASS');
  });
});

describe('trap 7: a BOM written by a Windows editor', () => {
  it.each(['claude settings.json', 'Continue .env'])(
    '%s with a BOM: FAIL; --fix removes 3 bytes (backed up); PASS',
    async (which) => {
      const s = await syncedOnWindows();
      const file = which.startsWith('claude') ? s.paths.claudeSettings : s.paths.continueEnv;
      const before = readFileSync(file);
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), before]));
      const win = windows(s);
      const { facts, checks } = await diagnose(win, s.paths);
      const c = byId(checks, 'windows.bom');
      expect(c.status).toBe('FAIL');
      expect(c.found).toContain(file);
      const backups = existsSync(s.paths.backups) ? readdirSync(s.paths.backups).length : 0;
      const fixes = await applyFixes(facts, checks, quiet);
      // settings.json: doctor removes the BOM; .env: llmctl owns it, and the continue target's sync rewrites it.
      const fix = fixes.find((x) => x.id === (which.startsWith('claude') ? 'windows.bom' : 'target.continue'));
      expect(fix).toMatchObject({ ok: true, backup: expect.any(String) });
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(s.paths.backups).length).toBe(backups + 1);
      expect(byId((await diagnose(win, s.paths)).checks, 'windows.bom').status).toBe('PASS');
    },
  );
});

describe('trap 8: a non-ASCII or apostrophe user profile', () => {
  it.each([
    ['C:\\Users\\张伟', 'non-ASCII'],
    ["C:\\Users\\O'Brien", 'apostrophe'],
  ])('%s: WARN (%s) with LLMCTL_HOME outside it; an ASCII profile PASS', async (profile, what) => {
    const s = await syncedOnWindows();
    const c = byId(
      (await diagnose(windows(s, { env: { USERPROFILE: profile } }), s.paths)).checks,
      'windows.profile-path',
    );
    expect(c.status).toBe('WARN');
    expect(c.found).toContain(what);
    expect(c.fix).toContain('setx LLMCTL_HOME "C:\\llmctl"');
    const ok = byId((await diagnose(windows(s), s.paths)).checks, 'windows.profile-path');
    expect(ok).toMatchObject({ status: 'PASS', found: expect.stringContaining('spaces: fine') });
  });
});

describe('trap 9: folders in OneDrive or on a network share', () => {
  it('Claude Code folder in OneDrive: WARN with LLMCTL_HOME in LOCALAPPDATA; local folders PASS', async () => {
    const s = await syncedOnWindows();
    const onedrive = 'C:\\Users\\Jane Doe\\OneDrive - Contoso';
    const win = windows(s, { env: { OneDrive: onedrive } });
    const { facts } = await diagnose(win, s.paths);
    const w = await gatherWindowsFacts(win, s.paths);
    const moved = { ...facts, paths: { ...facts.paths, claudeDir: `${onedrive}\\.claude` } };
    const c = syncedFolders(moved, w);
    expect(c).toMatchObject({ status: 'WARN', found: expect.stringContaining(`${onedrive}\\.claude (OneDrive)`) });
    expect(c.fix).toContain('setx LLMCTL_HOME "C:\\Users\\Jane Doe\\AppData\\Local\\llmctl"');
    expect(syncedFolders(facts, w).status).toBe('PASS');
  });
});

/** The README's doctor section shows this output (docs/windows-traps.md has the text to paste). */
async function threeTraps(): Promise<{ s: Setup; win: ReturnType<typeof windows> }> {
  const s = await syncedOnWindows();
  setSettingsBashPath(s, 'C:/Program Files/Git/bin/bash.exe');
  writeFileSync(
    s.paths.claudeSettings,
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(s.paths.claudeSettings)]),
  );
  const win = windows(s, {
    commands: {
      [REG_INTERNET]: INTERNET({ ProxyEnable: '0x1', ProxyServer: '127.0.0.1:7890', ProxyOverride: '<local>' }),
    },
  });
  return { s, win };
}

const windowsLines = (table: string, s: Setup) =>
  table
    .split('\n')
    .filter(
      (l, i, all) => /^\S+\s+windows\./.test(l) || (/^\s+fix:/.test(l) && /^\S+\s+windows\./.test(all[i - 1] ?? '')),
    )
    .map((l) => l.split(s.paths.claudeSettings).join('%USERPROFILE%\\.claude\\settings.json').trimEnd());

describe('three traps at once (the README example)', () => {
  it('forward-slash Git Bash path + BOM in settings.json + Clash without a 127.0.0.1 bypass', async () => {
    const { s, win } = await threeTraps();
    const { facts, checks } = await diagnose(win, s.paths);
    const lines = windowsLines(renderTable(report(win, checks)), s);
    expect(lines.filter((l) => /^(FAIL|WARN)/.test(l)).map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'FAIL windows.git-bash-path',
      'WARN windows.system-proxy',
      'FAIL windows.bom',
    ]);
    expect(lines.join('\n')).toMatchSnapshot();

    await applyFixes(facts, checks, quiet);
    const after = (await diagnose(win, s.paths)).checks;
    expect(byId(after, 'windows.git-bash-path').status).toBe('PASS');
    expect(byId(after, 'windows.bom').status).toBe('PASS');
    // The system proxy is the user's machine setting: doctor prints the command, never runs it.
    expect(byId(after, 'windows.system-proxy').status).toBe('WARN');
  });

  it('in Chinese (zh-CN): the same statuses and the same fixes applied, Chinese on screen', async () => {
    const en = await threeTraps();
    const zh = await threeTraps();
    const enRun = await diagnose(en.win, en.s.paths);
    setLocale('zh-CN');
    const zhRun = await diagnose(zh.win, zh.s.paths);
    const table = renderTable(report(zh.win, zhRun.checks));
    expect(table).toContain('以 UTF-8 BOM 开头');
    expect(table).toContain('用了正斜杠');
    expect(zhRun.checks.map((c) => [c.id, c.status])).toEqual(enRun.checks.map((c) => [c.id, c.status]));
    await applyFixes(zhRun.facts, zhRun.checks, quiet);
    setLocale('en');
    await applyFixes(enRun.facts, enRun.checks, quiet);
    // Same files (each sandbox has its own proxy key, the only difference).
    const bytes = (x: Setup) =>
      readFileSync(x.paths.claudeSettings, 'utf8').replace(settingsEnv(x).ANTHROPIC_AUTH_TOKEN ?? '', 'KEY');
    expect(bytes(zh.s)).toBe(bytes(en.s));
    expect(bytes(zh.s).charCodeAt(0)).not.toBe(0xfeff);
  });
});
