import { promises as fs } from 'node:fs';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';

/** What `serve` leaves while the proxy runs so `stop` and `status` can find it (both modes). */
export interface PidRecord {
  pid: number;
  host: string;
  port: number;
  startedAt: string;
  configFile: string;
  logFile: string;
  litellm: string;
  version?: string;
  /** A foreground `serve`: llmctl's own pid, which stays to report LiteLLM's exit. */
  foreground?: { llmctl: number };
  /** Set by `stop` before it stops the proxy, so a foreground serve knows the exit was asked for. */
  stopRequested?: boolean;
}

export async function readPidFile(file: string): Promise<PidRecord | undefined> {
  const text = await readTextIfExists(file);
  if (text === null) return undefined;
  try {
    const r = JSON.parse(text) as PidRecord;
    return Number.isInteger(r.pid) && r.pid > 0 ? r : undefined;
  } catch {
    // A pid file from something else, or cut short: treat as absent, the caller may remove it.
    return undefined;
  }
}

export async function writePidFile(file: string, r: PidRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(r, null, 2)}\n`, { mode: 0o644 });
}

export async function removePidFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
