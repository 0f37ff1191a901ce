import { createHash } from 'node:crypto';
import path from 'node:path';
import { setConfigValues } from '../config/write.js';
import { yaml } from '../deps.js';
import { t } from '../i18n/index.js';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';
import { hashValue } from '../targets/managed.js';
import { mergeImport, type MergeOptions, type MergeOutcome } from './merge.js';
import type { ImportResult } from './types.js';

/**
 * Import order must not change llmctl.yaml. Each import is recorded (imports.json, next to
 * state.json; keys only as hashes: their values are in the secrets store), and as long as
 * llmctl.yaml is exactly what the imports wrote, an import rebuilds it from all recorded imports
 * in one fixed order: LiteLLM (the proxy: real providers, params), then Continue (roles, its own
 * models), then Claude Code (which models it asks for). Once the user edits llmctl.yaml, a later
 * import adds to their file instead (src/importers/merge.ts).
 */

export const IMPORT_ORDER = ['litellm', 'continue', 'claude', 'codex', 'opencode', 'qwen', 'gemini'] as const;
type Tool = ImportResult['tool'];

interface StoredResult extends Omit<ImportResult, 'secrets' | 'warnings'> {
  /** Secret name → hash of its value. */
  secretHashes: Record<string, string>;
}

export interface Ledger {
  version: 1;
  /** sha256 of the llmctl.yaml the last import wrote, apiKey references aside (see shapeHash). */
  configHash?: string;
  /**
   * Per tool, every distinct import of it, oldest first (importing
   * a changed file adds to the old one, as import always does).
   */
  results: Partial<Record<Tool, StoredResult[]>>;
}

export const ledgerFile = (stateFile: string) => path.join(path.dirname(stateFile), 'imports.json');
export const textHash = (text: string) => createHash('sha256').update(text).digest('hex');

export async function readLedger(file: string): Promise<Ledger> {
  const text = await readTextIfExists(file).catch(() => null);
  try {
    const l = text === null ? undefined : (JSON.parse(text) as Ledger);
    if (l?.version === 1 && l.results && typeof l.results === 'object' && Object.values(l.results).every(Array.isArray))
      return l;
  } catch {
    // A damaged record only costs the rebuild: the next import adds to llmctl.yaml as it is.
  }
  return { version: 1, results: {} };
}

