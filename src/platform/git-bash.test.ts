import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakePlatform, type FakeRun } from './fake.js';
import { bashFromGitExe, findGitBash } from './git-bash.js';
import path from 'node:path';

const fx = (name: string) => readFileSync(new URL(`../../test/fixtures/windows/${name}`, import.meta.url), 'utf8');
const NOT_FOUND_WHERE: FakeRun = { code: 1, stderr: fx('where-notfound.stderr.txt') };
const NOT_FOUND_REG: FakeRun = { code: 1, stderr: fx('reg-notfound.stderr.txt') };
const REG = (hive: string) => `reg query ${hive}\\SOFTWARE\\GitForWindows /v InstallPath`;

const ENV = {
  USERPROFILE: 'C:\\Users\\Jane Doe',
  LOCALAPPDATA: 'C:\\Users\\Jane Doe\\AppData\\Local',
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  SystemRoot: 'C:\\Windows',
  PATHEXT: '.COM;.EXE;.BAT;.CMD',
};

function win(files: string[], commands: Record<string, FakeRun>, env: Record<string, string> = {}) {
  return fakePlatform({
    os: 'win32',
    env: { ...ENV, ...env },
    files,
    commands: {
      'where.exe git': NOT_FOUND_WHERE,
      'where.exe bash': NOT_FOUND_WHERE,
      [REG('HKLM')]: NOT_FOUND_REG,
      [REG('HKCU')]: NOT_FOUND_REG,
      ...commands,
    },
  });
}

