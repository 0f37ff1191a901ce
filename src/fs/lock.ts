import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LlmctlError, isNodeError } from '../errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isNodeError(e) && e.code === 'EPERM';
  }
}

/**
 * An exclusive lock file in the llmctl home, so two syncs at once cannot interleave their writes.
 * A lock left by a dead process is taken over. Waits up to `waitMs` for a live holder.
 */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>, waitMs = 10_000): Promise<T> {
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const h = await fs.open(lockFile, 'wx', 0o600);
      await h.writeFile(String(process.pid));
      await h.close();
      break;
    } catch (e) {
      if (!isNodeError(e) || e.code !== 'EEXIST') throw e;
      const holder = Number.parseInt((await fs.readFile(lockFile, 'utf8').catch(() => '')) || '0', 10);
      if (!holder || !alive(holder)) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new LlmctlError(`another llmctl (pid ${holder}) is changing files right now`, {
          hint: `wait for it to finish; if no llmctl is running, delete ${lockFile}`,
        });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}
