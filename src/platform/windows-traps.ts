import { t } from '../i18n/index.js';
import type { Platform } from './index.js';
import { isWslBash } from './windows.js';

/**
 * Pure judgements behind doctor's Windows trap checks (docs/windows-traps.md lists each trap with the
 * reports it comes from). Each takes values and an `exists` function, so the fake Windows tests and
 * `sync` (which must never write a value that falls into a trap) can use them without a machine.
 */

/** Why a CLAUDE_CODE_GIT_BASH_PATH value does not work, as Claude Code reads it. */
export type GitBashPathProblem =
  | 'quoted' // "C:\…\bash.exe" with the quotes inside the value (typed into the Environment dialog)
  | 'forward-slashes' // C:/Program Files/Git/bin/bash.exe: Claude Code reports it cannot find it
  | 'relative' // bash.exe, Git\bin\bash.exe: not a full path
  | 'unexpanded' // %ProgramFiles%\Git\bin\bash.exe: settings.json values are not expanded
  | 'wsl' // C:\Windows\System32\bash.exe: WSL's launcher
  | 'cygwin' // C:\cygwin64\bin\bash.exe: Cygwin paths (/cygdrive/c) are not what Claude Code converts
  | 'msys2' // C:\msys64\usr\bin\bash.exe: not Git's layout (Claude Code looks for ..\usr\bin from bin)
  | 'not-bash' // git.exe, git-bash.exe, the Git folder itself
  | 'usr-bin' // <Git>\usr\bin\bash.exe: Claude Code builds usr\bin\..\usr\bin\bash.exe from it
  | 'missing'; // the file is not there (Git moved, removed, or never installed there)

