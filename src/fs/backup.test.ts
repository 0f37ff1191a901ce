import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup, listBackups, newBackupId, restoreBackup } from './backup.js';

describe('backups', () => {
  it('ids sort in time order even within one second', () => {
    const a = newBackupId(new Date('2026-11-26T10:00:00.120Z'));
    const b = newBackupId(new Date('2026-11-26T10:00:00.980Z'));
    expect(a.slice(0, 18) < b.slice(0, 18)).toBe(true);
    expect(a).toMatch(/^20261126-100000120-[0-9a-f]{4}$/);
  });

  it('lists backups made in quick succession in the order they were made, and restores exact bytes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-backup-'));
    const file = path.join(dir, 'f.txt');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      writeFileSync(file, `version ${i}\r\n\uFEFF`);
      ids.push((await createBackup(path.join(dir, 'backups'), [file], 'sync')).id);
    }
    const listed = await listBackups(path.join(dir, 'backups'));
    expect(listed.map((b) => b.id)).toEqual(ids);
    writeFileSync(file, 'changed');
    await restoreBackup(path.join(dir, 'backups'), listed[2]!);
    expect(readFileSync(file, 'utf8')).toBe('version 2\r\n\uFEFF');
  });

  it('a backup that cannot be completed leaves no half backup behind, and the OS error names the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'llmctl-backup-'));
    const ok = path.join(dir, 'ok.txt');
    writeFileSync(ok, 'fine');
    const folder = path.join(dir, 'settings.json');
    mkdirSync(folder); // reading it fails with EISDIR after the first copy was made
    await expect(createBackup(path.join(dir, 'backups'), [ok, folder], 'sync')).rejects.toThrow(
      `cannot back up ${folder}: it is a folder, not a file`,
    );
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([]);
    expect(await listBackups(path.join(dir, 'backups'))).toEqual([]);
  });
});
