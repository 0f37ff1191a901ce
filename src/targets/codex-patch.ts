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
  /**
   * What a top-level key held before llmctl took it over: its TOML source (given back by unlink). Never a credential.
   */
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

/** One patch run: the parsed file, llmctl's record, and what the steps below build up. */
interface Run {
  src: string;
  file: string;
  current: Record<string, unknown>;
  previous: Omit<CodexState, 'env'> | undefined;
  prev: Record<string, string>;
  force: boolean;
  out: string;
  state: Omit<CodexState, 'env'>;
  conflicts: Problem[];
  warnings: Problem[];
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
  const run: Run = {
    src,
    file,
    current,
    previous,
    prev: previous?.keys ?? {},
    force: options.force,
    out: src,
    state: { keys: {}, originals: {} },
    conflicts: [],
    warnings: [],
  };
  const allowed = patchTopLevel(run, w);
  const wroteTable = patchTable(run, w);
  const wanted = new Set([...(w.provider.length ? [TABLE_KEY] : []), ...(allowed ? w.top.map(([k]) => k) : [])]);
  releaseUnwanted(run, wanted);
  trailingEol(run);
  if (wroteTable) verify(toml, run.out, file, w);
  return { text: run.out, state: run.state, conflicts: run.conflicts, warnings: run.warnings };
}

/** Top-level model / model_provider, when the user lets llmctl set them. Returns whether it may. */
function patchTopLevel(run: Run, w: CodexWanted): boolean {
  const { current, prev, state, file } = run;
  const allowed = topKeysAllowed(current, w, prev);
  for (const [key, value] of allowed ? w.top : []) {
    const cur = current[key];
    const recorded = run.previous?.originals?.[key];
    if (recorded) state.originals[key] = recorded;
    else if (cur !== undefined && prev[key] === undefined) state.originals[key] = { raw: topLevelRaw(run.src, key)! };
    const d = decide(cur, value, prev[key], run.force);
    if (d === 'keep') state.keys[key] = hashValue(value);
    else if (d === 'edited') {
      state.keys[key] = prev[key]!;
      run.conflicts.push(problem(file, key, t('tools.editedByHand'), t('tools.forceHint')));
    } else {
      run.out = setTopLevel(run.out, key, tomlValue(value));
      state.keys[key] = hashValue(value);
      if (d === 'foreign')
        run.warnings.push(problem(file, key, t('tools.replacedForeign'), t('tools.codex.unlinkGivesBack')));
    }
  }
  if (!allowed && w.setDefault === undefined && w.top.length) {
    const provider = String(current.model_provider ?? 'openai');
    run.warnings.push(
      problem(file, 'model_provider', t('tools.codex.defaultLeft', { provider }), t('tools.codex.defaultHint')),
    );
  }
  return allowed;
}

/** The provider table (after the top-level keys: a new one is appended after them). Returns whether it was written. */
function patchTable(run: Run, w: CodexWanted): boolean {
  if (!w.provider.length) return false;
  const wantedTable = Object.fromEntries(w.provider);
  const d = decide(providerTable(run.current), wantedTable, run.prev[TABLE_KEY], run.force);
  if (d === 'write' || (d === 'foreign' && run.force)) {
    run.out = setTable(run.out, PROVIDER_PATH, w.provider);
    run.state.keys[TABLE_KEY] = hashValue(wantedTable);
    return true;
  }
  if (d === 'keep') run.state.keys[TABLE_KEY] = hashValue(wantedTable);
  else {
    if (d === 'edited') run.state.keys[TABLE_KEY] = run.prev[TABLE_KEY]!;
    const message = t(d === 'edited' ? 'tools.editedByHand' : 'tools.codex.foreignTable');
    run.conflicts.push(problem(run.file, TABLE_KEY, message, t('tools.forceHint')));
  }
  return false;
}

/** What llmctl managed before and no longer wants: removed, or given back what it held before. */
function releaseUnwanted(run: Run, wanted: Set<string>): void {
  for (const [key, recorded] of Object.entries(run.prev)) {
    if (wanted.has(key)) continue;
    const cur = key === TABLE_KEY ? providerTable(run.current) : run.current[key];
    if (cur === undefined) continue;
    if (hashValue(cur) !== recorded && !run.force) {
      run.warnings.push(problem(run.file, key, t('tools.nowYours')));
      continue;
    }
    if (key === TABLE_KEY) run.out = setTable(run.out, PROVIDER_PATH, undefined);
    else {
      const back = run.previous?.originals?.[key]?.raw;
      run.out = setTopLevel(run.out, key, typeof back === 'string' ? back : undefined);
    }
  }
}

/** The last line ending llmctl added to a file that had none goes with llmctl's last entry. */
function trailingEol(run: Run): void {
  const none = !Object.keys(run.state.keys).length;
  if (run.previous?.addedEol && !none) run.state.addedEol = true;
  else if (run.previous?.addedEol && none) run.out = run.out.replace(/\r?\n$/, '');
  else if (!none && run.src !== '' && !run.src.endsWith('\n') && run.out !== run.src) run.state.addedEol = true;
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
