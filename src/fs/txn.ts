import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { LlmctlError, isNodeError } from '../errors.js';
import { readTextIfExists, resolveWriteTarget, writeFileAtomic } from './atomic.js';
import { createBackup, type BackupManifest } from './backup.js';

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
  label: string;
  /** The text the plan was made from (null: no file). */
  before: string | null;
  /** The text to write (null: delete the file). */
  after: string | null;
  /** Mode for a new file. */
  mode?: number;
  /** Holds a key: 0600 after every write, an existing looser file tightened. */
  secret?: boolean;
  /** Plans this file again from new text (a tool wrote it meanwhile); without it, a change is an error. */
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
  /** Runs once every check passed, before the first write (the engine saves a new master key there). */
  beforeWrite?: () => Promise<void>;
  last?: { path: string; make: (repatched: Map<string, Repatched>, backup: BackupManifest) => Promise<{ before: string | null; after: string | null }> };
}

export interface TxnResult {
  backup?: BackupManifest;
  /** The files as finally written (before/after updated by repatches). */
  files: TxnFile[];
  /** Repatches that ran, by planned path (their state replaces the plan's). */
  repatched: Map<string, Repatched>;
}

const MAX_RETRIES = 5;

/** Temp files llmctl writes: `.<name>.<pid>.<8 hex>.tmp` (writeFileAtomic) or `.<name>.llmctl-<pid>-<8 hex>.tmp`. */
const TEMP_RE = /^\.(.+)\.(?:llmctl-)?\d+[.-][0-9a-f]{8}\.tmp$/;

interface Work {
  f: TxnFile;
  index: number;
  target: string;
  before: string | null;
  after: string | null;
  mode: number;
  tmp?: string;
  committed: boolean;
  repatch?: Repatched;
}

// ---- test seam ----------------------------------------------------------------------------------

let stepCount = 0;

/**
 * A numbered point in a write. Tests only: LLMCTL_TEST_CRASH_AT=N kills this process (SIGKILL, like a
 * power cut) at the N-th step; LLMCTL_TEST_PAUSE=<label>:<dir> stops at that step until <dir>/resume exists.
 */
export async function step(label: string): Promise<void> {
  const crashAt = process.env.LLMCTL_TEST_CRASH_AT;
  if (crashAt && ++stepCount === Number(crashAt)) process.kill(process.pid, 'SIGKILL');
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
 * Reads a file another program may be rewriting: an empty read is retried for a moment (a tool that
 * truncates then writes shows an empty file in between), so an empty document is only believed when
 * the file stays empty.
 */
export async function readSettled(file: string): Promise<string | null> {
  let text = await readTextIfExists(file);
  for (let i = 0; i < MAX_RETRIES && text !== null && text.trim() === ''; i++) {
    await sleep(10 << i);
    text = await readTextIfExists(file);
  }
  return text;
}

function readNowSync(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return null;
    throw e;
  }
}

// ---- the transaction ----------------------------------------------------------------------------

/**
 * Backs up and writes `files` as one change (see the top of this file). `extraBackup` files (state.json)
 * go into the same backup. Throws with every file as it was (and no temp file left) on failure.
 */
