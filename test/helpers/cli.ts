import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'llmctl.js');
export const SEED = path.join(ROOT, 'test', 'fixtures', 'seed');

export interface Sandbox {
  dir: string;
  home: string;
  llmctlHome: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A fresh fake home for one test: HOME, LLMCTL_HOME, CONTINUE_GLOBAL_DIR and CLAUDE_CONFIG_DIR all point
 * inside a temp folder, so a test can never touch the real ~/.claude or ~/.continue.
 */
export function sandbox(extraEnv: NodeJS.ProcessEnv = {}, at?: string): Sandbox {
  const dir = at ?? mkdtempSync(path.join(tmpdir(), 'llmctl-test-'));
  const home = path.join(dir, 'home');
  const llmctlHome = path.join(home, '.config', 'llmctl');
  mkdirSync(llmctlHome, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    USERPROFILE: home,
    LLMCTL_HOME: llmctlHome,
    CONTINUE_GLOBAL_DIR: path.join(home, '.continue'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    NO_COLOR: '1',
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    ...extraEnv,
  };
  return { dir, home, llmctlHome, env };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program (argument array, no shell) to the end; never rejects. */
export function runProgram(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; input?: string; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      {
        env: options.env,
        cwd: options.cwd,
        maxBuffer: 64 * 1024 * 1024,
        ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Runs the built llmctl binary. */
export function llmctl(
  sb: Sandbox,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<RunResult> {
  return runProgram(process.execPath, [BIN, ...args], {
    env: { ...sb.env, ...options.env },
    cwd: options.cwd ?? sb.dir,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
}

/** Every file under a folder with its bytes and mtime: to assert that a failed command changed nothing. */
export function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number; mode: number }> {
  const out: Record<string, { bytes: string; mtimeMs: number; mode: number }> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else
        out[path.relative(dir, p)] = { bytes: readFileSync(p).toString('base64'), mtimeMs: st.mtimeMs, mode: st.mode };
    }
  };
  walk(dir);
  return out;
}

/** Puts the seed's Continue config and Claude Code settings where those tools look for them in the sandbox. */
export function placeSeedToolConfigs(sb: Sandbox): { cont: string; claude: string } {
  const cont = path.join(sb.home, '.continue', 'config.yaml');
  const claude = path.join(sb.home, '.claude', 'settings.json');
  for (const [from, to] of [
    ['continue.config.yaml', cont],
    ['claude.settings.json', claude],
  ] as const) {
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(SEED, from), to);
    chmodSync(to, 0o644);
  }
  return { cont, claude };
}
