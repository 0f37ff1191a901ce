import { describe, expect, it } from 'vitest';
import { fakePlatform } from './fake.js';
import { canonicalBashPath, findGitBash } from './git-bash.js';
import { detectWindowsShell, regAddFor, setForSession, setxFor } from './shell.js';
import {
  bypassesProxy,
  gitBashPathProblem,
  hasBom,
  internetSettings,
  missingGitParts,
  parseRegValues,
  profilePathProblem,
  proxyUrlProblem,
  repairedGitBashPath,
  syncedPlace,
} from './windows-traps.js';

const GIT = 'C:\\Program Files\\Git';
const BASH = `${GIT}\\bin\\bash.exe`;
const onDisk = new Set(
  [BASH, `${GIT}\\usr\\bin\\bash.exe`, `${GIT}\\usr\\bin\\cygpath.exe`, 'C:\\Windows\\System32\\bash.exe'].map((f) =>
    f.toLowerCase(),
  ),
);
const machine = { env: { SystemRoot: 'C:\\Windows' }, exists: (f: string) => onDisk.has(f.toLowerCase()) };

describe('CLAUDE_CODE_GIT_BASH_PATH as Claude Code reads it (docs/windows-traps.md, traps 1–5)', () => {
  it.each([
    [BASH, undefined],
    [`"${BASH}"`, 'quoted'],
    ["'C:\\Program Files\\Git\\bin\\bash.exe'", 'quoted'],
    ['C:/Program Files/Git/bin/bash.exe', 'forward-slashes'],
    ['bash.exe', 'relative'],
    ['Git\\bin\\bash.exe', 'relative'],
    ['%ProgramFiles%\\Git\\bin\\bash.exe', 'unexpanded'],
    ['C:\\Windows\\System32\\bash.exe', 'wsl'],
    ['C:\\cygwin64\\bin\\bash.exe', 'cygwin'],
    ['C:\\msys64\\usr\\bin\\bash.exe', 'msys2'],
    [`${GIT}\\git-bash.exe`, 'not-bash'],
    [`${GIT}\\cmd\\git.exe`, 'not-bash'],
    [`${GIT}\\bin`, 'not-bash'],
    [`${GIT}\\usr\\bin\\bash.exe`, 'usr-bin'],
    ['D:\\Old\\Git\\bin\\bash.exe', 'missing'],
  ])('%s → %s', (value, problem) => {
    expect(gitBashPathProblem(value, machine)).toBe(problem);
  });

  it('repairs a wrong form of the same install to <Git>\\bin\\bash.exe, only when that exists', () => {
    expect(repairedGitBashPath(`${GIT}\\usr\\bin\\bash.exe`, machine.exists)).toBe(BASH);
    expect(repairedGitBashPath(`"${GIT}\\git-bash.exe"`, machine.exists)).toBe(BASH);
    expect(repairedGitBashPath('C:/Program Files/Git/bin/bash.exe', machine.exists)).toBe(BASH);
    expect(repairedGitBashPath('D:\\Old\\Git\\bin\\bash.exe', machine.exists)).toBeUndefined();
  });

  it('a path a person wrote is read in the form Claude Code takes; sync then writes that form', async () => {
    expect(canonicalBashPath(`"${BASH}"`, machine.exists)).toBe(BASH);
    expect(canonicalBashPath('C:/Program Files/Git/usr/bin/bash.exe', machine.exists)).toBe(BASH);
    const p = fakePlatform({ env: { SystemRoot: 'C:\\Windows' }, files: [...onDisk] });
    expect((await findGitBash(p, 'C:/Program Files/Git/git-bash.exe')).path?.toLowerCase()).toBe(BASH.toLowerCase());
    const cygwin = fakePlatform({ env: { SystemRoot: 'C:\\Windows' }, files: ['C:\\cygwin64\\bin\\bash.exe'] });
    const r = await findGitBash(cygwin, 'C:\\cygwin64\\bin\\bash.exe');
    expect(r.path).toBeUndefined();
    expect(r.candidates[0]).toMatchObject({ source: 'configured', rejected: "is Cygwin's bash, not Git's" });
  });

  it('names the parts of Git the Bash tool runs when they are missing (MinGit, broken update)', () => {
    expect(missingGitParts(BASH, machine.exists)).toEqual([]);
    expect(missingGitParts('D:\\MinGit\\bin\\bash.exe', machine.exists)).toEqual([
      'D:\\MinGit\\usr\\bin\\bash.exe',
      'D:\\MinGit\\usr\\bin\\cygpath.exe',
    ]);
  });
});

