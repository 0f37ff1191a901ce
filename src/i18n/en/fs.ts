import type { Messages } from '../message.js';

/** English messages of the fs area. Ids start with `fs.`. */
export const fs = {
  // What llmctl was doing when the OS said no: `cannot <action> <file>`.
  'fs.action.read': 'read',
  'fs.action.write': 'write',
  'fs.action.remove': 'remove',
  'fs.action.use': 'use',
  'fs.action.followLink': 'follow the link',
  'fs.action.createFolder': 'create the folder',
  'fs.action.takeLock': 'take the lock',
  'fs.action.readLock': 'read the lock',
  'fs.action.backUp': 'back up',
  'fs.action.readBackups': 'read the backups folder',
  'fs.action.readBackupCopy': 'read the backup copy',
  'fs.action.readSecrets': 'read the secrets file',
  'fs.osError': (p: { action: string; file: string; said: string; at?: string; code: string }) =>
    `cannot ${p.action} ${p.file}: ${p.said}${p.at ? ` (at ${p.at})` : ''} [${p.code}]`,
  'fs.os.EACCES': 'permission denied',
  'fs.os.EACCES.todo':
    'check the owner and permissions of the file and of its folder (ls -ld), and run llmctl as the user who owns them',
  'fs.os.EPERM': 'operation not permitted',
  'fs.os.EPERM.todo':
    'check the owner, permissions and flags of the file and its folder ' +
    '(e.g. chattr +i, macOS "locked"), and run llmctl as their owner',
  'fs.os.EROFS': 'the file system is read-only',
  'fs.os.EROFS.todo': 'remount it read-write, or point llmctl at a writable place',
  'fs.os.ENOSPC': 'no space left on the device',
  'fs.os.ENOSPC.todo': 'free some disk space and run the command again',
  'fs.os.EDQUOT': 'the disk quota is exceeded',
  'fs.os.EDQUOT.todo': 'free some space in your quota and run the command again',
  'fs.os.EBUSY': 'the file is busy (in use by another program, or a mount point)',
  'fs.os.EBUSY.todo': 'close the program that holds it and run the command again',
  'fs.os.ENOENT': 'a folder on its path does not exist',
  'fs.os.ENOENT.todo': 'create the folder, or check the path (and any symlink on it)',
  'fs.os.ENOTDIR': 'a part of its path is a file, not a folder',
  'fs.os.ENOTDIR.todo': 'move that file away or fix the path',
  'fs.os.EISDIR': 'it is a folder, not a file',
  'fs.os.EISDIR.todo': 'move the folder away, or point llmctl at a file',
  'fs.os.EMFILE': 'too many open files in this process',
  'fs.os.EMFILE.todo': 'raise the limit (ulimit -n) or close other programs, then run again',
  'fs.os.ENFILE': 'too many open files on this system',
  'fs.os.ENFILE.todo': 'close other programs, then run again',
  'fs.os.ELOOP': 'too many levels of symbolic links',
  'fs.os.ELOOP.todo': 'point the link at a real file',
  'fs.os.ENAMETOOLONG': 'the path is too long',
  'fs.os.ENAMETOOLONG.todo': 'use a shorter path',
  'fs.os.EIO': 'an input/output error from the disk',
  'fs.os.EIO.todo': 'check the disk (dmesg), then run again',
  'fs.os.ETXTBSY': 'the file is in use as a running program',
  'fs.os.ETXTBSY.todo': 'stop that program, then run again',

  // Symlinks (atomic.ts)
  'fs.linkLoop': (p: { file: string; max: number }) => `${p.file} is a symlink loop (more than ${p.max} links)`,
  'fs.linkLoopHint': (p: { file: string }) => `point ${p.file} at a real file`,
  'fs.linkInStore': (p: { store: string }) => `it is in ${p.store}, which is read-only`,
  'fs.linkDirReadOnly': (p: { dir: string }) => `${p.dir} is on a read-only file system`,
  'fs.linkDirNotWritable': (p: { dir: string }) => `${p.dir} is not writable by this user`,
  'fs.linkReadOnly': (p: { link: string; target: string; why: string }) =>
    `${p.link} is a symlink to ${p.target}, and ${p.why}`,
  'fs.linkReadOnlyHint':
    'change the file where it comes from (e.g. your home-manager or dotfiles ' +
    'config), or replace the link with a regular file; nothing was written',

  // Backups (backup.ts)
  'fs.backupHint': 'list them with `llmctl restore --list`, or run `llmctl restore` for the last one',
  'fs.notBackupId': (p: { id: string }) => `"${p.id}" is not a backup id (they look like 20260101-120000000-ab12)`,
  'fs.noSuchBackup': (p: { id: string; dir: string }) => `there is no backup "${p.id}" in ${p.dir}`,
  'fs.backupNoManifest': (p: { id: string }) => `backup "${p.id}" has no manifest.json`,
  'fs.manifestNotJson': (p: { file: string; error: string }) => `${p.file} is not valid JSON: ${p.error}`,
  'fs.manifestNotJsonHint': 'pick another backup',
  'fs.manifestBadId': (p: { id: string }) => `its id is not "${p.id}" or it lists no files`,
  'fs.manifestNotManaged': (p: { file: string }) => `${p.file} is not a file llmctl manages`,
  'fs.manifestBadCopy': (p: { file: string; copy: string }) =>
    `the copy of ${p.file} ("${p.copy}") is not a file in the backup`,
  'fs.manifestBadMode': (p: { file: string }) => `the mode of ${p.file} is not a file mode`,
  'fs.manifestRefused': (p: { id: string }) =>
    `backup ${p.id} cannot be restored: its manifest names files outside what llmctl manages`,
  'fs.manifestRefusedHint': 'nothing was changed; restore another backup (`llmctl restore --list`)',

  // The lock (lock.ts)
  'fs.lockOwnerUnreadable': 'a process that left no readable owner',
  'fs.lockOwnerOtherHost': (p: { pid: number; host: string }) => `pid ${p.pid} on host ${p.host}`,
  'fs.lockOwner': (p: { pid: number }) => `pid ${p.pid}`,
  'fs.locked': (p: { who: string }) => `another llmctl (${p.who}) is changing files right now`,
  'fs.lockedHint': (p: { file: string }) => `wait for it to finish; if no llmctl is running, delete ${p.file}`,

  // The write transaction (txn.ts)
  'fs.protected': (p: { file: string; mode: string }) =>
    `${p.file} is read-only (mode ${p.mode}): it looks protected on purpose, so llmctl did not change it`,
  'fs.protectedHint': (p: { target: string }) =>
    `make it writable (chmod u+w ${p.target}) or run the command ` +
    `again with --force to write it anyway; nothing was written`,
  'fs.readsBackDifferently': (p: { file: string }) => `${p.file}: what was written reads back differently`,
  'fs.readsBackDifferentlyHint': 'check the disk; nothing was changed',
  'fs.keptChanging': (p: { file: string }) =>
    `${p.file} kept changing while llmctl was writing it (another program is writing it)`,
  'fs.keptChangingHint': 'run the command again when that program is idle; nothing was changed',
  'fs.rollBackFailed': (p: { message: string; files: string }) =>
    `${p.message}; and putting back ${p.files} failed too`,
  'fs.rollBackFailedRestore': (p: { id: string }) => `run \`llmctl restore ${p.id}\` to put every file back as it was`,
  'fs.rollBackFailedCheck': 'check the files named above',

  // Reading a tool's file (utf8.ts); also the hint of every refusal of a tool's file.
  'fs.nothingWritten': 'fix the file and run the command again; nothing was written (to no file at all)',
  'fs.notUtf8': (p: { byte: string; offset: number }) => `not valid UTF-8: byte ${p.byte} at offset ${p.offset}`,
  'fs.notUtf8Hint':
    'the file was saved in another encoding (Latin-1, GBK…) or has a stray byte; ' +
    're-save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`) or remove that byte',
} satisfies Messages;
