import { createHash } from 'node:crypto';
import path from 'node:path';
import { LlmctlError, type Problem } from '../errors.js';
import { readTextIfExists } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
import { commitFiles, type TxnFile } from '../fs/txn.js';
import { t } from '../i18n/index.js';
import type { Paths } from '../platform/paths.js';

/** One file of an exported project, by its path inside the output folder ('/' separated). */
export interface ExportFile {
  rel: string;
  text: string;
  /** Holds a key: 0600. */
  secret?: boolean;
}

export interface WriteResult {
  dir: string;
  written: string[];
  unchanged: string[];
  removed: string[];
  /** Files llmctl wrote earlier that the user edited; kept because they are no longer part of the export. */
  kept: string[];
  /** The backup of the files replaced (none when every file was new). */
  backupId?: string;
}

/**
 * What llmctl wrote into the folder last time: a hash per file, so a file edited since is told from
 * one llmctl may replace. Hashes of whole files (a key among other lines), never of a key alone.
 */
export const MANIFEST = '.llmctl-export.json';

interface Manifest {
  version: 1;
  kind: string;
  files: Record<string, string>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function readManifest(file: string): Promise<Manifest['files']> {
  const text = await readTextIfExists(file);
  if (text === null) return {};
  try {
    const m = JSON.parse(text) as Partial<Manifest>;
    return m && typeof m.files === 'object' && m.files ? m.files : {};
  } catch {
    // Unreadable: nothing counts as llmctl's, so every changed file asks for --force.
    return {};
  }
}

/** The files whose text changes; a changed file llmctl did not write last is the user's edit. */
async function planFiles(
  dir: string,
  files: ExportFile[],
  recorded: Manifest['files'],
  result: WriteResult,
): Promise<{ txn: TxnFile[]; edited: Problem[] }> {
  const txn: TxnFile[] = [];
  const edited: Problem[] = [];
  for (const f of files) {
    const file = path.join(dir, ...f.rel.split('/'));
    const before = await readTextIfExists(file);
    if (before === f.text) {
      result.unchanged.push(f.rel);
      continue;
    }
    if (before !== null && recorded[f.rel] !== sha256(before))
      edited.push({ file, message: t('exporting.editedFile') });
    txn.push({ path: file, label: f.rel, before, after: f.text, mode: f.secret ? 0o600 : 0o644, secret: !!f.secret });
    result.written.push(f.rel);
  }
  return { txn, edited };
}

/** Files an earlier export wrote that this one no longer has: removed, unless the user changed them (kept). */
async function planRemovals(
  dir: string,
  files: ExportFile[],
  recorded: Manifest['files'],
  result: WriteResult,
): Promise<TxnFile[]> {
  const wanted = new Set(files.map((f) => f.rel));
  const txn: TxnFile[] = [];
  for (const [rel, hash] of Object.entries(recorded)) {
    if (wanted.has(rel)) continue;
    const file = path.join(dir, ...rel.split('/'));
    const before = await readTextIfExists(file);
    if (before === null) continue;
    if (sha256(before) !== hash) result.kept.push(rel);
    else {
      txn.push({ path: file, label: rel, before, after: null });
      result.removed.push(rel);
    }
  }
  return txn;
}

/** The manifest: a hash of each file as written, so the next export can tell the user's edits apart. */
async function manifestWrite(manifestFile: string, kind: string, files: ExportFile[]): Promise<TxnFile> {
  const manifest: Manifest = {
    version: 1,
    kind,
    files: Object.fromEntries(files.map((f) => [f.rel, sha256(f.text)])),
  };
  return {
    path: manifestFile,
    label: MANIFEST,
    before: await readTextIfExists(manifestFile),
    after: `${JSON.stringify(manifest, null, 2)}\n`,
    mode: 0o600,
    secret: true,
  };
}

/**
 * Writes the project as one transaction (src/fs/txn.ts: backed up into llmctl's backups, all or
 * nothing, atomic renames). A file that differs from both the new text and what llmctl wrote last
 * is the user's edit: refused unless `force`, which backs it up first like every replaced file.
 */
export async function writeProject(
  paths: Paths,
  outDir: string,
  kind: string,
  files: ExportFile[],
  force: boolean,
): Promise<WriteResult> {
  const dir = path.resolve(outDir);
  return withLock(paths.lock, async () => {
    const manifestFile = path.join(dir, MANIFEST);
    const recorded = await readManifest(manifestFile);
    const result: WriteResult = { dir, written: [], unchanged: [], removed: [], kept: [] };
    const { txn, edited } = await planFiles(dir, files, recorded, result);
    txn.push(...(await planRemovals(dir, files, recorded, result)));
    if (edited.length && !force) {
      throw new LlmctlError(t('exporting.edited', { n: edited.length, dir }), {
        problems: edited,
        hint: t('exporting.editedHint'),
      });
    }
    if (!txn.length) return result;
    txn.push(await manifestWrite(manifestFile, kind, files));
    // i18n-ignore: the backup's reason, a record kept in the backup manifest
    const r = await commitFiles(txn, { backupsDir: paths.backups, reason: `export ${kind}`, force });
    if (r.backup && txn.some((f) => f.before !== null && f.path !== manifestFile)) result.backupId = r.backup.id;
    return result;
  });
}
