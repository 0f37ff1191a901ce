import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { decide, hashValue, problem, sameValue } from './managed.js';
import { findTable, parseToml, setTable, setTopLevel, tomlLib, tomlValue, topLevelRaw } from './codex-toml.js';

/**
 * Codex CLI's config.toml, patched in place. llmctl owns the `[model_providers.llmctl]` table and,
 * when the user lets it, the top-level `model` and `model_provider`; the user's comments, other
 * providers, MCP servers, projects and every other byte stay.
 */

/** The provider id llmctl adds: `[model_providers.llmctl]`. */
export const CODEX_PROVIDER_ID = 'llmctl';
export const PROVIDER_PATH = ['model_providers', CODEX_PROVIDER_ID];
const TABLE_KEY = 'model_providers.llmctl';

export interface CodexWanted {
  /** The provider table's entries, in the order they are written. */
  provider: [string, string][];
  /** Top-level keys llmctl sets (model, model_provider), when it may. */
  top: [string, string][];
  /** tools.codex.setDefault: true (take the top-level keys over), false (never set them), or unset. */
  setDefault: boolean | undefined;
}

/** This target's section of state.json. */
export interface CodexState {
  /** Managed key (`model`, `model_provider`, `model_providers.llmctl`) → hash of what llmctl wrote. */
  keys: Record<string, string>;
  /** What a top-level key held before llmctl took it over: its TOML source (given back by unlink). Never a credential. */
  originals: Record<string, { raw: string }>;
  /** llmctl added the file's last line ending (it had none): taken away with llmctl's last entry. */
  addedEol?: boolean;
  /** Names llmctl writes into Codex's .env. */
  env: string[];
}

export interface CodexPatchResult {
  text: string;
  state: Omit<CodexState, 'env'>;
  conflicts: Problem[];
  warnings: Problem[];
}

function providerTable(current: Record<string, unknown>): unknown {
  const mp = current.model_providers;
  return mp && typeof mp === 'object' && !Array.isArray(mp)
    ? (mp as Record<string, unknown>)[CODEX_PROVIDER_ID]
    : undefined;
}

/** Top-level keys: all or none, so Codex never gets llmctl's model with the user's provider. */
function topKeysAllowed(current: Record<string, unknown>, w: CodexWanted, prev: Record<string, string>): boolean {
  if (w.setDefault === true) return true;
  if (w.setDefault === false) return false;
  return w.top.every(([k, v]) => decide(current[k], v, prev[k], false) !== 'foreign');
}

