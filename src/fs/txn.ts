import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  openSync,
  promises as fs,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import { readTextIfExists, resolveWriteTarget, writeFileAtomic } from './atomic.js';
import { readToolFile, readToolFileSync } from './utf8.js';
import { createBackup, type BackupManifest } from './backup.js';
import { ensureDir } from './dir.js';
import { osError } from './os-error.js';
import { isAlive } from '../platform/process.js';

/**
 * A transaction over several files: what a sync writes is all or nothing. Every new version is
 * first written to a temp file next to its real target (symlinks are written through), then the
 * temps are renamed over the targets one by one; if one fails, the renames already done are undone
 * from the bytes they replaced. Each rename is atomic, so even a kill -9 between two renames leaves
 * every file either its old or its new bytes, and the next run (which removes the dead run's temp
 * files, recognised by their name) completes the job.
 *
 * A tool may rewrite its own file while llmctl works (Claude Code rewrites settings.json): every file
 * is re-read immediately before its rename, and when it changed, the file's patch is redone against
 * the new text (bounded retries). An empty read of a file is never trusted at once: a tool that
 * truncates and then writes shows an empty file for a moment.
 */

/** The patch of one file, redone against new text; `state` replaces the target's section of state.json. */
export interface Repatched {
  after: string | null;
  state?: unknown;
}

export interface TxnFile {
  path: string;
  /** Human name: "LiteLLM config", "Continue config", "Continue .env"… */
  label: string;
  /** The text the plan was made from (null: no file). */
  before: string | null;
  /** The text to write (null: delete the file). */
  after: string | null;
  /** Mode for a new file. */
  mode?: number;
  /** Holds a key: 0600 after every write, an existing looser file tightened. */
  secret?: boolean;
  /**
   * Plans this one file again from new text: a tool (Claude Code rewrites settings.json) changed it
   * after planning. Returns the new text and, when it changes, the target's new state section.
   * Without it, a file changed meanwhile stops the sync.
   */
  repatch?: (before: string | null) => Promise<Repatched>;
}

export interface TxnOptions {
  backupsDir: string;
  reason: string;
  /** Write files the user made read-only (0444) anyway. */
  force: boolean;
  /**
   * llmctl's own record (state.json), made once the other files are written (their repatches change
   * it) and renamed last: a run that dies before it leaves the old record, which the next run heals.
   */
  /** Folders only llmctl writes to (its home, its cache): any llmctl temp file there is a dead run's. */
  sweep?: string[];
  /** Runs once every check passed, before the first write (the engine saves a new master key there). */
  beforeWrite?: () => Promise<void>;
  last?: {
    path: string;
    make: (
      repatched: Map<string, Repatched>,
      backup: BackupManifest,
    ) => Promise<{ before: string | null; after: string | null }>;
  };
}

export interface TxnResult {
  backup?: BackupManifest;
  /** The files as finally written (before/after updated by repatches). */
  files: TxnFile[];
  /** Repatches that ran, by planned path (their state replaces the plan's). */
  repatched: Map<string, Repatched>;
}

/** Patches redone against a busy tool's writes before giving up (each takes well under a millisecond). */
const MAX_RETRIES = 30;

/** Temp files llmctl writes: `.<name>.<pid>.<8 hex>.tmp` (writeFileAtomic) or `.<name>.llmctl-<pid>-<8 hex>.tmp`. */
const TEMP_RE = /^\.(.+)\.(?:llmctl-)?(\d+)[.-][0-9a-f]{8}\.tmp$/;
/** A lock's owner record before it is linked into place (src/fs/lock.ts): `<lock>.<pid>.<16 hex>.tmp`. */
const LOCK_TEMP_RE = /^(.*lock)\.(\d+)\.[0-9a-f]{16}\.tmp$/;

interface Work {
  f: TxnFile;
  index: number;
  target: string;
  before: string | null;
  after: string | null;
  mode: number;
  tmp?: string;
  /** Hard link to the file the last rename replaced (see settle). */
  held?: string;
  /** Open while a temp written in the repatch cycle waits for its rename (flushed after it). */
  fd?: number;
  committed: boolean;
  repatch?: Repatched;
}

