import { LlmctlError, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * What the OS said, in words, and what the user can do about it (the catalog's `fs.os.<CODE>` and
 * `fs.os.<CODE>.todo`). A failed file operation is the machine's state (permissions, a full disk, a
 * read-only mount), never a bug in llmctl: it becomes a user error naming the file.
 */
const OS_CODES = [
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EBUSY',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EMFILE',
  'ENFILE',
  'ELOOP',
  'ENAMETOOLONG',
  'EIO',
  'ETXTBSY',
] as const;
type OsCode = (typeof OS_CODES)[number];

/** What llmctl was doing: the catalog's `fs.action.<action>` ("cannot write …"). */
export type OsAction =
  | 'read'
  | 'write'
  | 'remove'
  | 'use'
  | 'followLink'
  | 'createFolder'
  | 'takeLock'
  | 'readLock'
  | 'backUp'
  | 'readBackups'
  | 'readBackupCopy'
  | 'readSecrets';

/** True when `e` is an OS error this module can explain. */
export function isOsError(e: unknown): e is NodeJS.ErrnoException {
  return isNodeError(e) && (OS_CODES as readonly string[]).includes(e.code!);
}

/**
 * The user error for an OS failure while doing `action` ("write", "read", "takeLock"…) on `file`; any
 * other error is returned unchanged. Use as `catch (e) { throw osError(e, file, 'write') }`.
 */
export function osError(e: unknown, file: string, action: OsAction): unknown {
  if (e instanceof LlmctlError || !isOsError(e)) return e;
  const code = e.code as OsCode;
  const message = t('fs.osError', {
    action: t(`fs.action.${action}`),
    file,
    said: t(`fs.os.${code}`),
    ...(e.path && e.path !== file ? { at: e.path } : {}),
    code,
  });
  return new LlmctlError(message, { hint: t(`fs.os.${code}.todo`), cause: e });
}

/** Runs one file operation and turns an OS failure into a user error naming `file`. */
export async function withOsErrors<T>(file: string, action: OsAction, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw osError(e, file, action);
  }
}
