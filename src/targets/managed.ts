import { t } from '../i18n/index.js';
import { createHash } from 'node:crypto';
import type { Problem } from '../errors.js';

/**
 * Ownership bookkeeping shared by the tool targets: llmctl records a hash of every entry it wrote
 * (in state.json), so a later sync can tell its own untouched entries (update freely) from entries
 * the user edited by hand (report, leave alone unless --force) and from the user's own (never touch).
 */

/** Stable across key order, so a reformatted but equal entry is not a hand edit. */
export function hashValue(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, 16);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export type Decision =
  /** Write llmctl's value (new, or llmctl's own unchanged entry, or --force). */
  | 'write'
  /** Already what llmctl wants. */
  | 'keep'
  /** llmctl wrote it, the user changed it since: leave it, report it. */
  | 'edited'
  /** Not llmctl's (no record) and different: the user's own. */
  | 'foreign';

/** What to do with one managed entry, given its current value, the wanted one and llmctl's record. */
export function decide(current: unknown, wanted: unknown, recorded: string | undefined, force: boolean): Decision {
  if (current === undefined) return 'write';
  if (sameValue(current, wanted)) return 'keep';
  if (recorded === undefined) return 'foreign';
  if (hashValue(current) === recorded || force) return 'write';
  return 'edited';
}

/**
 * Throws when llmctl would put a secret value into a file that must not hold it. A key the user
 * already had in the file (their own entry) is theirs: only what llmctl adds is checked.
 */
export function assertNoLeak(
  text: string,
  secrets: Iterable<string>,
  file: string,
  before: string | null = null,
): void {
  for (const s of secrets) {
    if (s.length >= 8 && text.includes(s) && !(before ?? '').includes(s)) {
      // An internal bug, not a user error: never write the file.
      throw new Error(t('targets.keyLeak', { file }));
    }
  }
}

export function problem(file: string, path: string, message: string, hint?: string): Problem {
  return { file, path, message, ...(hint ? { hint } : {}) };
}