export function gitBashPathProblem(value: string, p: Pick<Platform, 'env' | 'exists'>): GitBashPathProblem | undefined {
  const v = value.trim();
  if (/^["']|["']$/.test(v)) return 'quoted';
  if (/%[^%]+%/.test(v)) return 'unexpanded';
  if (!/^([A-Za-z]:[\\/]|\\\\)/.test(v)) return 'relative';
  if (v.includes('/')) return 'forward-slashes';
  if (isWslBash(v, p.env)) return 'wsl';
  if (/\\cygwin(64)?\\/i.test(v)) return 'cygwin';
  if (/\\msys(64|32|2)?\\/i.test(v)) return 'msys2';
  if (!/\\bash\.exe$/i.test(v)) return 'not-bash';
  if (/\\usr\\bin\\bash\.exe$/i.test(v)) return 'usr-bin';
  if (!p.exists(v)) return 'missing';
  return undefined;
}

const PROBLEM_TEXT: Record<GitBashPathProblem, () => string> = {
  quoted: () => t('platform.bash.quoted'),
  'forward-slashes': () => t('platform.bash.forwardSlashes'),
  relative: () => t('platform.bash.relative'),
  unexpanded: () => t('platform.bash.unexpanded'),
  wsl: () => t('platform.bash.wsl'),
  cygwin: () => t('platform.bash.cygwin'),
  msys2: () => t('platform.bash.msys2'),
  'not-bash': () => t('platform.bash.notBash'),
  'usr-bin': () => t('platform.bash.usrBin'),
  missing: () => t('platform.bash.missing'),
};

/** Why a CLAUDE_CODE_GIT_BASH_PATH value does not work, in words (after "which …"). */
export const describeBashProblem = (p: GitBashPathProblem): string => PROBLEM_TEXT[p]();

/** The Git for Windows folder of a <Git>\bin\bash.exe path (or <Git>\usr\bin\bash.exe, git-bash.exe). */
export function gitRootOf(bash: string): string | undefined {
  const v = bash
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\//g, '\\');
  const m =
    /^(.*)\\usr\\bin\\bash\.exe$/i.exec(v) ?? /^(.*)\\bin\\bash\.exe$/i.exec(v) ?? /^(.*)\\git-bash\.exe$/i.exec(v);
  return m?.[1] || undefined;
}

/** The value to write instead: <Git>\bin\bash.exe of the same install, when that exists. */
export function repairedGitBashPath(value: string, exists: (p: string) => boolean): string | undefined {
  const root = gitRootOf(value);
  if (!root) return undefined;
  const fixed = `${root}\\bin\\bash.exe`;
  return exists(fixed) ? fixed : undefined;
}

/**
 * What Claude Code's Bash tool needs next to <Git>\bin\bash.exe: the MSYS bash it starts and the
 * cygpath it converts paths with. MinGit and a half-finished Git update lack them ("cygpath: command
 * not found", "usr\bin\bash.exe not found").
 */
export const GIT_PARTS = ['usr\\bin\\bash.exe', 'usr\\bin\\cygpath.exe'];

export function missingGitParts(bash: string, exists: (p: string) => boolean): string[] {
  const root = gitRootOf(bash);
  if (!root) return [];
  return GIT_PARTS.map((rel) => `${root}\\${rel}`).filter((f) => !exists(f));
}

/** Every value of one key in `reg query KEY` output (no /v): name → data. */
export function parseRegValues(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s{4}(REG_[A-Z_]+)\s{4}(.*)$/.exec(line);
    if (m) out[m[1]!] = m[3]!.trim();
  }
  return out;
}

/** A value by name, ignoring case as Windows does. */
export function regValue(values: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(values).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : values[key];
}

/** WinINet's proxy settings (what Clash's "System Proxy" and a company's PAC set). */
export interface InternetSettings {
  enabled: boolean;
  server?: string;
  override?: string;
  pac?: string;
}

export function internetSettings(values: Record<string, string>): InternetSettings {
  const enable = regValue(values, 'ProxyEnable');
  const server = regValue(values, 'ProxyServer');
  const override = regValue(values, 'ProxyOverride');
  const pac = regValue(values, 'AutoConfigURL');
  return {
    enabled: enable !== undefined && /^(0x)?0*1$/i.test(enable),
    ...(server ? { server } : {}),
    ...(override ? { override } : {}),
    ...(pac ? { pac } : {}),
  };
}

/**
 * Whether the bypass list (ProxyOverride: `;`-separated, `*` wildcards, `<local>` = names without a
 * dot) sends `host` direct. `<local>` covers localhost but not 127.0.0.1.
 */
export function bypassesProxy(override: string | undefined, host: string): boolean {
  const h = host.toLowerCase();
  for (const raw of (override ?? '').split(';')) {
    const e = raw.trim().toLowerCase();
    if (!e) continue;
    if (e === '<local>') {
      if (!h.includes('.') && !h.includes(':')) return true;
      continue;
    }
    const re = new RegExp(`^${e.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    if (re.test(h)) return true;
  }
  return false;
}

/** HTTP(S)_PROXY written without its scheme (127.0.0.1:7890): Claude Code cannot parse it and hangs. */
export function proxyUrlProblem(value: string): 'no-scheme' | undefined {
  const v = value.trim();
  if (!v) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? undefined : 'no-scheme';
}

/** What in a user profile path trips tools that build shell commands or project names from it. */
export function profilePathProblem(profile: string): 'non-ascii' | 'quote' | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7F]/.test(profile)) return 'non-ascii';
  if (profile.includes("'")) return 'quote';
  return undefined;
}

/** True when `file` lies in a OneDrive folder or on a network share (folder redirection). */
export function syncedPlace(file: string, env: NodeJS.ProcessEnv): 'onedrive' | 'network' | undefined {
  const f = file.replace(/\//g, '\\').toLowerCase();
  if (f.startsWith('\\\\')) return 'network';
  const roots = [env.OneDrive, env.OneDriveCommercial, env.OneDriveConsumer]
    .filter((r): r is string => !!r)
    .map((r) => r.replace(/\\+$/, '').toLowerCase());
  if (roots.some((r) => f === r || f.startsWith(`${r}\\`))) return 'onedrive';
  if (/\\onedrive( - [^\\]+)?\\/.test(f)) return 'onedrive';
  return undefined;
}

/** A UTF-8 byte order mark at the start of a file's bytes. */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
