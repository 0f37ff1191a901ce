import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Platform, RunResult } from './index.js';

/** A recorded program run: a string is stdout of a run that exited 0. */
export type FakeRun = string | { code?: number | null; stdout?: string; stderr?: string; error?: string };

export interface FakePlatformSpec {
  os?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  homedir?: string;
  /** Files that exist (Windows paths compared case-insensitively, as NTFS does). */
  files?: string[];
  /**
   * Recorded outputs keyed by the command line joined with spaces, e.g. `where.exe git` or
   * `reg query HKLM\SOFTWARE\GitForWindows /v InstallPath`. A command not listed fails as if the
   * program did not exist (ENOENT).
   */
  commands?: Record<string, FakeRun>;
  /** Also treat files on the real disk as existing (CLI tests: llmctl's own files are real). */
  realFiles?: boolean;
}

// i18n-ignore: the error text of a program that does not exist (data)
const NOT_FOUND: RunResult = { code: null, stdout: '', stderr: '', error: 'spawn ENOENT' };

/**
 * A platform for tests: Windows on Linux with recorded `where.exe` / `reg query` outputs.
 * Every run is recorded in `calls` so a test can check what was asked.
 */
export function fakePlatform(spec: FakePlatformSpec = {}): Platform & { calls: string[] } {
  const os = spec.os ?? 'win32';
  const win = os === 'win32';
  const norm = (p: string) => (win ? p.replace(/\//g, '\\').toLowerCase() : p);
  const files = new Set((spec.files ?? []).map(norm));
  const env = win ? caseInsensitiveEnv(spec.env ?? {}) : { ...(spec.env ?? {}) };
  const homedir = spec.homedir ?? env.USERPROFILE ?? (win ? 'C:\\Users\\user' : '/home/user');
  const calls: string[] = [];
  return {
    os,
    env,
    homedir,
    path: win ? path.win32 : path.posix,
    calls,
    exists: (p) => files.has(norm(p)) || (spec.realFiles === true && path.posix.isAbsolute(p) && existsSync(p)),
    run: async (command, args) => {
      const line = [command, ...args].join(' ');
      calls.push(line);
      const rec = lookup(spec.commands ?? {}, line, win);
      if (rec === undefined) return { ...NOT_FOUND };
      if (typeof rec === 'string') return { code: 0, stdout: rec, stderr: '' };
      return {
        code: rec.code === undefined ? 0 : rec.code,
        stdout: rec.stdout ?? '',
        stderr: rec.stderr ?? '',
        ...(rec.error ? { error: rec.error } : {}),
      };
    },
  };
}

function lookup(commands: Record<string, FakeRun>, line: string, win: boolean): FakeRun | undefined {
  if (commands[line] !== undefined) return commands[line];
  if (!win) return undefined;
  const lower = line.toLowerCase();
  const key = Object.keys(commands).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : commands[key];
}

/** Windows environment names are case-insensitive (`Path` and `PATH` are the same variable). */
export function caseInsensitiveEnv(values: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const store = new Map<string, [string, string | undefined]>();
  for (const [k, v] of Object.entries(values)) store.set(k.toLowerCase(), [k, v]);
  return new Proxy({} as NodeJS.ProcessEnv, {
    get: (_t, k) => (typeof k === 'string' ? store.get(k.toLowerCase())?.[1] : undefined),
    set: (_t, k, v) => {
      if (typeof k !== 'string') return false;
      store.set(k.toLowerCase(), [store.get(k.toLowerCase())?.[0] ?? k, String(v)]);
      return true;
    },
    deleteProperty: (_t, k) => (typeof k === 'string' ? store.delete(k.toLowerCase()) : false),
    has: (_t, k) => typeof k === 'string' && store.has(k.toLowerCase()),
    ownKeys: () => [...store.values()].map(([k]) => k),
    getOwnPropertyDescriptor: (_t, k) => {
      if (typeof k !== 'string') return undefined;
      const e = store.get(k.toLowerCase());
      return e ? { value: e[1], enumerable: true, configurable: true, writable: true } : undefined;
    },
  });
}

/**
 * TEST-ONLY hook: when LLMCTL_FAKE_PLATFORM names a JSON file holding a FakePlatformSpec, `doctor`
 * diagnoses that fake platform (e.g. Windows) instead of this machine. llmctl's own files (paths
 * computed before, from the real platform) stay real; the spec's env is laid over the real env.
 * Read only here, in src/platform. Not a user feature.
 */
export function platformFromEnv(real: Platform): Platform {
  const file = real.env.LLMCTL_FAKE_PLATFORM;
  if (!file) return real;
  const spec = JSON.parse(readFileSync(file, 'utf8')) as FakePlatformSpec;
  const { LLMCTL_FAKE_PLATFORM: _hook, ...rest } = real.env;
  return fakePlatform({ realFiles: true, ...spec, env: { ...rest, ...(spec.env ?? {}) } });
}