describe('findGitBash on a fake Windows', () => {
  const cases: {
    name: string;
    files: string[];
    commands: Record<string, FakeRun>;
    env?: Record<string, string>;
    configured?: string;
    path: string | undefined;
    source?: string;
    wsl?: boolean;
  }[] = [
    {
      name: 'default install found through where.exe git',
      files: ['C:\\Program Files\\Git\\bin\\bash.exe'],
      commands: { 'where.exe git': fx('where-git-default.txt') },
      path: 'C:\\Program Files\\Git\\bin\\bash.exe',
      source: 'where',
    },
    {
      name: 'Git on D: in a folder with spaces',
      files: ['D:\\Dev Tools\\Git\\bin\\bash.exe'],
      commands: { 'where.exe git': fx('where-git-spaces-d.txt') },
      path: 'D:\\Dev Tools\\Git\\bin\\bash.exe',
      source: 'where',
    },
    {
      name: 'registry only (Git not on PATH), HKLM on D:',
      files: ['D:\\Apps\\Git For Windows\\bin\\bash.exe'],
      commands: { [REG('HKLM')]: fx('reg-hklm-gitforwindows-d.txt') },
      path: 'D:\\Apps\\Git For Windows\\bin\\bash.exe',
      source: 'registry',
    },
    {
      name: 'per-user install in %LOCALAPPDATA%\\Programs\\Git (HKCU)',
      files: ['C:\\Users\\Jane Doe\\AppData\\Local\\Programs\\Git\\bin\\bash.exe'],
      commands: { [REG('HKCU')]: fx('reg-hkcu-gitforwindows-local.txt') },
      path: 'C:\\Users\\Jane Doe\\AppData\\Local\\Programs\\Git\\bin\\bash.exe',
      source: 'registry',
    },
    {
      name: 'scoop: where.exe finds only the shim; the scoop folder has Git',
      files: [
        'C:\\Users\\Jane Doe\\scoop\\apps\\git\\current\\bin\\bash.exe',
        'C:\\Users\\Jane Doe\\scoop\\shims\\git.exe',
      ],
      commands: { 'where.exe git': fx('where-git-scoop.txt') },
      path: 'C:\\Users\\Jane Doe\\scoop\\apps\\git\\current\\bin\\bash.exe',
      source: 'folder',
    },
    {
      name: 'scoop with %SCOOP% elsewhere',
      files: ['E:\\scoop\\apps\\git\\current\\bin\\bash.exe'],
      commands: {},
      env: { SCOOP: 'E:\\scoop' },
      path: 'E:\\scoop\\apps\\git\\current\\bin\\bash.exe',
      source: 'folder',
    },
    {
      name: 'Git unpacked at D:\\Git, nothing registered',
      files: ['D:\\Git\\bin\\bash.exe'],
      commands: {},
      path: 'D:\\Git\\bin\\bash.exe',
      source: 'folder',
    },
    {
      name: 'WSL bash first on PATH, Git installed: shadowing reported, Git chosen',
      files: ['C:\\Program Files\\Git\\bin\\bash.exe', 'C:\\Windows\\System32\\bash.exe'],
      commands: { 'where.exe git': fx('where-git-default.txt'), 'where.exe bash': fx('where-bash-wsl-first.txt') },
      path: 'C:\\Program Files\\Git\\bin\\bash.exe',
      wsl: true,
    },
    {
      name: 'only WSL bash exists: nothing usable, never System32',
      files: ['C:\\Windows\\System32\\bash.exe'],
      commands: { 'where.exe bash': fx('where-bash-wsl-only.txt') },
      env: { CLAUDE_CODE_GIT_BASH_PATH: 'C:\\Windows\\System32\\bash.exe' },
      path: undefined,
      wsl: true,
    },
    {
      name: 'nothing found anywhere',
      files: [],
      commands: {},
      path: undefined,
    },
    {
      name: 'explicit configured path that exists wins',
      files: ['F:\\PortableGit\\bin\\bash.exe', 'C:\\Program Files\\Git\\bin\\bash.exe'],
      commands: {},
      configured: 'F:\\PortableGit\\bin\\bash.exe',
      path: 'F:\\PortableGit\\bin\\bash.exe',
      source: 'configured',
    },
    {
      name: 'explicit configured path that is missing gives no path (others listed)',
      files: ['C:\\Program Files\\Git\\bin\\bash.exe'],
      commands: {},
      configured: 'F:\\Gone\\bin\\bash.exe',
      path: undefined,
    },
  ];

  it.each(cases)('$name', async (c) => {
    const p = win(c.files, c.commands, c.env);
    const r = await findGitBash(p, c.configured ?? 'auto');
    expect(r.path).toBe(c.path);
    expect(r.wslShadowing).toBe(c.wsl ?? false);
    if (c.source) expect(r.candidates.find((x) => x.path === c.path)?.source).toBe(c.source);
    expect(r.path ?? '').not.toMatch(/system32/i);
    if (c.configured && !c.path) expect(r.candidates.some((x) => x.exists && x.source !== 'configured')).toBe(true);
  });

  it('asks the registry in HKLM, HKCU and WOW6432Node', async () => {
    const p = win([], {});
    await findGitBash(p, 'auto');
    expect(p.calls).toEqual(
      expect.arrayContaining([
        REG('HKLM'),
        REG('HKCU'),
        'reg query HKLM\\SOFTWARE\\WOW6432Node\\GitForWindows /v InstallPath',
        'where.exe git',
        'where.exe bash',
      ]),
    );
  });

  it.each([
    ['C:\\Program Files\\Git\\cmd\\git.exe', 'C:\\Program Files\\Git\\bin\\bash.exe'],
    ['C:\\Program Files\\Git\\mingw64\\bin\\git.exe', 'C:\\Program Files\\Git\\bin\\bash.exe'],
    ['D:\\Git\\bin\\git.exe', 'D:\\Git\\bin\\bash.exe'],
    ['C:\\Users\\Jane Doe\\scoop\\shims\\git.exe', undefined],
    ['C:\\ProgramData\\chocolatey\\bin\\git.exe', undefined],
  ])('bash.exe from %s → %s', (git, bash) => expect(bashFromGitExe(git, path.win32)).toBe(bash));
});
