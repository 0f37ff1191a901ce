import { setxFor, type WindowsShell } from './shell.js';
import type { Platform } from './index.js';

/**
 * Windows-only facts, read through a Platform so tests can hand in recorded outputs.
 * Formats (Windows 10/11, checked against real machines):
 *   where.exe git      → one full path per line, CRLF, exit 0;
 *                        "INFO: Could not find files for the given pattern(s)." on stderr, exit 1.
 *   reg query KEY /v V → "\r\nHKEY_LOCAL_MACHINE\SOFTWARE\GitForWindows\r\n" +
 *                        "    InstallPath    REG_SZ    C:\Program Files\Git\r\n\r\n";
 *                        "ERROR: The system was unable to find the specified registry key or value." on stderr, exit 1.
 */

/** The paths `where.exe` printed, in PATH order. Empty when nothing was found. */
export function parseWhere(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(INFO|ERROR):/.test(l));
}

/** The data of one value in `reg query KEY /v NAME` output (REG_SZ / REG_EXPAND_SZ), or undefined. */
export function parseRegQuery(stdout: string, valueName: string): string | undefined {
  for (const line of stdout.split(/\r?\n/)) {
    // Columns are separated by four spaces; the data itself may contain spaces.
    const m = /^\s+(.+?)\s{4}(REG_[A-Z_]+)\s{4}(.*)$/.exec(line);
    if (m && m[1]!.toLowerCase() === valueName.toLowerCase()) {
      const data = m[3]!.trim();
      return data === '' ? undefined : data;
    }
  }
  return undefined;
}

export async function whereExe(p: Platform, name: string): Promise<string[]> {
  const r = await p.run('where.exe', [name], { timeoutMs: 5_000 });
  return r.code === 0 ? parseWhere(r.stdout) : [];
}

/** Reads one registry value; undefined when the key or value does not exist. */
export async function regQuery(p: Platform, key: string, valueName: string): Promise<string | undefined> {
  const r = await p.run('reg', ['query', key, '/v', valueName], { timeoutMs: 5_000 });
  return r.code === 0 ? parseRegQuery(r.stdout, valueName) : undefined;
}

/** %VAR% expansion as cmd.exe does it (unknown variables stay as they are). */
export function expandWindowsEnv(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/%([^%]+)%/g, (whole, name: string) => env[name] ?? whole);
}

/** PATHEXT lists the extensions cmd.exe tries; without .EXE, `claude`, `git`… are not found by name. */
export function pathextHasExe(env: NodeJS.ProcessEnv): boolean | undefined {
  const v = env.PATHEXT;
  if (v === undefined) return undefined;
  return v
    .split(';')
    .map((e) => e.trim().toUpperCase())
    .includes('.EXE');
}

/** Other fixed drives where people put Git (D:\Git…); C: is covered by the Program Files variables. */
export const OTHER_DRIVES = 'DEFGH'.split('').map((d) => `${d}:\\`);

/** True for the WSL launcher (System32 / Sysnative / WindowsApps bash.exe), never Git's. */
export function isWslBash(file: string, env: NodeJS.ProcessEnv): boolean {
  const f = file.replace(/\//g, '\\').toLowerCase();
  const root = (env.SystemRoot ?? env.windir ?? 'C:\\Windows').toLowerCase().replace(/\\+$/, '');
  return (
    f === `${root}\\system32\\bash.exe` ||
    f === `${root}\\sysnative\\bash.exe` ||
    /\\windows\\(system32|sysnative)\\bash\.exe$/.test(f) ||
    /\\windowsapps\\[^\\]*\\?bash\.exe$/.test(f)
  );
}

/** `setx NAME "value"` as a user types it in cmd.exe or PowerShell (see shell.ts for other shells). */
export function setxCommand(name: string, value: string, shell: WindowsShell = 'unknown'): string {
  return setxFor(name, value, shell);
}
