import { spawnSync } from 'node:child_process';

/**
 * A pid that surely is not running: a child that has already exited. `true` starts in a millisecond
 * where a second node took 150 ms of the unit tier's time; Windows has no `true`, so node there.
 */
export function deadPid(): number {
  const r = process.platform === 'win32' ? spawnSync(process.execPath, ['-e', '0']) : spawnSync('true');
  if (r.pid === undefined || r.error) throw r.error ?? new Error('could not start a child process');
  return r.pid;
}
