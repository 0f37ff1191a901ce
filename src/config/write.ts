import { pathToFileURL } from 'node:url';
import { createBackup, type BackupManifest } from '../fs/backup.js';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Paths } from '../platform/paths.js';
import { packageFile } from '../version.js';
import { yaml } from '../deps.js';

/**
 * Writing llmctl.yaml. Every file llmctl writes starts with a yaml-language-server line pointing at
 * the JSON Schema shipped with the package, so VS Code (Red Hat YAML extension) completes and checks
 * the file while the user types.
 */

export const SCHEMA_FILE = packageFile('schema', 'llmctl.schema.json');

export function schemaUrl(): string {
  return pathToFileURL(SCHEMA_FILE).href;
}

const SCHEMA_LINE = /^#\s*yaml-language-server:\s*\$schema=\S*[^\S\n]*\n?/;

/** Puts the schema line first, replacing an older one (another install's path) if present. */
export function withSchemaLine(text: string, url = schemaUrl()): string {
  const line = `# yaml-language-server: $schema=${url}\n`;
  const rest = text.replace(/^\uFEFF/, '').replace(SCHEMA_LINE, '');
  return line + rest;
}

/**
 * Sets values in llmctl.yaml's text by editing the parsed document, so the user's comments and key
 * order survive and only those values change.
 */
export function setConfigValues(text: string, values: [path: (string | number)[], value: unknown][]): string {
  const doc = yaml().parseDocument(text);
  for (const [path, value] of values) doc.setIn(path, value);
  return doc.toString({ lineWidth: 0 });
}

export interface WriteConfigResult {
  file: string;
  /** False when the file already had exactly these bytes (then it is not touched at all). */
  written: boolean;
  created: boolean;
  backup?: BackupManifest;
}

/** New text for llmctl.yaml: fixed, or an edit of its current text (null: the file does not exist). */
export type ConfigContent = string | ((current: string | null) => string);

/**
 * Writes llmctl.yaml atomically; an existing file is backed up first (same backups/ as a sync, so
 * `llmctl restore` undoes it). The caller must hold the llmctl lock, or use writeConfigLocked. An
 * edit function gets the text as it is now, so an edit never undoes another llmctl's write.
 */
export async function writeConfig(
  paths: Pick<Paths, 'backups'>,
  file: string,
  content: ConfigContent,
  // i18n-ignore: a backup's reason is data (the manifest; `restore` matches on it)
  reason = 'write llmctl.yaml',
): Promise<WriteConfigResult> {
  const before = await readTextIfExists(file);
  const after = withSchemaLine(typeof content === 'string' ? content : content(before));
  if (before === after) return { file, written: false, created: false };
  let backup: BackupManifest | undefined;
  if (before !== null) backup = await createBackup(paths.backups, [file], reason);
  await writeFileAtomic(file, after, before === null ? { mode: 0o644 } : {});
  return { file, written: true, created: before === null, ...(backup ? { backup } : {}) };
}

/**
 * writeConfig under the llmctl lock. A read-modify-write passes an edit function (it then sees the
 * file as read under the lock), or `expect`: the text the new content was made from, and a file that
 * no longer has it is refused instead of overwritten.
 */
export async function writeConfigLocked(
  paths: Pick<Paths, 'backups' | 'lock'>,
  file: string,
  content: ConfigContent,
  reason?: string,
  expect?: { before: string | null },
): Promise<WriteConfigResult> {
  return withLock(paths.lock, () => {
    const guarded: ConfigContent = expect
      ? (current) => {
          if (current !== expect.before)
            throw new LlmctlError(t('config.changedWhileRunning', { file }), {
              hint: t('config.changedWhileRunningHint'),
            });
          return typeof content === 'string' ? content : content(current);
        }
      : content;
    return writeConfig(paths, file, guarded, reason);
  });
}
