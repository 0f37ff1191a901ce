import { promises as fs } from 'node:fs';
import path from 'node:path';
import { osError } from './os-error.js';

/**
 * Creates a folder (and missing parents) for llmctl: every folder it creates is 0700 whatever the
 * umask, because some hold keys and LiteLLM imports code (llmctl_auth.py) from one. Folders that
 * already exist are the user's and keep their mode.
 */
export async function ensureDir(dir: string): Promise<void> {
  let first: string | undefined;
  try {
    first = await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    if (first === undefined || process.platform === 'win32') return;
    // mkdir's mode passes through the umask (0o377 would give 0400): chmod makes it exact, from the
    // deepest created folder up to the first one mkdir created.
    const top = path.resolve(first);
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
      await fs.chmod(d, 0o700);
      if (d === top || path.dirname(d) === d) break;
    }
  } catch (e) {
    throw osError(e, dir, 'createFolder');
  }
}
