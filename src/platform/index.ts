import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pickEnv, runtimeEnvAllowList } from './env.js';

/**
 * Everything that differs between operating systems goes through a Platform.
 * Tests hand a fake one (see `fakePlatform`) so Windows behaviour is checked on Linux.
 */
export interface Platform {
  os: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
  /** `path.win32` on Windows, `path.posix` elsewhere. */
  path: path.PlatformPath;
  exists(p: string): boolean;
  /** Runs a program and returns its output (used for `where.exe`, `reg query`, `--version`). Never throws. */
  run(command: string, args: string[], options?: { timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<RunResult>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started (ENOENT…). */
  error?: string;
}

export function currentPlatform(env: NodeJS.ProcessEnv = process.env): Platform {
  return {
    os: process.platform,
    env,
    homedir: env.HOME && process.platform !== 'win32' ? env.HOME : os.homedir(),
    path: process.platform === 'win32' ? path.win32 : path.posix,
    exists: (p) => existsSync(p),
    run: async (command, args, options) => {
      const { execa } = await import('execa');
      try {
        const r = await execa(command, args, {
          reject: false,
          timeout: options?.timeoutMs ?? 10_000,
          // The allow-list, never the whole shell (a --version probe of LiteLLM imports it with the
          // shell's keys in reach otherwise); a caller adds exactly what that program needs.
          env: { ...pickEnv(env, runtimeEnvAllowList(process.platform)), ...options?.env },
          extendEnv: false,
          stdin: 'ignore',
          windowsHide: true,
        });
        return {
          code: r.exitCode ?? null,
          stdout: String(r.stdout ?? ''),
          stderr: String(r.stderr ?? ''),
          ...(r.failed && r.exitCode === undefined ? { error: r.shortMessage } : {}),
        };
      } catch (e) {
        return { code: null, stdout: '', stderr: '', error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
