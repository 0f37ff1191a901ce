import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { LlmctlError, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { isAlive } from '../platform/process.js';
import { ensureDir } from './dir.js';
import { osError } from './os-error.js';

/** Reads a text file, or null when it does not exist. Other errors propagate. */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if (isNodeError(e) && e.code === 'ENOENT') return null;
    throw osError(e, file, 'read');
  }
}

/** Stores whose files must never be edited in place: a link into one is a file managed elsewhere. */
const IMMUTABLE_STORES = ['/nix/store/', '/gnu/store/'];

/** More hops than any dotfile manager makes; past it the links are a loop. */
const MAX_LINK_HOPS = 32;

/**
 * The real file a write to `file` must replace. Dotfile managers (stow, chezmoi, yadm, home-manager)
 * keep ~/.claude/settings.json, llmctl.yaml and friends as symlinks, possibly relative, possibly
 * chained: the link must stay a link and its target get the new bytes, so a write renames its temp
 * file over the TARGET (next to it, for an atomic rename on the same file system). A target that does
 * not exist yet (dangling link) is where the new file goes. A link into a place that cannot be written
 * (a read-only file system, /nix/store, a folder without write permission) is refused here, before
 * anything is written, naming both the link and the target.
 */
export async function resolveWriteTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hop = 0; ; hop++) {
    let link: string;
    try {
      link = await fs.readlink(current);
    } catch (e) {
      // EINVAL: not a link; ENOENT: nothing there yet. Either way this is the file to write.
      if (isNodeError(e) && (e.code === 'EINVAL' || e.code === 'ENOENT' || e.code === 'UNKNOWN')) break;
      throw osError(e, file, 'followLink');
    }
    if (hop >= MAX_LINK_HOPS) {
      throw new LlmctlError(t('fs.linkLoop', { file, max: MAX_LINK_HOPS }), { hint: t('fs.linkLoopHint', { file }) });
    }
    current = path.resolve(path.dirname(current), link);
  }
  if (current !== path.resolve(file)) await refuseReadOnlyTarget(file, current);
  return current;
}

async function refuseReadOnlyTarget(link: string, target: string): Promise<void> {
  const dir = path.dirname(target);
  let why: string | undefined;
  if (IMMUTABLE_STORES.some((s) => target.startsWith(s)))
    why = t('fs.linkInStore', { store: dir.split('/').slice(0, 3).join('/') });
  else {
    try {
      await fs.access(dir, constants.W_OK);
    } catch (e) {
      const code = isNodeError(e) ? e.code : undefined;
      if (code === 'EROFS') why = t('fs.linkDirReadOnly', { dir });
      else if (code === 'EACCES' || code === 'EPERM') why = t('fs.linkDirNotWritable', { dir });
      // ENOENT: the target's folder does not exist yet; the write creates it.
    }
  }
  if (why) {
    throw new LlmctlError(t('fs.linkReadOnly', { link, target, why }), { hint: t('fs.linkReadOnlyHint') });
  }
}

/**
 * Writes through a temp file in the same folder as the real target (symlinks are followed, see
 * resolveWriteTarget), then renames it over the target, so a reader (or a crash) never sees half a
 * file and a symlink stays a symlink. The temp file is created with the final mode, so a secrets file
 * is never briefly world-readable. An existing file keeps its mode unless `mode` is given. On any
 * failure (a full disk, a read-only folder…) the temp file is removed, the target is untouched, and
 * an OS error becomes a user error naming the file.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Buffer,
  options: { mode?: number } = {},
): Promise<void> {
  const target = await resolveWriteTarget(file);
  const dir = path.dirname(target);
  await ensureDir(dir);
  let mode = options.mode;
  if (mode === undefined) {
    try {
      mode = (await fs.stat(target)).mode & 0o777;
    } catch {
      mode = 0o644;
    }
  }
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fs.open(tmp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() is subject to the umask; chmod makes the mode exact.
    await fs.chmod(tmp, mode);
    await fs.rename(tmp, target);
  } catch (e) {
    if (created) await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw osError(e, target === path.resolve(file) ? file : `${file} (→ ${target})`, 'write');
  }
}

/**
 * Removes a file llmctl manages; for a symlink, the file it points to (the link stays, as with a
 * write; a link into a read-only place is refused). A file already gone is fine.
 */
export async function removeFile(file: string): Promise<void> {
  const target = await resolveWriteTarget(file);
  try {
    await fs.rm(target, { force: true });
  } catch (e) {
    throw osError(e, target === path.resolve(file) ? file : `${file} (→ ${target})`, 'remove');
  }
}

/** Temp files llmctl makes: `.<name>.<pid>.<8 hex>.tmp` (writeFileAtomic), `<lock>.<pid>.<16 hex>.tmp` (the lock). */
const TEMP_FILE = /^.+\.(\d+)\.(?:[0-9a-f]{8}|[0-9a-f]{16})\.tmp$/;

/**
 * Removes the temp files a killed llmctl left in `dir` (their pid is gone); a live process's are
 * left alone. Returns the names removed. Best effort: a folder that cannot be read is skipped.
 */
export async function sweepTempFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    await fs.rm(path.join(dir, name), { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
