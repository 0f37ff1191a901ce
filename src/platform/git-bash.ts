import type { Platform } from './index.js';

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

/**
 * Finds Git for Windows' bash.exe (only meaningful when p.os === 'win32').
 * CONTRACT for the targets and doctor: never returns WSL's System32\bash.exe as `path`.
 * (Being filled in by the Windows/doctor work; this first version only checks the default folder.)
 */
export async function findGitBash(p: Platform, configured?: string): Promise<GitBashResult> {
  const w = p.path;
  const candidates: GitBashCandidate[] = [];
  if (configured && configured !== 'auto' && configured !== 'off') {
    candidates.push({ path: configured, source: 'configured', exists: p.exists(configured) });
  }
  const pf = p.env.ProgramFiles ?? 'C:\\Program Files';
  const def = w.join(pf, 'Git', 'bin', 'bash.exe');
  candidates.push({ path: def, source: 'folder', exists: p.exists(def) });
  const found = candidates.find((c) => c.exists && !c.rejected);
  return { ...(found ? { path: found.path } : {}), candidates, wslShadowing: false };
}
