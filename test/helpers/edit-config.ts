import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox } from './cli.js';

/**
 * Edits the sandbox's llmctl.yaml in place, as a user does in an editor: the first `from` becomes `to`.
 * Throws when `from` is not in the file, so a test whose edit no longer applies fails instead of
 * testing an unchanged config.
 */
export function editConfig(sb: Sandbox, from: string, to: string): void {
  const file = path.join(sb.llmctlHome, 'llmctl.yaml');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`editConfig: ${JSON.stringify(from)} is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}
