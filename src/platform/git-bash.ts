import { t } from '../i18n/index.js';
import type { Platform } from './index.js';
import { describeBashProblem, gitBashPathProblem, repairedGitBashPath } from './windows-traps.js';
import { OTHER_DRIVES, expandWindowsEnv, isWslBash, regQuery, whereExe } from './windows.js';

/** One place Git Bash was looked for, and what was found there. */
export interface GitBashCandidate {
  path: string;
  /** 'configured' | 'env' | 'where' | 'registry' | 'folder' */
  source: string;
  exists: boolean;
  /** Why it is not usable (e.g. WSL's System32\bash.exe). */
  rejected?: string;
}

export interface GitBashResult {
  /** The bash.exe to use, when one was found. */
  path?: string;
  candidates: GitBashCandidate[];
  /** WSL's C:\Windows\System32\bash.exe comes before Git's on PATH. */
  wslShadowing: boolean;
}

const REGISTRY_KEYS = [
  'HKLM\\SOFTWARE\\GitForWindows',
  'HKCU\\SOFTWARE\\GitForWindows',
  // 32-bit Git for Windows on 64-bit Windows.
  'HKLM\\SOFTWARE\\WOW6432Node\\GitForWindows',
];

/**
 * Finds Git for Windows' bash.exe (only meaningful when p.os === 'win32').
 * CONTRACT for the targets and doctor: never returns WSL's System32\bash.exe as `path`.
 *
 * Order: the configured path (tools.claude.gitBashPath, unless auto/off), CLAUDE_CODE_GIT_BASH_PATH
 * from the environment, `where.exe git` (bin\bash.exe derived from git.exe), the registry
 * (HKLM/HKCU SOFTWARE\GitForWindows InstallPath), the usual folders (Program Files, Program Files
 * (x86), %LOCALAPPDATA%\Programs\Git, scoop), then D:…H:. When a path is configured explicitly,
 * only that path can be the answer (the user said so); the others are still listed as candidates
 * so doctor can suggest one.
 */
export async function findGitBash(p: Platform, configured?: string): Promise<GitBashResult> {
  const w = p.path;
  const candidates: GitBashCandidate[] = [];
  const seen = new Set<string>();
  const add = (file: string, source: string): void => {
    const key = file.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const rejected = rejection(file, p.env);
    candidates.push({ path: file, source, exists: p.exists(file), ...(rejected ? { rejected } : {}) });
  };

  const explicit = configured !== undefined && configured !== '' && configured !== 'auto' && configured !== 'off';
  if (explicit) add(canonicalBashPath(expandWindowsEnv(configured, p.env), p.exists), 'configured');
  const fromEnv = p.env.CLAUDE_CODE_GIT_BASH_PATH;
  if (fromEnv) add(canonicalBashPath(expandWindowsEnv(fromEnv, p.env), p.exists), 'env');

  for (const git of await whereExe(p, 'git')) {
    const derived = bashFromGitExe(git, w);
    if (derived) add(derived, 'where');
  }
  for (const key of REGISTRY_KEYS) {
    const dir = await regQuery(p, key, 'InstallPath');
    if (dir) add(w.join(dir, 'bin', 'bash.exe'), 'registry');
  }
  for (const dir of gitFolders(p)) add(w.join(dir, 'bin', 'bash.exe'), 'folder');

  const bashes = await whereExe(p, 'bash');
  const wslShadowing = bashes.length > 0 && isWslBash(bashes[0]!, p.env);
  // Git's own bash on PATH (…\Git\usr\bin\bash.exe) also leads to its install folder.
  for (const b of bashes) {
    const m = /^(.*)\\(usr\\)?bin\\bash\.exe$/i.exec(b);
    if (m && !isWslBash(b, p.env)) add(w.join(m[1]!, 'bin', 'bash.exe'), 'where');
  }

  const usable = (c: GitBashCandidate) => c.exists && !c.rejected;
  const found = explicit ? candidates.filter((c) => c.source === 'configured').find(usable) : candidates.find(usable);
  return { ...(found ? { path: found.path } : {}), candidates, wslShadowing };
}

