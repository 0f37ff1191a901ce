import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWslBash, parseRegQuery, parseWhere, pathextHasExe } from './windows.js';

const fx = (name: string) => readFileSync(new URL(`../../test/fixtures/windows/${name}`, import.meta.url), 'utf8');

describe('where.exe output', () => {
  it.each([
    ['where-git-default.txt', ['C:\\Program Files\\Git\\cmd\\git.exe']],
    ['where-git-spaces-d.txt', ['D:\\Dev Tools\\Git\\cmd\\git.exe']],
    ['where-bash-wsl-first.txt', ['C:\\Windows\\System32\\bash.exe', 'C:\\Program Files\\Git\\usr\\bin\\bash.exe']],
    ['where-notfound.stderr.txt', []],
  ])('%s → %j (CRLF, order kept)', (file, expected) => {
    expect(fx(file)).toContain('\r\n');
    expect(parseWhere(fx(file))).toEqual(expected);
  });
});

describe('reg query output', () => {
  it.each([
    ['reg-hklm-gitforwindows.txt', 'C:\\Program Files\\Git'],
    ['reg-hklm-gitforwindows-d.txt', 'D:\\Apps\\Git For Windows'],
    ['reg-hkcu-gitforwindows-local.txt', 'C:\\Users\\Jane Doe\\AppData\\Local\\Programs\\Git'],
    ['reg-notfound.stderr.txt', undefined],
  ])('%s → %s', (file, expected) => {
    expect(parseRegQuery(fx(file), 'InstallPath')).toBe(expected);
  });
  it('ignores other values and matches the name case-insensitively', () => {
    const out =
      '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\GitForWindows\r\n' +
      '    CurrentVersion    REG_SZ    2.45.1\r\n    installpath    REG_SZ    E:\\Git\r\n\r\n';
    expect(parseRegQuery(out, 'InstallPath')).toBe('E:\\Git');
    expect(parseRegQuery(out, 'LibexecPath')).toBeUndefined();
  });
});

describe('WSL bash and PATHEXT', () => {
  it.each([
    ['C:\\Windows\\System32\\bash.exe', true],
    ['c:\\windows\\system32\\BASH.EXE', true],
    ['C:\\Windows\\Sysnative\\bash.exe', true],
    ['C:\\Users\\Jane Doe\\AppData\\Local\\Microsoft\\WindowsApps\\bash.exe', true],
    ['C:\\Program Files\\Git\\bin\\bash.exe', false],
    ['D:\\Windows Tools\\Git\\bin\\bash.exe', false],
  ])('%s is WSL: %s', (p, wsl) => expect(isWslBash(p, { SystemRoot: 'C:\\Windows' })).toBe(wsl));

  it.each([
    ['.COM;.EXE;.BAT;.CMD', true],
    ['.com;.exe', true],
    ['.COM;.BAT;.CMD', false],
    [undefined, undefined],
  ])('PATHEXT %s has .EXE: %s', (v, has) => expect(pathextHasExe(v === undefined ? {} : { PATHEXT: v })).toBe(has));
});