// ---- test seam ----------------------------------------------------------------------------------

let stepCount = 0;

/**
 * A numbered point in a write. Tests only: LLMCTL_TEST_CRASH_AT=N kills this process (SIGKILL, like a
 * power cut) at the N-th step (N:D: D ms later); LLMCTL_TEST_PAUSE=<label>:<dir> stops at that step
 * until <dir>/resume exists; LLMCTL_TEST_STEP_LOG=<file> lists the steps.
 */
export async function step(label: string): Promise<void> {
  stepCount++;
  if (process.env.LLMCTL_TEST_STEP_LOG)
    await fs.appendFile(process.env.LLMCTL_TEST_STEP_LOG, `${stepCount} ${label}\n`);
  const crashAt = process.env.LLMCTL_TEST_CRASH_AT;
  if (crashAt && stepCount === Number.parseInt(crashAt, 10)) {
    // "N:D": D ms after the N-th step, wherever the work is then (in the middle of a write…).
    const delay = Number(crashAt.split(':')[1] ?? 0);
    if (!delay) process.kill(process.pid, 'SIGKILL');
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), delay);
  }
  const pause = process.env.LLMCTL_TEST_PAUSE;
  if (pause && pause.startsWith(`${label}:`)) {
    const dir = pause.slice(label.length + 1);
    await fs.writeFile(path.join(dir, 'paused'), String(process.pid));
    const deadline = Date.now() + 60_000;
    while (!(await fs.stat(path.join(dir, 'resume')).catch(() => null)) && Date.now() < deadline) await sleep(10);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- reading ------------------------------------------------------------------------------------

/**
 * Reads a file another program may be rewriting: an empty read is retried for up to a second (a tool
 * that truncates then writes shows an empty file in between, and a busy one does so often), so an
 * empty document is only believed when the file stays empty.
 */
export async function readSettled(file: string): Promise<string | null> {
  let text = await readToolFile(file);
  for (const start = Date.now(); text !== null && text.trim() === '' && Date.now() - start < emptyWaitMs();) {
    await sleep(10);
    text = await readToolFile(file);
  }
  return text;
}

// ---- the transaction ----------------------------------------------------------------------------

/**
 * Backs up and writes `files` (then `options.last`) as one change (see the top of this file). Throws
 * with every file as it was (and no temp file left) on failure.
 */
export async function commitFiles(files: TxnFile[], options: TxnOptions): Promise<TxnResult> {
  const work = await Promise.all(files.map((f, index) => prepareWork(f, index)));
  const lastFile = options.last ? [options.last.path] : [];
  await removeStaleTemps([...work.map((w) => w.target), ...lastFile], options.sweep ?? [], options.backupsDir);
  refuseProtected(work, options.force);
  let backup: BackupManifest | undefined;
  const repatched = new Map<string, Repatched>();
  const all = [...work];
  try {
    await options.beforeWrite?.();
    await step('txn:backup');
    backup = await createBackup(options.backupsDir, [...files.map((f) => f.path), ...lastFile], options.reason);
    await step('txn:backup-done');
    for (const w of work) await fixBackupCopy(options.backupsDir, backup, w);
    for (const w of work) await writeTemp(w);
    for (const w of work) await commitOne(w, options.backupsDir, backup);
    await settle(work, options.backupsDir, backup);
    for (const w of work) if (w.repatch) repatched.set(w.f.path, w.repatch);
    if (options.last) {
      const made = await options.last.make(repatched, backup);
      const w = await prepareWork(
        // i18n-ignore: a label names a file; it is also in --json and in the test step log
        { path: options.last.path, label: 'llmctl state', ...made, secret: true },
        files.length,
      );
      all.push(w);
      await writeTemp(w);
      await commitOne(w, options.backupsDir, backup);
    }
  } catch (e) {
    await rollBack(all, backup, options.backupsDir, e);
    throw e;
  }
  return {
    ...(backup ? { backup } : {}),
    files: work.map((w) => ({ ...w.f, before: w.before, after: w.after })),
    repatched,
  };
}

async function prepareWork(f: TxnFile, index: number): Promise<Work> {
  const target = await resolveWriteTarget(f.path);
  const st = await fs.stat(target).catch(() => null);
  const mode = finalMode(f, st ? st.mode & 0o777 : undefined);
  return { f, index, target, before: f.before, after: f.after, mode, committed: false };
}

/** A secret file is 0600 after every write (0400 if the user made it read-only and --force wrote it). */
function finalMode(f: TxnFile, existing: number | undefined): number {
  if (f.secret) return existing !== undefined && !(existing & 0o200) ? 0o400 : 0o600;
  return existing ?? f.mode ?? 0o644;
}

/** A tool file without write permission is one the user protected: it is not overwritten unless forced. */
function refuseProtected(work: Work[], force: boolean): void {
  if (force || process.platform === 'win32') return;
  for (const w of work) {
    if (w.before === null) continue;
    const mode = statModeSync(w.target);
    if (mode === undefined || mode & 0o200) continue;
    throw new LlmctlError(t('fs.protected', { file: w.f.path, mode: mode.toString(8).padStart(4, '0') }), {
      hint: t('fs.protectedHint', { target: w.target }),
    });
  }
}

function statModeSync(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}

async function writeTemp(w: Work): Promise<void> {
  await step(`txn:temp ${w.f.label}`);
  try {
    await ensureDir(path.dirname(w.target));
    writeTempSync(w);
  } catch (e) {
    throw osError(e, w.f.path, 'write');
  }
  // The temp must hold exactly what was planned before it may replace the user's file.
  if (w.tmp && (await fs.readFile(w.tmp, 'utf8')) !== w.after)
    throw new LlmctlError(t('fs.readsBackDifferently', { file: w.tmp }), { hint: t('fs.readsBackDifferentlyHint') });
  await step(`txn:temp-done ${w.f.label}`);
}

/**
 * Synchronous, so a repatch cycle is shorter than a busy tool's writes are apart. A temp made in that
 * cycle (`late`) is flushed to disk right after its rename instead of before, for the same reason.
 */
function writeTempSync(w: Work, late = false): void {
  dropTemp(w);
  if (w.after === null || w.after === w.before) return;
  const tmp = path.join(
    path.dirname(w.target),
    `.${path.basename(w.target)}.llmctl-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const fd = openSync(tmp, 'wx', w.mode);
  w.tmp = tmp;
  w.fd = fd;
  writeSync(fd, w.after);
  // open() is subject to the umask; chmod makes the mode exact.
  fchmodSync(fd, w.mode);
  if (!late) closeTemp(w);
}

function closeTemp(w: Work): void {
  if (w.fd === undefined) return;
  const fd = w.fd;
  w.fd = undefined;
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function dropTemp(w: Work): void {
  if (w.fd !== undefined) closeSync(w.fd);
  w.fd = undefined;
  if (w.tmp) rmSync(w.tmp, { force: true });
  w.tmp = undefined;
}

/**
 * Re-checks the file right before its rename; a change made meanwhile (a tool rewrote it) is patched
 * again from the new text, a bounded number of times. The check, the new patch and the rename do not
 * wait on anything in between, so the window for another writer is as small as it gets. The file
 * checked is held by a hard link, so settle() can see a write into it that the rename replaced.
 */
async function commitOne(w: Work, backupsDir: string, backup: BackupManifest): Promise<void> {
  try {
    await commitLoop(w, backupsDir, backup);
  } catch (e) {
    throw osError(e, w.f.path, 'write');
  }
}

async function commitLoop(w: Work, backupsDir: string, backup: BackupManifest): Promise<void> {
  await step(`txn:commit ${w.f.label}`);
  const planned = w.before;
  let changes = 0;
  let waited = 0;
  for (;;) {
    const held = w.f.repatch ? holdFile(w.target) : undefined;
    const now = readToolFileSync(held ?? w.target);
    if (now === w.before) {
      if (w.after !== w.before) {
        if (w.after === null) rmSync(w.target, { force: true });
        else renameSync(w.tmp!, w.target);
        w.tmp = undefined;
        w.committed = true;
        closeTemp(w);
      }
      w.held = held;
      break;
    }
    if (held) rmSync(held, { force: true });
    if (!w.f.repatch) throw changedMeanwhile(w);
    // A file that had content and now reads empty is a tool in the middle of its write, never an empty document.
    if (isBlank(now) && !isBlank(w.before)) {
      if (waited > emptyWaitMs()) throw changedMeanwhile(w);
      await sleep(5);
      waited += 5;
      continue;
    }
    if (++changes > MAX_RETRIES) throw changedMeanwhile(w);
    let r: Repatched;
    try {
      r = await w.f.repatch(now);
    } catch (e) {
      // A half-written file (a tool in the middle of its write): look again in a moment.
      if (!(e instanceof LlmctlError)) throw e;
      await sleep(5);
      continue;
    }
    w.before = now;
    w.after = r.after;
    w.repatch = r;
    writeTempSync(w, true);
  }
  if (w.before !== planned) await fixBackupCopy(backupsDir, backup, w);
  if (w.committed) await step(`txn:committed ${w.f.label}`);
}

/** A hard link to the file now at `file` (named like llmctl's temps), or undefined when there is none. */
function holdFile(file: string): string | undefined {
  const held = path.join(
    path.dirname(file),
    `.${path.basename(file)}.llmctl-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    linkSync(file, held);
    return held;
  } catch {
    return undefined;
  }
}

/**
 * How long a tool that read a file just before llmctl replaced it may take to write its version back.
 * Tests only: LLMCTL_TEST_SETTLE_MS shortens it, and the wait for an empty file below, where no other
 * writer exists (the unit tier sets 0; the tests of the races put 50 back), so an in-process sync does
 * not wait for nobody.
 */
const settleMs = (): number => {
  const raw = process.env.LLMCTL_TEST_SETTLE_MS;
  const ms = raw ? Number(raw) : Number.NaN;
  return ms >= 0 ? ms : 50;
};
/** How long a file that had content may read empty (a tool between truncating and writing it): 1 s. */
const emptyWaitMs = (): number => settleMs() * 20;

/**
 * A tool that read a file just before llmctl's rename writes back its version without llmctl's change
 * (or, writing in place, into the file the rename replaced, and its own change is lost). A moment
 * later each such file is looked at once more and patched again if either happened (bounded).
 */
async function settle(work: Work[], backupsDir: string, backup: BackupManifest): Promise<void> {
  let watched = work.filter((w) => w.committed && w.f.repatch && w.after !== null);
  for (let round = 0; round < 3 && watched.length; round++) {
    await sleep(settleMs());
    const again: Work[] = [];
    for (const w of watched) {
      const current = readToolFileSync(w.target);
      // The tool is between truncating llmctl's file and writing its own version: look next round.
      if (isBlank(current) && !isBlank(w.after)) {
        again.push(w);
        continue;
      }
      const replaced = w.held ? await readHeld(w.held) : undefined;
      releaseHeld(w);
      // Written in place into the file the rename replaced: that write goes into the new file too.
      const base = replaced !== undefined && replaced !== w.before && current === w.after ? replaced : current;
      // Untouched since the rename: the plan's own text and state stand. (A patch of llmctl's own output
      // would take llmctl's values for the user's, e.g. as the values unlink gives back.)
      if (base === w.after) continue;
      let r: Repatched;
      try {
        r = await w.f.repatch!(base);
      } catch (e) {
        if (!(e instanceof LlmctlError)) throw e;
        again.push(w);
        continue;
      }
      if (base === current && r.after === current) {
        w.repatch = r;
        continue;
      }
      w.before = current;
      w.after = r.after;
      w.repatch = r;
      writeTempSync(w, true);
      await commitOne(w, backupsDir, backup);
      again.push(w);
    }
    watched = again;
  }
  for (const w of work) releaseHeld(w);
}

/**
 * The file the rename replaced, as a tool writing in place left it. Empty means the tool truncated it
 * and has not written yet: waited for, and never taken for the tool's content.
 */
async function readHeld(held: string): Promise<string | undefined> {
  for (let i = 0; i < 20; i++) {
    const text = readToolFileSync(held);
    if (text === null) return undefined;
    if (!isBlank(text)) return text;
    await sleep(5);
  }
  return undefined;
}

function releaseHeld(w: Work): void {
  if (w.held) rmSync(w.held, { force: true });
  w.held = undefined;
}

const isBlank = (text: string | null) => text !== null && text.trim() === '';

function changedMeanwhile(w: Work): LlmctlError {
  return new LlmctlError(t('fs.keptChanging', { file: w.f.path }), { hint: t('fs.keptChangingHint') });
}

/**
 * The backup holds exactly the bytes the patch was made from. A copy taken while a tool was in the
 * middle of a write (e.g. empty) is replaced, so a backup is never an empty copy of a full file.
 */
async function fixBackupCopy(backupsDir: string, backup: BackupManifest, w: Work): Promise<void> {
  const entry = backup.files[w.index];
  if (!entry || w.before === null) return;
  const dir = path.join(backupsDir, backup.id);
  const copy = entry.copy ?? `${w.index}-${path.basename(w.f.path)}`;
  if (entry.existed && (await readTextIfExists(path.join(dir, copy))) === w.before) return;
  await writeFileAtomic(path.join(dir, copy), w.before, { mode: 0o600 });
  if (!entry.existed || entry.copy !== copy) {
    Object.assign(entry, { existed: true, copy, mode: w.mode });
    await writeFileAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(backup, null, 2)}\n`, { mode: 0o600 });
  }
}

/** Undoes the renames already done (from the bytes they replaced) and removes every temp file. */
async function rollBack(
  work: Work[],
  backup: BackupManifest | undefined,
  backupsDir: string,
  cause: unknown,
): Promise<void> {
  const failed: string[] = [];
  for (const w of work) {
    try {
      releaseHeld(w);
      dropTemp(w);
    } catch {
      // best effort: the next run removes a temp left here (it knows its name)
    }
  }
  for (const w of [...work].reverse()) {
    if (!w.committed) continue;
    try {
      if (w.before === null) await fs.rm(w.target, { force: true });
      else await writeFileAtomic(w.target, w.before, { mode: w.mode });
    } catch {
      failed.push(w.f.path);
    }
  }
  if (failed.length) {
    throw new LlmctlError(t('fs.rollBackFailed', { message: (cause as Error).message, files: failed.join(', ') }), {
      hint: backup ? t('fs.rollBackFailedRestore', { id: backup.id }) : t('fs.rollBackFailedCheck'),
      cause,
    });
  }
  // Every file is as it was: the backup of this failed run would only be clutter in `restore --list`.
  if (backup) await fs.rm(path.join(backupsDir, backup.id), { recursive: true, force: true }).catch(() => undefined);
  else await removePartialBackups(backupsDir);
}

/**
 * Temp files of a run that died (kill -9, power cut) next to these files, or anywhere in `sweep`
 * (recognised by their name, which holds the dead pid), and backup folders without a manifest (made
 * only under the llmctl lock, which this run holds): removed.
 */
export async function removeStaleTemps(files: string[], sweep: string[], backupsDir: string): Promise<void> {
  const byDir = new Map<string, Set<string> | 'all'>(sweep.map((d) => [d, 'all']));
  for (const f of files) {
    const dir = path.dirname(f);
    const names = byDir.get(dir) ?? new Set<string>();
    if (names !== 'all') byDir.set(dir, names.add(path.basename(f)));
  }
  for (const [dir, names] of byDir) {
    for (const entry of await fs.readdir(dir).catch(() => [] as string[])) {
      const m = TEMP_RE.exec(entry) ?? (names === 'all' ? LOCK_TEMP_RE.exec(entry) : null);
      // Only a dead process's: `keys set` or `serve` may be writing their own files next to these right now.
      if (m && (names === 'all' || names.has(m[1]!)) && !isAlive(Number(m[2])))
        await fs.rm(path.join(dir, entry), { force: true });
    }
  }
  await removePartialBackups(backupsDir);
}

async function removePartialBackups(backupsDir: string): Promise<void> {
  for (const id of await fs.readdir(backupsDir).catch(() => [] as string[])) {
    const dir = path.join(backupsDir, id);
    if (!(await fs.stat(dir).catch(() => null))?.isDirectory()) continue;
    if (await fs.stat(path.join(dir, 'manifest.json')).catch(() => null)) continue;
    await fs.rm(dir, { recursive: true, force: true });
  }
}
