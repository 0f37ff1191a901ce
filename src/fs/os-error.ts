import { LlmctlError, isNodeError } from '../errors.js';

/**
 * What the OS said, in words, and what the user can do about it. A failed file operation is the
 * machine's state (permissions, a full disk, a read-only mount), never a bug in llmctl: it becomes a
 * user error naming the file.
 */
const OS_ERRORS: Record<string, { said: string; todo: string }> = {
  EACCES: {
    said: 'permission denied',
    todo: 'check the owner and permissions of the file and of its folder (ls -ld), and run llmctl as the user who owns them',
  },
  EPERM: {
    said: 'operation not permitted',
    todo: 'check the owner, permissions and flags of the file and its folder (e.g. chattr +i, macOS "locked"), and run llmctl as their owner',
  },
  EROFS: { said: 'the file system is read-only', todo: 'remount it read-write, or point llmctl at a writable place' },
  ENOSPC: { said: 'no space left on the device', todo: 'free some disk space and run the command again' },
  EDQUOT: { said: 'the disk quota is exceeded', todo: 'free some space in your quota and run the command again' },
  EBUSY: {
    said: 'the file is busy (in use by another program, or a mount point)',
    todo: 'close the program that holds it and run the command again',
  },
  ENOENT: {
    said: 'a folder on its path does not exist',
    todo: 'create the folder, or check the path (and any symlink on it)',
  },
  ENOTDIR: { said: 'a part of its path is a file, not a folder', todo: 'move that file away or fix the path' },
  EISDIR: { said: 'it is a folder, not a file', todo: 'move the folder away, or point llmctl at a file' },
  EMFILE: {
    said: 'too many open files in this process',
    todo: 'raise the limit (ulimit -n) or close other programs, then run again',
  },
  ENFILE: { said: 'too many open files on this system', todo: 'close other programs, then run again' },
  ELOOP: { said: 'too many levels of symbolic links', todo: 'point the link at a real file' },
  ENAMETOOLONG: { said: 'the path is too long', todo: 'use a shorter path' },
  EIO: { said: 'an input/output error from the disk', todo: 'check the disk (dmesg), then run again' },
  ETXTBSY: { said: 'the file is in use as a running program', todo: 'stop that program, then run again' },
};

/** True when `e` is an OS error this module can explain. */
export function isOsError(e: unknown): e is NodeJS.ErrnoException {
  return isNodeError(e) && Object.hasOwn(OS_ERRORS, e.code!);
}

/**
 * The user error for an OS failure while doing `action` ("write", "read", "lock"…) on `file`; any
 * other error is returned unchanged. Use as `catch (e) { throw osError(e, file, 'write') }`.
 */
export function osError(e: unknown, file: string, action: string): unknown {
  if (e instanceof LlmctlError || !isOsError(e)) return e;
  const { said, todo } = OS_ERRORS[e.code!]!;
  const where = e.path && e.path !== file ? ` (at ${e.path})` : '';
  return new LlmctlError(`cannot ${action} ${file}: ${said}${where} [${e.code}]`, { hint: todo, cause: e });
}

/** Runs one file operation and turns an OS failure into a user error naming `file`. */
export async function withOsErrors<T>(file: string, action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw osError(e, file, action);
  }
}
