import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { TEST_CACHE } from './cache-dir.js';
import { BIN } from './cli.js';

/**
 * The real LiteLLM for the end-to-end tests, installed ONCE through the built `llmctl proxy install`
 * into the test cache (cache-dir.ts) and reused (LLMCTL_LITELLM points the tests' sandboxes at it). A failed
 * install throws: in CI that is a failed test, never a skip.
 */
export const LITELLM_HOME = path.join(TEST_CACHE, 'litellm-home');
export const LITELLM_BIN = path.join(
  LITELLM_HOME,
  'venv',
  process.platform === 'win32' ? 'Scripts\\litellm.exe' : 'bin/litellm',
);

let ensured: Promise<string> | undefined;

export function ensureLitellm(): Promise<string> {
  ensured ??= (async () => {
    // Always through llmctl: when the cached venv is complete this is its no-op path (well under a second).
    const started = Date.now();
    const r = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, 'proxy', 'install'],
        {
          env: { ...process.env, LLMCTL_HOME: LITELLM_HOME, NO_COLOR: '1' },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 20 * 60_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    if (r.code !== 0 || !existsSync(LITELLM_BIN))
      throw new Error(`llmctl proxy install failed (exit ${r.code}):\n${r.out}`);
    if (!r.out.includes('already installed'))
      process.stderr.write(
        `[litellm] installed by llmctl proxy install in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    return LITELLM_BIN;
  })();
  return ensured;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** argv of every live process (Linux /proc), to prove no key is on a command line and nothing is left. */
export function processes(): { pid: number; ppid: number; pgid: number; argv: string[]; environ?: string }[] {
  const out: { pid: number; ppid: number; pgid: number; argv: string[] }[] = [];
  for (const n of readdirSync('/proc')) {
    if (!/^\d+$/.test(n)) continue;
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (rest[0] === 'Z') continue;
      const argv = readFileSync(`/proc/${n}/cmdline`, 'utf8').split('\0').filter(Boolean);
      out.push({ pid: Number(n), ppid: Number(rest[1]), pgid: Number(rest[2]), argv });
    } catch {
      // ended while we looked
    }
  }
  return out;
}

/** The process and all its descendants. */
export function processTree(root: number): { pid: number; argv: string[] }[] {
  const all = processes();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
  }
  return all.filter((p) => tree.has(p.pid));
}

/** Live processes whose command line mentions this text (e.g. a sandbox folder). */
export function processesMentioning(text: string): { pid: number; argv: string[] }[] {
  return processes().filter((p) => p.pid !== process.pid && p.argv.some((a) => a.includes(text)));
}

export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
  stepMs = 100,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return cond();
}