export async function commitFiles(files: TxnFile[], extraBackup: string[], options: TxnOptions): Promise<TxnResult> {
  const work = await Promise.all(files.map((f, index) => prepareWork(f, index)));
  const lastFile = options.last ? [options.last.path] : [];
  await removeStaleTemps([...work.map((w) => w.target), ...lastFile], options.backupsDir);
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
    for (const w of work) if (w.repatch) repatched.set(w.f.path, w.repatch);
    if (options.last) {
      const made = await options.last.make(repatched, backup);
      const w = await prepareWork({ path: options.last.path, label: 'llmctl state', ...made, secret: true }, files.length);
      all.push(w);
      await writeTemp(w);
      await commitOne(w, options.backupsDir, backup);
    }
  } catch (e) {
    await rollBack(all, backup, options.backupsDir, e);
    throw e;
  }
  return { ...(backup ? { backup } : {}), files: work.map((w) => ({ ...w.f, before: w.before, after: w.after })), repatched };
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
    throw new LlmctlError(`${w.f.path} is read-only (mode ${mode.toString(8).padStart(4, '0')}): it looks protected on purpose, so llmctl did not change it`, {
      hint: `make it writable (chmod u+w ${w.target}) or run the command again with --force to write it anyway; nothing was written`,
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
  if (w.tmp) {
    await fs.rm(w.tmp, { force: true });
    w.tmp = undefined;
  }
  if (w.after === null || w.after === w.before) return;
  const dir = path.dirname(w.target);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${path.basename(w.target)}.llmctl-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  await step(`txn:temp ${w.f.label}`);
  const handle = await fs.open(tmp, 'wx', w.mode);
  w.tmp = tmp;
  try {
    await handle.writeFile(w.after);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // open() is subject to the umask; chmod makes the mode exact.
  await fs.chmod(tmp, w.mode);
  // The temp must hold exactly what was planned before it may replace the user's file.
  if ((await fs.readFile(tmp, 'utf8')) !== w.after) throw new LlmctlError(`${tmp}: what was written reads back differently`, { hint: 'check the disk; nothing was changed' });
  await step(`txn:temp-done ${w.f.label}`);
}

/** Re-checks the file right before its rename; a change made meanwhile is patched again (bounded). */
async function commitOne(w: Work, backupsDir: string, backup: BackupManifest): Promise<void> {
  await step(`txn:commit ${w.f.label}`);
  for (let attempt = 0; ; attempt++) {
    // Read, compare and rename without yielding, so the window for another writer is as small as it gets.
    const now = readNowSync(w.target);
    if (now === w.before) {
      if (w.after === w.before) return;
      if (w.after === null) rmSync(w.target, { force: true });
      else renameSync(w.tmp!, w.target);
      w.tmp = undefined;
      w.committed = true;
      await step(`txn:committed ${w.f.label}`);
      return;
    }
    if (attempt >= MAX_RETRIES || !w.f.repatch) throw changedMeanwhile(w);
    const settled = await readSettled(w.target);
    // A file that had content and now reads empty is a tool in the middle of its write, never an empty document.
    if (settled !== null && settled.trim() === '' && (w.before ?? '').trim() !== '') {
      if (attempt < MAX_RETRIES - 1) continue;
      throw changedMeanwhile(w);
    }
    let r: Repatched;
    try {
      r = await w.f.repatch(settled);
    } catch (e) {
      // A half-written file (a tool in the middle of its write): look again in a moment.
      if (e instanceof LlmctlError && attempt < MAX_RETRIES - 1) {
        await sleep(10 << attempt);
        continue;
      }
      throw e;
    }
    w.before = settled;
    w.after = r.after;
    w.repatch = r;
    await fixBackupCopy(backupsDir, backup, w);
    await writeTemp(w);
  }
}

function changedMeanwhile(w: Work): LlmctlError {
  return new LlmctlError(`${w.f.path} kept changing while llmctl was writing it (another program is writing it)`, {
    hint: 'run the command again when that program is idle; nothing was changed',
  });
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
async function rollBack(work: Work[], backup: BackupManifest | undefined, backupsDir: string, cause: unknown): Promise<void> {
  const failed: string[] = [];
  for (const w of work) if (w.tmp) await fs.rm(w.tmp, { force: true }).catch(() => undefined);
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
    throw new LlmctlError(`${(cause as Error).message}; and putting back ${failed.join(', ')} failed too`, {
      hint: backup ? `run \`llmctl restore ${backup.id}\` to put every file back as it was` : 'check the files named above',
      cause,
    });
  }
  // Every file is as it was: the backup of this failed run would only be clutter in `restore --list`.
  if (backup) await fs.rm(path.join(backupsDir, backup.id), { recursive: true, force: true }).catch(() => undefined);
  else await removePartialBackups(backupsDir);
}

/**
 * Runs under the llmctl lock, so any llmctl temp file next to these files, and any backup folder
 * without a manifest, was left by a run that died (kill -9, power cut): removed.
 */
async function removeStaleTemps(files: string[], backupsDir: string): Promise<void> {
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const dir = path.dirname(f);
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir)!.add(path.basename(f));
  }
  for (const [dir, names] of byDir) {
    for (const entry of await fs.readdir(dir).catch(() => [] as string[])) {
      const m = TEMP_RE.exec(entry);
      if (m && names.has(m[1]!)) await fs.rm(path.join(dir, entry), { force: true });
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
