import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic.js';

/**
 * A content-addressed memo in the llmctl home (`cache/<name>.json`): a result is reused only when
 * every input that produced it hashes the same, so a stale entry is impossible — it is just a miss.
 * It holds derived data only (never a key), and losing it costs time, nothing else.
 */
export function cacheKey(...parts: (string | null | undefined)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p ?? '\u0000null').update('\u0000');
  return h.digest('hex');
}

const disabled = () => process.env.LLMCTL_NO_CACHE === '1';

export function readCache<T>(dir: string | undefined, name: string, key: string): T | undefined {
  if (!dir || disabled()) return undefined;
  try {
    const entry = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { key?: string; value?: T };
    return entry.key === key ? entry.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entries wait here until a command that writes anyway (sync, import, serve…) succeeds: read-only
 * commands (--dry-run, --check, status) and failed ones leave the llmctl home exactly as it was.
 */
const pending = new Map<string, { key: string; value: unknown }>();

/** `value` may be a function: it is then called only if the entry is really written (see flushCache). */
export function writeCache(dir: string | undefined, name: string, key: string, value: unknown): void {
  if (!dir || disabled()) return;
  pending.set(path.join(dir, `${name}.json`), { key, value });
}

/** Best effort: a read-only or full disk only loses the speed-up. */
export async function flushCache(): Promise<void> {
  const entries = [...pending];
  pending.clear();
  for (const [file, entry] of entries) {
    try {
      const value = typeof entry.value === 'function' ? (entry.value as () => unknown)() : entry.value;
      await writeFileAtomic(file, JSON.stringify({ key: entry.key, value }), { mode: 0o600 });
    } catch {
      // ignored on purpose
    }
  }
}

export async function memo<T>(
  dir: string | undefined,
  name: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = readCache<T>(dir, name, key);
  if (hit !== undefined) return hit;
  const value = await compute();
  writeCache(dir, name, key, value);
  return value;
}