export async function writeLedger(file: string, ledger: Ledger): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(ledger, null, 2)}\n`, { mode: 0o600 });
}

export function storeResult(r: ImportResult): StoredResult {
  const { secrets, warnings: _w, ...rest } = r;
  return { ...rest, secretHashes: Object.fromEntries(Object.entries(secrets).map(([n, v]) => [n, hashValue(v)])) };
}

/**
 * A recorded import with its keys looked up again (by hash) among the stored ones; a key no longer stored is left out.
 */
function loadResult(s: StoredResult, storedValues: string[]): ImportResult {
  const { secretHashes, ...rest } = s;
  const secrets: Record<string, string> = {};
  for (const [n, h] of Object.entries(secretHashes ?? {})) {
    const v = storedValues.find((x) => hashValue(x) === h);
    if (v !== undefined) secrets[n] = v;
  }
  return { ...rest, secrets, warnings: [] };
}

/**
 * Whether llmctl.yaml is still only what imports wrote, so the import can rebuild it: there is none
 * yet, or it is byte for byte the last import's.
 */
export function importOnly(existing: string | null, ledger: Ledger): boolean {
  return existing === null || (ledger.configHash !== undefined && ledger.configHash === shapeHash(existing));
}

/**
 * A hash of llmctl.yaml without the providers' apiKey references: `llmctl keys set NAME` (what every
 * import's "no key yet" tells the user to run) repoints one, and that must not end the rebuilds.
 */
function shapeHash(text: string): string {
  const { isMap } = yaml();
  const doc = yaml().parseDocument(text);
  const providers = doc.get('providers', true);
  if (isMap(providers)) for (const p of providers.items) if (isMap(p.value)) p.value.delete('apiKey');
  return textHash(doc.toString({ lineWidth: 0 }));
}

/** The rebuilt text with the apiKey references the user set since (keys set) put back. */
function keepKeyRefs(existing: string | null, rebuilt: string): string {
  if (existing === null) return rebuilt;
  type P = Record<string, { apiKey?: string } | null>;
  const before = ((yaml().parse(existing) ?? {}) as { providers?: P }).providers ?? {};
  const now = ((yaml().parse(rebuilt) ?? {}) as { providers?: P }).providers ?? {};
  const values: [string[], unknown][] = [];
  for (const [name, p] of Object.entries(before)) {
    if (p?.apiKey !== undefined && now[name] && now[name]!.apiKey !== p.apiKey)
      values.push([['providers', name, 'apiKey'], p.apiKey]);
  }
  return values.length ? setConfigValues(rebuilt, values) : rebuilt;
}

/**
 * Rebuilds llmctl.yaml from the recorded imports plus `result`, in IMPORT_ORDER. The outcome is
 * reported against `existing`: what this import added, whatever step added it.
 */
export async function rebuildFromImports(
  existing: string | null,
  file: string,
  ledger: Ledger,
  result: ImportResult,
  storedValues: string[],
  options: MergeOptions,
): Promise<{ outcome: MergeOutcome; ledger: Ledger; ledgerChanged: boolean }> {
  const stored: Ledger['results'] = existing === null ? {} : { ...ledger.results };
  const mine = storeResult(result);
  const same = (stored[result.tool] ?? []).findIndex((r) => JSON.stringify(r) === JSON.stringify(mine));
  if (same < 0) stored[result.tool] = [...(stored[result.tool] ?? []), mine];
  let text: string | null = null;
  const secrets: Record<string, string> = {};
  let last: MergeOutcome | undefined;
  const steps: MergeOutcome[] = [];
  for (const t of IMPORT_ORDER) {
    for (const [i, s] of (stored[t] ?? []).entries()) {
      const r = s === mine ? result : loadResult(s, storedValues);
      const secretValue = (n: string) => secrets[n] ?? options.secretValue?.(n);
      const m = await mergeImport(text, file, r, { ...options, secretValue });
      if (m.changed) text = m.text;
      Object.assign(secrets, m.secrets);
      steps.push(m);
      if (t === result.tool && (s === mine || i === same)) last = m;
    }
  }
  const after = keepKeyRefs(existing, text ?? existing ?? '');
  const before = names(existing);
  const now = names(after);
  const outcome: MergeOutcome = {
    ...last!,
    text: after,
    changed: after !== (existing ?? ''),
    created: existing === null,
    addedProviders: now.providers.filter((p) => !before.providers.includes(p)),
    addedModels: now.models.filter((m) => !before.models.includes(m)),
    skippedModels: result.models
      .filter((m) => before.models.includes(m.name))
      .map((m) => ({ name: m.name, reason: t('importers.merge.modelExists', { name: m.name }) })),
    secrets,
    addedSettings: [...new Set(steps.flatMap((s) => s.addedSettings))].filter((s) => !before.settings.has(s)),
    noKey: steps
      .flatMap((s) => s.noKey)
      .filter((k) => !before.providers.includes(k.provider) && now.providers.includes(k.provider)),
    deferred: steps.flatMap((s) => s.deferred),
  };
  const next: Ledger = { version: 1, configHash: shapeHash(after), results: stored };
  return { outcome, ledger: next, ledgerChanged: JSON.stringify(next) !== JSON.stringify(ledger) };
}

function names(text: string | null): { providers: string[]; models: string[]; settings: Set<string> } {
  if (!text) return { providers: [], models: [], settings: new Set() };
  // The text is llmctl.yaml as an import wrote it (valid): a plain parse is enough.
  const raw = (yaml().parse(text) ?? {}) as {
    providers?: Record<string, unknown>;
    models?: { name?: string }[];
    proxy?: Record<string, unknown>;
    tools?: Record<string, unknown>;
  };
  const settings = new Set<string>();
  const walk = (o: unknown, p: string[]) => {
    if (o && typeof o === 'object' && !Array.isArray(o))
      for (const [k, v] of Object.entries(o)) p.length < 2 ? walk(v, [...p, k]) : settings.add([...p, k].join('.'));
    else if (p.length) settings.add(p.join('.'));
  };
  walk({ proxy: raw.proxy, tools: raw.tools }, []);
  return {
    providers: Object.keys(raw.providers ?? {}),
    models: (raw.models ?? []).map((m) => String(m?.name)),
    settings,
  };
}