describe('registry and proxy settings', () => {
  const INTERNET =
    '\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\r\n' +
    '    ProxyEnable    REG_DWORD    0x1\r\n    ProxyServer    REG_SZ    127.0.0.1:7890\r\n' +
    '    ProxyOverride    REG_SZ    <local>\r\n\r\n';

  it('reads every value of a key, and WinINet proxy settings from them', () => {
    const v = parseRegValues(INTERNET);
    expect(v).toMatchObject({ ProxyEnable: '0x1', ProxyServer: '127.0.0.1:7890', ProxyOverride: '<local>' });
    expect(internetSettings(v)).toEqual({ enabled: true, server: '127.0.0.1:7890', override: '<local>' });
    expect(internetSettings({ ProxyEnable: '0x0', ProxyServer: 'x:1' }).enabled).toBe(false);
  });

  it.each([
    ['<local>', 'localhost', true],
    ['<local>', '127.0.0.1', false],
    ['localhost;127.*;10.*;<local>', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['*.corp.example;10.*', '127.0.0.1', false],
    ['', '127.0.0.1', false],
  ])('bypass list %j sends %s direct: %s', (override, host, direct) => {
    expect(bypassesProxy(override, host)).toBe(direct);
  });

  it('HTTP(S)_PROXY needs its scheme', () => {
    expect(proxyUrlProblem('127.0.0.1:7890')).toBe('no-scheme');
    expect(proxyUrlProblem('http://127.0.0.1:7890')).toBeUndefined();
    expect(proxyUrlProblem('socks5://127.0.0.1:7891')).toBeUndefined();
  });
});

describe('profiles, synced folders, BOMs', () => {
  it.each([
    ['C:\\Users\\Jane Doe', undefined],
    ['C:\\Users\\张伟', 'non-ascii'],
    ['C:\\Users\\Zoë', 'non-ascii'],
    ["C:\\Users\\O'Brien", 'quote'],
  ])('profile %s → %s', (p, problem) => expect(profilePathProblem(p)).toBe(problem));

  it('OneDrive (by its variables or its folder name) and network shares', () => {
    const env = { OneDrive: 'C:\\Users\\Jane Doe\\OneDrive - Contoso' };
    expect(syncedPlace('C:\\Users\\Jane Doe\\OneDrive - Contoso\\llmctl', env)).toBe('onedrive');
    expect(syncedPlace('D:\\OneDrive\\Documents\\.claude', {})).toBe('onedrive');
    expect(syncedPlace('\\\\fileserver\\home$\\jane\\AppData\\Roaming\\llmctl', {})).toBe('network');
    expect(syncedPlace('C:\\Users\\Jane Doe\\AppData\\Roaming\\llmctl', env)).toBeUndefined();
  });

  it('UTF-8 BOM', () => {
    expect(hasBom(Buffer.from('\uFEFF{}'))).toBe(true);
    expect(hasBom(Buffer.from('{}'))).toBe(false);
  });
});

describe('printed commands fit the shell they are pasted into (trap 10)', () => {
  it.each([
    [{ PROMPT: '$P$G' }, 'cmd'],
    [{ MSYSTEM: 'MINGW64', PROMPT: '$P$G' }, 'bash'],
    [
      { PSModulePath: 'C:\\Users\\jane\\Documents\\PowerShell\\Modules;C:\\Program Files\\PowerShell\\Modules' },
      'powershell',
    ],
    [
      {
        PSModulePath:
          'C:\\Program Files\\WindowsPowerShell\\Modules;C:\\WINDOWS\\system32\\WindowsPowerShell\\v1.0\\Modules',
      },
      'unknown',
    ],
    [{}, 'unknown'],
  ])('%j → %s', (env, shell) => expect(detectWindowsShell(env)).toBe(shell));

  it('setx: one form for a plain path in cmd and PowerShell; each shell its own quoting otherwise', () => {
    expect(setxFor('CLAUDE_CODE_GIT_BASH_PATH', BASH)).toBe(`setx CLAUDE_CODE_GIT_BASH_PATH "${BASH}"`);
    expect(setxFor('CLAUDE_CODE_GIT_BASH_PATH', BASH, 'powershell')).toBe(`setx CLAUDE_CODE_GIT_BASH_PATH '${BASH}'`);
    expect(setxFor('CLAUDE_CODE_GIT_BASH_PATH', BASH, 'bash')).toBe(`setx CLAUDE_CODE_GIT_BASH_PATH '${BASH}'`);
    // A trailing backslash would escape the closing quote for setx's own argument parser.
    expect(setxFor('LLMCTL_HOME', 'C:\\llmctl\\', 'cmd')).toBe('setx LLMCTL_HOME "C:\\llmctl\\\\"');
    // PowerShell would expand $ inside "…"; an unknown shell gets both forms.
    expect(setxFor('X', 'p$ss', 'powershell')).toBe("setx X 'p$ss'");
    expect(setxFor('X', 'p$ss')).toBe(`setx X "p$ss"   (PowerShell: setx X 'p$ss')`);
    expect(setxFor('X', "O'Brien", 'powershell')).toBe("setx X 'O''Brien'");
  });

  it('this-terminal-only and registry commands', () => {
    expect(setForSession('NO_PROXY', '127.0.0.1,localhost', 'powershell')).toBe(
      "$env:NO_PROXY = '127.0.0.1,localhost'",
    );
    expect(setForSession('NO_PROXY', '127.0.0.1,localhost', 'cmd')).toBe('set "NO_PROXY=127.0.0.1,localhost"');
    expect(setForSession('NO_PROXY', '127.0.0.1,localhost', 'bash')).toBe("export NO_PROXY='127.0.0.1,localhost'");
    expect(regAddFor('HKCU\\Software\\X', 'ProxyOverride', '<local>;127.0.0.1')).toBe(
      'reg add "HKCU\\Software\\X" /v ProxyOverride /t REG_SZ /d "<local>;127.0.0.1" /f',
    );
  });
});
