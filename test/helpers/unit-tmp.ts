import { accessSync, constants, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The unit tier's temp folder: one per run in /dev/shm (memory: fsync is free there), removed when
 * the run ends, so repeated runs do not fill memory with test homes. Undefined without /dev/shm.
 * vitest.config.ts and this global setup both run in vitest's main process: its pid names the run.
 */
export function unitTmp(): string | undefined {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return path.join('/dev/shm', `llmctl-unit-${process.pid}`);
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export default function setup(): () => void {
  const dir = unitTmp();
  if (!dir) return () => {};
  // What a killed run left behind.
  for (const name of readdirSync('/dev/shm')) {
    const pid = /^llmctl-unit-(\d+)$/.exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(path.join('/dev/shm', name), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return () => rmSync(dir, { recursive: true, force: true });
}
