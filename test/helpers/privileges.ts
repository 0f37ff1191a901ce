import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { BIN, llmctl, runProgram, type RunResult, type Sandbox } from './cli.js';

/** What the fault tests need from the machine: an unprivileged user (root ignores modes), a tmpfs. */
export const isRoot = process.getuid?.() === 0;

const runs = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Root ignores file modes: a permission test then runs llmctl as `nobody` (setpriv), owning the sandbox. */
export const canRunUnprivileged = process.platform !== 'win32' && (!isRoot || runs('setpriv', ['--version']));

/** A small tmpfs needs a mount namespace of our own (root, or a container that allows unshare -m). */
export const canMountTmpfs =
  process.platform === 'linux' &&
  isRoot &&
  runs('unshare', [
    '-m',
    'sh',
    '-c',
    'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"',
  ]);

export function llmctlUnprivileged(sb: Sandbox, args: string[]): Promise<RunResult> {
  if (!isRoot) return llmctl(sb, args);
  execFileSync('chown', ['-R', '65534:65534', sb.dir]);
  chmodSync(sb.dir, 0o755);
  return runProgram('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
    env: sb.env,
    cwd: sb.dir,
  });
}
