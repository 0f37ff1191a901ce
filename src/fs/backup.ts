import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LlmctlError, isNodeError } from '../errors.js';
import { readTextIfExists, writeFileAtomic } from './atomic.js';

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

/** The time encoded in a backup id (0 for names that are not ids). */
function idTime(id: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-/.exec(id);
  return m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`) : 0;
}

/** Copies each file's current bytes into backups/<id>/ before it is changed. */
export async function createBackup(backupsDir: string, files: string[], reason: string): Promise<BackupManifest> {
  // Strictly after the newest backup, so "the last one" is well defined even for syncs in the same millisecond.
  const newest = (await fs.readdir(backupsDir).catch(() => [] as string[])).map(idTime).reduce((a, b) => Math.max(a, b), 0);
  const now = new Date(Math.max(Date.now(), newest + 1));
  const id = newBackupId(now);
  const dir = path.join(backupsDir, id);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const entries: BackupEntry[] = [];
  for (const [i, file] of files.entries()) {
    let bytes: Buffer;
    let mode: number;
    try {
      bytes = await fs.readFile(file);
      mode = (await fs.stat(file)).mode & 0o777;
    } catch (e) {
      if (isNodeError(e) && e.code === 'ENOENT') {
        entries.push({ path: file, existed: false });
        continue;
      }
      throw e;
    }
    const copy = `${i}-${path.basename(file)}`;
    // Copies can hold keys (.env files): only the owner reads them.
    await writeFileAtomic(path.join(dir, copy), bytes, { mode: 0o600 });
    entries.push({ path: file, existed: true, copy, mode });
  }
  const manifest: BackupManifest = { id, createdAt: now.toISOString(), reason, files: entries };
  await writeFileAtomic(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

export async function listBackups(backupsDir: string): Promise<BackupManifest[]> {
  let names: string[];
  try {
    names = await fs.readdir(backupsDir);
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return [];
    throw e;
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

export async function readBackup(backupsDir: string, id: string): Promise<BackupManifest> {
  const text = await readTextIfExists(path.join(backupsDir, id, 'manifest.json'));
  if (!text) throw new LlmctlError(`no backup "${id}"`, { hint: 'list them with `llmctl restore --list`' });
  return JSON.parse(text) as BackupManifest;
}

/** Puts back the exact bytes (and mode) each file had; deletes files that did not exist then. */
export async function restoreBackup(backupsDir: string, manifest: BackupManifest): Promise<void> {
  for (const f of manifest.files) {
    if (!f.existed) {
      await fs.rm(f.path, { force: true });
      continue;
    }
    const bytes = await fs.readFile(path.join(backupsDir, manifest.id, f.copy!));
    await writeFileAtomic(f.path, bytes, f.mode === undefined ? {} : { mode: f.mode });
  }
}
