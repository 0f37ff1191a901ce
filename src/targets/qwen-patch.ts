import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { jsonDuplicateKeys, refuseDuplicates } from './duplicate-keys.js';
import { setJsonValue } from './json-edit.js';
import { decide, hashValue, problem } from './managed.js';
import { parseJsoncObject } from './opencode-patch.js';

/**
 * Qwen Code's ~/.qwen/settings.json (JSON with comments), patched value by value: llmctl owns
 * `modelProviders.llmctl` and `providerProtocol.llmctl` and, when the user lets it, the default
 * model (`model.name`, `security.auth.selectedType`). Everything else keeps its bytes.
 */

export const QWEN_PROVIDER_ID = 'llmctl';

/** Dotted path → value. Paths never contain dots inside a segment (llmctl's own ids). */
export type QwenValues = [string, unknown][];

export interface QwenWanted {
  /** Always written. */
  own: QwenValues;
  /** Written together or not at all, when the user lets llmctl (setDefault). */
  defaults: QwenValues;
  setDefault: boolean | undefined;
}

export interface QwenState {
  keys: Record<string, string>;
  originals: Record<string, { value: unknown }>;
  /** Objects llmctl added (`modelProviders`, `security.auth`…): removed again once empty. */
  created: string[];
}

export interface QwenPatchResult {
  text: string;
  state: QwenState;
  conflicts: Problem[];
  warnings: Problem[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object holding nothing but (objects holding nothing but) empty objects. */
function emptyDeep(v: unknown): boolean {
  return isObj(v) && Object.values(v).every(emptyDeep);
}

function getIn(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

function qwenEdits(path: readonly string[]): boolean {
  return ['modelProviders', 'providerProtocol', 'model', 'security'].includes(path[0]!) && path.length <= 2;
}

/** Sets one managed value, recording the parent objects it had to create. */
function write(
  out: string,
  current: Record<string, unknown>,
  key: string,
  value: unknown,
  created: Set<string>,
): string {
  const path = key.split('.');
  for (let i = 1; i < path.length; i++) {
    const parent = path.slice(0, i);
    const v = getIn(current, parent);
    if (v === undefined) {
      const name = parent.join('.');
      if (![...created].some((c) => name.startsWith(`${c}.`))) created.add(name);
    } else if (!isObj(v)) {
      throw new LlmctlError(t('tools.qwen.notObject', { key: parent.join('.') }), { hint: t('tools.fixAndRetry') });
    }
  }
  return setJsonValue(out, path, value);
}

export function patchQwenSettings(
  text: string | null,
  file: string,
  w: QwenWanted | undefined,
  previous: QwenState | undefined,
  options: { force: boolean; tool?: 'qwen' | 'gemini' },
): QwenPatchResult {
  const src = text ?? '';
  const current = parseJsoncObject(src, file);
  const gemini = options.tool === 'gemini';
  // i18n-ignore: product names
  const reader = gemini ? 'Gemini CLI' : 'Qwen Code';
  refuseDuplicates(file, jsonDuplicateKeys(src.replace(/^\uFEFF/, ''), qwenEdits), reader);
  const prev = previous?.keys ?? {};
  const created = new Set(previous?.created ?? []);
  const state: QwenState = { keys: {}, originals: {}, created: [] };
  const conflicts: Problem[] = [];
  const warnings: Problem[] = [];
  let out = src;
  const at = (key: string) => getIn(current, key.split('.'));

  const defaults = w?.defaults ?? [];
  const allowed =
    w !== undefined &&
    (w.setDefault === true ||
      (w.setDefault === undefined && defaults.every(([k, v]) => decide(at(k), v, prev[k], false) !== 'foreign')));
  const wanted: QwenValues = [...(w?.own ?? []), ...(allowed ? defaults : [])];

  for (const [key, value] of wanted) {
    const cur = at(key);
    const recorded = previous?.originals?.[key];
    if (recorded) state.originals[key] = recorded;
    else if (cur !== undefined && prev[key] === undefined) state.originals[key] = { value: cur };
    const d = decide(cur, value, prev[key], options.force);
    if (d === 'keep') state.keys[key] = hashValue(value);
    else if (d === 'edited') {
      state.keys[key] = prev[key]!;
      conflicts.push(problem(file, key, t('tools.editedByHand'), t('tools.forceHint')));
    } else {
      out = write(out, current, key, value, created);
      state.keys[key] = hashValue(value);
      if (d === 'foreign') warnings.push(problem(file, key, t('tools.replacedForeign')));
    }
  }
  if (w && !allowed && w.setDefault === undefined) {
    warnings.push(
      problem(
        file,
        'model.name',
        t(gemini ? 'tools.gemini.defaultLeft' : 'tools.qwen.defaultLeft', { model: String(at('model.name')) }),
        t(gemini ? 'tools.gemini.defaultHint' : 'tools.qwen.defaultHint'),
      ),
    );
  }

  out = releaseUnwanted(out, file, current, previous, state, warnings, options.force);
  out = dropEmptyCreated(out, file, created, state);
  return { text: out, state, conflicts, warnings };
}

/** What llmctl managed before and no longer wants: the old value back, or nothing. */
function releaseUnwanted(
  text: string,
  file: string,
  current: Record<string, unknown>,
  previous: QwenState | undefined,
  state: QwenState,
  warnings: Problem[],
  force: boolean,
): string {
  let out = text;
  for (const [key, recorded] of Object.entries(previous?.keys ?? {})) {
    if (key in state.keys) continue;
    const cur = getIn(current, key.split('.'));
    if (cur === undefined) continue;
    if (hashValue(cur) !== recorded && !force) {
      warnings.push(problem(file, key, t('tools.nowYours')));
      continue;
    }
    out = setJsonValue(out, key.split('.'), previous?.originals?.[key]?.value);
  }
  return out;
}

/** Objects llmctl created and that are empty now go too (deepest first); the others stay recorded. */
function dropEmptyCreated(text: string, file: string, created: Set<string>, state: QwenState): string {
  let out = text;
  for (const name of [...created].sort((a, b) => b.length - a.length)) {
    const v = getIn(parseJsoncObject(out, file), name.split('.'));
    if (emptyDeep(v)) out = setJsonValue(out, name.split('.'), undefined);
    else if (v !== undefined) state.created.push(name);
  }
  return out;
}

/**
 * What llmctl recorded in state.json for a settings.json it patches the Qwen Code way (Qwen Code and
 * Gemini CLI), plus the .env keys it owns; anything malformed reads as nothing recorded.
 */
export function readSettingsState(recorded: unknown): QwenState & { env: string[] } {
  const s = recorded as Partial<QwenState & { env: string[] }> | undefined;
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  return {
    keys: obj(s?.keys) as QwenState['keys'],
    originals: obj(s?.originals) as QwenState['originals'],
    created: Array.isArray(s?.created) ? s.created : [],
    env: Array.isArray(s?.env) ? s.env : [],
  };
}