export async function patchCodexConfig(
  text: string | null,
  file: string,
  w: CodexWanted,
  previous: Omit<CodexState, 'env'> | undefined,
  options: { force: boolean },
): Promise<CodexPatchResult> {
  const toml = await tomlLib();
  const src = text ?? '';
  const current = parseToml(toml, src, file);
  refuseOtherShapes(src, current, file);
  const prev = previous?.keys ?? {};
  const state: Omit<CodexState, 'env'> = { keys: {}, originals: {} };
  const conflicts: Problem[] = [];
  const warnings: Problem[] = [];
  let out = src;
  let wroteTable = false;

  // 1. Top-level model / model_provider, when the user lets llmctl set them.
  const allowed = topKeysAllowed(current, w, prev);
  for (const [key, value] of allowed ? w.top : []) {
    const cur = current[key];
    const recorded = previous?.originals?.[key];
    if (recorded) state.originals[key] = recorded;
    else if (cur !== undefined && prev[key] === undefined) state.originals[key] = { raw: topLevelRaw(src, key)! };
    const d = decide(cur, value, prev[key], options.force);
    if (d === 'keep') state.keys[key] = hashValue(value);
    else if (d === 'edited') {
      state.keys[key] = prev[key]!;
      conflicts.push(problem(file, key, t('tools.editedByHand'), t('tools.forceHint')));
    } else {
      out = setTopLevel(out, key, tomlValue(value));
      state.keys[key] = hashValue(value);
      if (d === 'foreign')
        warnings.push(problem(file, key, t('tools.replacedForeign'), t('tools.codex.unlinkGivesBack')));
    }
  }
  if (!allowed && w.setDefault === undefined && w.top.length) {
    warnings.push(
      problem(
        file,
        'model_provider',
        t('tools.codex.defaultLeft', { provider: String(current.model_provider ?? 'openai') }),
        t('tools.codex.defaultHint'),
      ),
    );
  }

  // 2. The provider table (after the top-level keys: a new one is appended after them).
  const wantedTable = Object.fromEntries(w.provider);
  const curTable = providerTable(current);
  if (w.provider.length) {
    const d = decide(curTable, wantedTable, prev[TABLE_KEY], options.force);
    if (d === 'write' || (d === 'foreign' && options.force)) {
      wroteTable = true;
      out = setTable(out, PROVIDER_PATH, w.provider);
      state.keys[TABLE_KEY] = hashValue(wantedTable);
    } else if (d === 'keep') state.keys[TABLE_KEY] = hashValue(wantedTable);
    else {
      if (d === 'edited') state.keys[TABLE_KEY] = prev[TABLE_KEY]!;
      conflicts.push(
        problem(
          file,
          TABLE_KEY,
          t(d === 'edited' ? 'tools.editedByHand' : 'tools.codex.foreignTable'),
          t('tools.forceHint'),
        ),
      );
    }
  }

  // 3. What llmctl managed before and no longer wants.
  const wantedKeys = new Set([...(w.provider.length ? [TABLE_KEY] : []), ...(allowed ? w.top.map(([k]) => k) : [])]);
  for (const [key, recorded] of Object.entries(prev)) {
    if (wantedKeys.has(key)) continue;
    const cur = key === TABLE_KEY ? curTable : current[key];
    if (cur === undefined) continue;
    if (hashValue(cur) !== recorded && !options.force) {
      warnings.push(problem(file, key, t('tools.nowYours')));
      continue;
    }
    if (key === TABLE_KEY) out = setTable(out, PROVIDER_PATH, undefined);
    else {
      const back = previous?.originals?.[key]?.raw;
      out = setTopLevel(out, key, typeof back === 'string' ? back : undefined);
    }
  }

  // 4. The last line ending llmctl added to a file that had none goes with llmctl's last entry.
  const none = !Object.keys(state.keys).length;
  if (previous?.addedEol && !none) state.addedEol = true;
  else if (previous?.addedEol && none) out = out.replace(/\r?\n$/, '');
  else if (!none && src !== '' && !src.endsWith('\n') && out !== src) state.addedEol = true;

  if (wroteTable) verify(toml, out, file, w);
  return { text: out, state, conflicts, warnings };
}

/** llmctl edits `[model_providers.llmctl]` as a table: written another way, it refuses rather than guess. */
function refuseOtherShapes(src: string, current: Record<string, unknown>, file: string): void {
  const mp = current.model_providers;
  if (mp !== undefined && (mp === null || typeof mp !== 'object' || Array.isArray(mp))) {
    throw new LlmctlError(t('tools.codex.notATable', { file, key: 'model_providers' }), {
      hint: t('tools.fixAndRetry'),
    });
  }
  if (providerTable(current) !== undefined && !findTable(src, PROVIDER_PATH)) {
    throw new LlmctlError(t('tools.codex.notATable', { file, key: TABLE_KEY }), { hint: t('tools.codex.tableHint') });
  }
  for (const key of ['model', 'model_provider']) {
    const v = current[key];
    if (v !== undefined && typeof v !== 'string') {
      throw new LlmctlError(t('tools.codex.notAString', { file, key }), { hint: t('tools.fixAndRetry') });
    }
  }
}

/** The result must parse and hold what llmctl meant (e.g. not a table added after an inline one). */
function verify(toml: Awaited<ReturnType<typeof tomlLib>>, out: string, file: string, w: CodexWanted): void {
  let parsed: Record<string, unknown>;
  try {
    parsed = toml.parse(out.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    throw new LlmctlError(t('tools.codex.cannotPatch', { file }), { hint: t('tools.codex.tableHint') });
  }
  if (!sameValue(providerTable(parsed), Object.fromEntries(w.provider))) {
    throw new LlmctlError(t('tools.codex.cannotPatch', { file }), { hint: t('tools.codex.tableHint') });
  }
}

/** `llmctl unlink codex`: llmctl's table goes, the top-level keys get back what they held before. */
export function unlinkCodexConfig(
  text: string,
  file: string,
  previous: Omit<CodexState, 'env'> | undefined,
  force: boolean,
): Promise<CodexPatchResult> {
  return patchCodexConfig(text, file, { provider: [], top: [], setDefault: false }, previous, { force });
}