/**
 * A path a person wrote (llmctl.yaml, the environment) in the form Claude Code takes: no quotes around
 * it, backslashes, and <Git>\\bin\\bash.exe rather than usr\\bin\\bash.exe or git-bash.exe of the same install.
 */
export function canonicalBashPath(value: string, exists: (p: string) => boolean): string {
  const plain = value
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .replace(/\//g, '\\');
  return repairedGitBashPath(plain, exists) ?? plain;
}

function rejection(file: string, env: NodeJS.ProcessEnv): string | undefined {
  // Existence is judged on its own (candidate.exists); here only the form and the kind of bash.
  const problem = gitBashPathProblem(file, { env, exists: () => true });
  if (problem === 'wsl') return t('platform.reject.wsl');
  if (problem === 'not-bash') return t('platform.reject.notBash');
  return problem ? describeBashProblem(problem) : undefined;
}

/** Git's install folder from a git.exe path: ...\Git\cmd\git.exe, ...\Git\bin\git.exe, ...\Git\mingw64\bin\git.exe. */
export function bashFromGitExe(gitExe: string, w: Platform['path']): string | undefined {
  const parts = gitExe.split(/[\\/]+/);
  const lower = parts.map((s) => s.toLowerCase());
  const n = parts.length;
  if (n < 3 || !/^git(\.exe)?$/.test(lower[n - 1]!)) return undefined;
  let rootParts: string[] | undefined;
  if (lower[n - 2] === 'cmd' || (lower[n - 2] === 'bin' && !/^mingw(32|64)$/.test(lower[n - 3] ?? '')))
    rootParts = parts.slice(0, n - 2);
  else if (lower[n - 2] === 'bin' && /^(mingw(32|64)|usr)$/.test(lower[n - 3] ?? '')) rootParts = parts.slice(0, n - 3);
  // Shims (scoop\shims\git.exe, chocolatey\bin\git.exe) do not
  // sit in Git's folder; the folder scan finds those installs.
  if (!rootParts || rootParts.length === 0 || /^(shims|chocolatey)$/i.test(rootParts[rootParts.length - 1] ?? ''))
    return undefined;
  const root = rootParts.join('\\');
  return w.join(/^[A-Za-z]:$/.test(root) ? `${root}\\` : root, 'bin', 'bash.exe');
}

/** The folders Git for Windows is usually installed in. */
export function gitFolders(p: Platform): string[] {
  const w = p.path;
  const e = p.env;
  const dirs: string[] = [];
  for (const v of [e.ProgramFiles, e.ProgramW6432, e['ProgramFiles(x86)']]) if (v) dirs.push(w.join(v, 'Git'));
  // i18n-ignore: folder names
  dirs.push('C:\\Program Files\\Git', 'C:\\Program Files (x86)\\Git');
  const local = e.LOCALAPPDATA ?? w.join(p.homedir, 'AppData', 'Local');
  dirs.push(w.join(local, 'Programs', 'Git'));
  // scoop: per-user (%SCOOP% or ~\scoop) and global (%SCOOP_GLOBAL% or %ProgramData%\scoop).
  const scoopRoots = [
    e.SCOOP,
    w.join(e.USERPROFILE ?? p.homedir, 'scoop'),
    e.SCOOP_GLOBAL,
    e.ProgramData ? w.join(e.ProgramData, 'scoop') : undefined,
  ];
  for (const s of scoopRoots) if (s) dirs.push(w.join(s, 'apps', 'git', 'current'));
  for (const d of OTHER_DRIVES)
    // i18n-ignore: folder names
    dirs.push(w.join(d, 'Git'), w.join(d, 'Program Files', 'Git'), w.join(d, 'Tools', 'Git'));
  return dirs;
}
