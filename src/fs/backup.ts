import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LlmctlError, UsageError, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { readTextIfExists, removeFile, writeFileAtomic } from './atomic.js';
import { ensureDir } from './dir.js';
import { osError, withOsErrors } from './os-error.js';

export interface BackupEntry {
  path: string;
  /** False when the file did not exist before: restoring deletes it. */
  existed: boolean;
  /** Name of the copy inside the backup folder. */
  copy?: string;
  mode?: number;
}

export interface BackupManifest {
  id: string;
  createdAt: string;
  reason: string;
  files: BackupEntry[];
}

export function newBackupId(now = new Date()): string {
  // Millisecond resolution: two syncs in the same second must still sort in the order they ran.
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}`;
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** What newBackupId makes: `YYYYMMDD-HHMMSSmmm-xxxx`. Nothing else names a backup (no path, no "..", no ""). */
const BACKUP_ID = /^\d{8}-\d{9}-[0-9a-f]{4}$/;

/** The time encoded in a backup id (0 for names that are not ids). */
function idTime(id: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-/.exec(id);
  return m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`) : 0;
}

/**
 * Copies each file's current bytes into backups/<id>/ before it is changed. A backup that cannot be
 * completed (a full disk, an unreadable file) is removed again: a half backup would look restorable.
 */
export async function createBackup(backupsDir: string, files: string[], reason: string): Promise<BackupManifest> {
  // Strictly after the newest backup, so "the last one" is well defined even for syncs in the same millisecond.
  const newest = (await fs.readdir(backupsDir).catch(() => [] as string[]))
    .map(idTime)
    .reduce((a, b) => Math.max(a, b), 0);
  const now = new Date(Math.max(Date.now(), newest + 1));
  const id = newBackupId(now);
  const dir = path.join(backupsDir, id);
  await ensureDir(dir);
  try {
    const entries: BackupEntry[] = [];
    for (const [i, file] of files.entries()) entries.push(await copyInto(dir, i, file));
    const manifest: BackupManifest = { id, createdAt: now.toISOString(), reason, files: entries };
    await writeFileAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } catch (e) {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

async function copyInto(dir: string, i: number, file: string): Promise<BackupEntry> {
  let bytes: Buffer;
  let mode: number;
  try {
    bytes = await fs.readFile(file);
    mode = (await fs.stat(file)).mode & 0o777;
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return { path: file, existed: false };
    throw osError(e, file, 'backUp');
  }
  const copy = `${i}-${path.basename(file)}`;
  // Copies can hold keys (.env files): only the owner reads them.
  await writeFileAtomic(path.join(dir, copy), bytes, { mode: 0o600 });
  return { path: file, existed: true, copy, mode };
}

export async function listBackups(backupsDir: string): Promise<BackupManifest[]> {
  let names: string[];
  try {
    names = await fs.readdir(backupsDir);
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return [];
    throw osError(e, backupsDir, 'readBackups');
  }
  const out: BackupManifest[] = [];
  for (const name of names.sort()) {
    const text = await readTextIfExists(path.join(backupsDir, name, 'manifest.json'));
    if (!text) continue;
    try {
      out.push(JSON.parse(text) as BackupManifest);
    } catch {
      // A damaged manifest is skipped, not fatal: the other backups still restore.
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/**
 * The backup a user named. The id is checked against the backups that exist (its shape, then the
 * folder), so `restore ../../x` or `restore ""` can never read a manifest from anywhere else.
 */
export async function readBackup(backupsDir: string, id: string): Promise<BackupManifest> {
  const hint = t('fs.backupHint');
  if (!BACKUP_ID.test(id)) throw new UsageError(t('fs.notBackupId', { id }), hint);
  const names = await withOsErrors(backupsDir, 'readBackups', () =>
    fs
      .readdir(backupsDir)
      .catch((e: unknown): string[] | Promise<never> =>
        isNodeError(e) && e.code === 'ENOENT' ? [] : Promise.reject(e),
      ),
  );
  if (!names.includes(id)) throw new UsageError(t('fs.noSuchBackup', { id, dir: backupsDir }), hint);
  const file = path.join(backupsDir, id, 'manifest.json');
  const text = await readTextIfExists(file);
  if (text === null) throw new UsageError(t('fs.backupNoManifest', { id }), hint);
  try {
    return JSON.parse(text) as BackupManifest;
  } catch (e) {
    throw new LlmctlError(t('fs.manifestNotJson', { file, error: (e as Error).message }), {
      hint: t('fs.manifestNotJsonHint'),
    });
  }
}

/**
 * Refuses a manifest that could make restore touch anything but the files llmctl manages (`allowed`),
 * or read a copy from outside its backup folder: a manifest is data on disk, not to be trusted.
 * Checked before anything is written.
 */
export function checkManifest(backupsDir: string, id: string, manifest: BackupManifest, allowed: string[]): void {
  const ok = new Set(allowed.map((f) => path.resolve(f)));
  const bad: string[] = [];
  if (!manifest || manifest.id !== id || !Array.isArray(manifest.files)) bad.push(t('fs.manifestBadId', { id }));
  for (const f of Array.isArray(manifest?.files) ? manifest.files : []) {
    if (typeof f?.path !== 'string' || !path.isAbsolute(f.path) || !ok.has(path.resolve(f.path)))
      bad.push(t('fs.manifestNotManaged', { file: String(f?.path) }));
    else if (
      f.existed &&
      (typeof f.copy !== 'string' ||
        f.copy !== path.basename(f.copy) ||
        f.copy === '..' ||
        f.copy === '.' ||
        f.copy === 'manifest.json')
    )
      bad.push(t('fs.manifestBadCopy', { file: f.path, copy: String(f.copy) }));
    else if (f.mode !== undefined && (!Number.isInteger(f.mode) || f.mode < 0 || f.mode > 0o777))
      bad.push(t('fs.manifestBadMode', { file: f.path }));
  }
  if (bad.length) {
    throw new LlmctlError(t('fs.manifestRefused', { id }), {
      problems: bad.map((message) => ({ file: path.join(backupsDir, id, 'manifest.json'), message })),
      hint: t('fs.manifestRefusedHint'),
    });
  }
}

/**
 * Puts back the exact bytes (and mode) each file had; deletes files that did not exist then. Every
 * copy is read before the first write, and a symlinked file is restored through its link (the link
 * stays; see resolveWriteTarget).
 */
export async function restoreBackup(backupsDir: string, manifest: BackupManifest): Promise<void> {
  const copies = new Map<string, Buffer>();
  for (const f of manifest.files) {
    if (!f.existed) continue;
    const copy = path.join(backupsDir, manifest.id, f.copy!);
    copies.set(f.path, await withOsErrors(copy, 'readBackupCopy', () => fs.readFile(copy)));
  }
  for (const f of manifest.files) {
    if (!f.existed) {
      await removeFile(f.path);
      continue;
    }
    await writeFileAtomic(f.path, copies.get(f.path)!, f.mode === undefined ? {} : { mode: f.mode });
  }
}
