import { pathToFileURL } from 'node:url';
import { createBackup, type BackupManifest } from '../fs/backup.js';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
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

/**
 * Writes llmctl.yaml atomically; an existing file is backed up first (same backups/ as a sync, so
 * `llmctl restore` undoes it). The caller must hold the llmctl lock, or use writeConfigLocked.
 */
export async function writeConfig(paths: Pick<Paths, 'backups'>, file: string, text: string, reason = 'write llmctl.yaml'): Promise<WriteConfigResult> {
  const after = withSchemaLine(text);
  const before = await readTextIfExists(file);
  if (before === after) return { file, written: false, created: false };
  let backup: BackupManifest | undefined;
  if (before !== null) backup = await createBackup(paths.backups, [file], reason);
  await writeFileAtomic(file, after, before === null ? { mode: 0o644 } : {});
  return { file, written: true, created: before === null, ...(backup ? { backup } : {}) };
}

export async function writeConfigLocked(paths: Pick<Paths, 'backups' | 'lock'>, file: string, text: string, reason?: string): Promise<WriteConfigResult> {
  return withLock(paths.lock, () => writeConfig(paths, file, text, reason));
}
