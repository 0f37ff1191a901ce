import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LlmctlError, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isAlive, processStartTime } from '../platform/process.js';
import { sweepTempFiles } from './atomic.js';
import { ensureDir } from './dir.js';
import { osError } from './os-error.js';

/** Who holds a lock: written into the lock file before it exists under its name. */
interface Owner {
  pid: number;
  host: string;
  /** processStartTime of pid, so a reused pid is not taken for the owner. */
  started?: string;
  /** Unique per acquisition: tells this lock apart from a later one by the same process. */
  token: string;
}

/** How long a lock file whose owner cannot be read is respected (an older llmctl, a damaged file). */
export const UNREADABLE_LOCK_GRACE_MS = 5_000;

function newOwner(): Owner {
  const started = processStartTime(process.pid);
  return {
    pid: process.pid,
    host: os.hostname(),
    ...(started ? { started } : {}),
    token: randomBytes(8).toString('hex'),
  };
}

/**
 * Creates `file` holding `owner` atomically: the owner is written to a temp file first and then
 * hard-linked into place, which fails if `file` exists. So whoever sees the lock file sees its owner
 * (an empty lock file read between create and write was taken for a dead owner and broken).
 */
async function tryCreate(file: string, owner: Owner): Promise<boolean> {
  const tmp = `${file}.${owner.pid}.${owner.token}.tmp`;
  try {
    await fs.writeFile(tmp, JSON.stringify(owner), { mode: 0o600, flag: 'wx' });
    try {
      await fs.link(tmp, file);
    } catch (e) {
      if (!isNodeError(e) || !['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(e.code!)) throw e;
      // A file system without hard links (FAT, some network shares): create-exclusive, then write.
      // A waiter that reads it empty in between respects it for the grace period, never breaks it.
      await fs.writeFile(file, JSON.stringify(owner), { mode: 0o600, flag: 'wx' });
    }
    return true;
  } catch (e) {
    if (isNodeError(e) && e.code === 'EEXIST') return false;
    throw osError(e, file, 'takeLock');
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

function parseOwner(text: string): Partial<Owner> | undefined {
  // An llmctl before this lock format wrote the bare pid.
  if (/^\d+$/.test(text.trim())) return { pid: Number(text.trim()) };
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return o && Number.isInteger(o.pid) && (o.pid as number) > 0 ? o : undefined;
  } catch {
    return undefined;
  }
}

interface Verdict {
  /** The lock file's bytes when judged (null: it is gone, try again). */
  text: string | null;
  stale: boolean;
  who: string;
}

/**
 * Whether a lock's owner is gone. Never breaks a live lock: a live pid whose start time still
 * matches (or cannot be known), a lock from another host, or an unreadable owner file younger than
 * the grace period all count as held.
 */
async function judge(file: string): Promise<Verdict> {
  let text: string;
  let mtimeMs: number;
  try {
    text = await fs.readFile(file, 'utf8');
    mtimeMs = (await fs.stat(file)).mtimeMs;
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return { text: null, stale: false, who: '' };
    throw osError(e, file, 'readLock');
  }
  const owner = parseOwner(text);
  if (!owner)
    return {
      text,
      stale: Date.now() - mtimeMs > UNREADABLE_LOCK_GRACE_MS,
      who: t('fs.lockOwnerUnreadable'),
    };
  const pid = owner.pid!;
  if (owner.host && owner.host !== os.hostname())
    return { text, stale: false, who: t('fs.lockOwnerOtherHost', { pid, host: owner.host }) };
  if (!isAlive(pid)) return { text, stale: true, who: t('fs.lockOwner', { pid }) };
  const started = owner.started && processStartTime(pid);
  return { text, stale: Boolean(started && started !== owner.started), who: t('fs.lockOwner', { pid }) };
}

/**
 * Removes a stale lock, unless it changed since it was judged. Breakers take `<lock>.break` first, so
 * two waiters that both judged the same dead lock cannot remove a live one taken in between.
 */
async function breakStale(file: string, staleText: string): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await tryCreate(breaker, newOwner()))) {
    const b = await judge(breaker);
    if (b.stale && b.text !== null) await fs.rm(breaker, { force: true });
    return;
  }
  try {
    if ((await fs.readFile(file, 'utf8').catch(() => null)) === staleText) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

/** Removes the lock only while it is still ours (never one another process took after judging us stale). */
async function release(file: string, owner: Owner): Promise<void> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text !== null && parseOwner(text)?.token === owner.token) await fs.rm(file, { force: true });
}

/**
 * An exclusive lock file, so two llmctl processes cannot interleave a read-modify-write of the same
 * files. A lock whose owner is gone (dead, or its pid reused) is taken over; a live holder is waited
 * for up to `waitMs`.
 */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>, waitMs = 30_000): Promise<T> {
  await ensureDir(path.dirname(lockFile));
  const owner = newOwner();
  const deadline = Date.now() + waitMs;
  while (!(await tryCreate(lockFile, owner))) {
    const v = await judge(lockFile);
    if (v.text === null) continue;
    if (v.stale) {
      await breakStale(lockFile, v.text);
      continue;
    }
    if (Date.now() > deadline) {
      throw new LlmctlError(t('fs.locked', { who: v.who }), { hint: t('fs.lockedHint', { file: lockFile }) });
    }
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 40));
  }
  // What a killed llmctl left next to the lock (its owner temp files, a secrets.json temp) goes now.
  await sweepTempFiles(path.dirname(lockFile));
  try {
    return await fn();
  } finally {
    await release(lockFile, owner);
  }
}
