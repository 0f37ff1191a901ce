import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
import { t } from '../i18n/index.js';
import { readPidRecord } from '../platform/process.js';
import type { ProxyFingerprint } from './fingerprint.js';

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
  /** LiteLLM workers when more than one (`serve --workers`): a restart keeps them. */
  workers?: number;
  /** What it started from (config, llmctl_auth.py, key hashes): `status` compares it with the disk. */
  fingerprint?: ProxyFingerprint;
  /**
   * A foreground serve polls its record for this (every platform alike, Windows has no SIGHUP, and
   * SIGHUP keeps meaning "the terminal closed"): `sync` or `serve --restart` in another terminal asks,
   * the serve restarts its LiteLLM and answers in `restarted` with the same id.
   */
  restartRequest?: { id: string; by: number };
  restarted?: { id: string; ok: boolean; downtimeMs?: number; error?: string; warm?: boolean };
}

/**
 * Where the proxy's output is, for messages: a detached proxy writes its log file; a foreground one
 * writes to the terminal of its `llmctl serve` (no log file exists then).
 */
export function logPlace(rec: Pick<PidRecord, 'logFile' | 'foreground'>, say: typeof t = t): string {
  return rec.foreground ? say('proxy.status.terminalOf', { pid: rec.foreground.llmctl }) : rec.logFile;
}

/** A pid file from something else, or cut short, is absent: the caller may remove it. */
export function readPidFile(file: string): Promise<PidRecord | undefined> {
  return readPidRecord<PidRecord>(file);
}

export async function writePidFile(file: string, r: PidRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(r, null, 2)}\n`, { mode: 0o644 });
}

/**
 * Removes the pid file; with `pid`, only while it still names that process (a serve started since
 * keeps its record).
 */
export async function removePidFile(file: string, pid?: number): Promise<void> {
  if (pid === undefined) {
    await fs.rm(file, { force: true });
    return;
  }
  await withLock(`${file}.lock`, async () => {
    if ((await readPidFile(file))?.pid === pid) await fs.rm(file, { force: true });
  });
}

/**
 * Tells a foreground serve that its LiteLLM's exit was asked for: the record is re-read under a lock
 * and changed only while it is still that proxy's, so a record that serve removed is not brought back.
 */
export async function markStopRequested(file: string, pid: number): Promise<void> {
  await withLock(`${file}.lock`, async () => {
    const now = await readPidFile(file);
    if (now?.pid === pid) await writePidFile(file, { ...now, stopRequested: true });
  });
}
