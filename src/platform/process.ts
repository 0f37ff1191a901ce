import { promises as fs, readFileSync } from 'node:fs';

/** True when a process with this pid exists (signal 0 checks without touching it). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, as an opaque string to compare, where the OS tells cheaply (Linux: the
 * start time in clock ticks after boot, field 22 of /proc/<pid>/stat). Pids are reused, so "pid 123
 * is alive" only means "the lock's owner is alive" when this still matches. Undefined elsewhere: a
 * live pid is then trusted.
 */
export function processStartTime(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" of the command name (which may hold spaces): state is field 3.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19];
  } catch {
    return undefined;
  }
}

/**
 * Whether the pid is alive and still runs `program` (pids get reused): its command line names it.
 * Only Linux tells cheaply (/proc); elsewhere a live pid is trusted.
 */
export function runsProgram(os: NodeJS.Platform, pid: number, program: string): boolean {
  if (!isAlive(pid)) return false;
  if (os !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(program);
  } catch {
    return false;
  }
}

/**
 * A JSON record a started process left (the proxy's pid file, Open WebUI's, the local Redis's):
 * undefined when missing, cut short, from something else, or without a valid pid.
 */
export async function readPidRecord<T extends { pid: number }>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const r = JSON.parse(text) as T;
    return Number.isInteger(r.pid) && r.pid > 0 ? r : undefined;
  } catch {
    return undefined;
  }
}
