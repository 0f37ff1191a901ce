import { jsonc } from '../deps.js';
import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { jsonDuplicateKeys, refuseDuplicates } from './duplicate-keys.js';
import { setJsonValue } from './json-edit.js';
import { decide, hashValue, problem } from './managed.js';
import { checkJsonDepth } from './read-tool-file.js';

/**
 * opencode's opencode.json (JSONC: comments and trailing commas), patched value by value with
 * json-edit's splices: llmctl owns `provider.llmctl` and, when the user lets it, the top-level
 * `model`; the user's comments, other providers, agents, MCP servers and every other byte stay.
 */

export const OPENCODE_PROVIDER_ID = 'llmctl';
const PROVIDER_KEY = 'provider.llmctl';

export interface OpencodeWanted {
  provider: Record<string, unknown>;
  /** `llmctl/<model>`. */
  model: string;
  setDefault: boolean | undefined;
}

export interface OpencodeState {
  keys: Record<string, string>;
  /** The top-level model the user had before llmctl took it over (given back by unlink). */
  originals: Record<string, { value: unknown }>;
  /** llmctl added the `provider` object itself. */
  createdProvider?: boolean;
}

export interface OpencodePatchResult {
  text: string;
  state: OpencodeState;
  conflicts: Problem[];
  warnings: Problem[];
}

/** Parses JSONC as opencode does (comments, trailing commas), or refuses it with file:line:col. */
export function parseJsoncObject(text: string, file: string): Record<string, unknown> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return {};
  checkJsonDepth(body, file);
  const { parse, printParseErrorCode } = jsonc();
  const errors: { error: number; offset: number }[] = [];
  const value: unknown = parse(body, errors as never, { allowTrailingComma: true, disallowComments: false });
  const e = errors[0];
  if (e) {
    const before = body.slice(0, e.offset);
    const line = before.split('\n').length;
    const col = e.offset - before.lastIndexOf('\n');
    const what = printParseErrorCode(e.error as never);
    throw new LlmctlError(t('tools.jsonc.invalid', { file, where: `:${line}:${col}`, what }), {
      problems: [{ file, line, col, message: what }],
      hint: t('tools.fixAndRetry'),
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LlmctlError(t('tools.jsonc.notObject', { file }), { hint: t('tools.fixAndRetry') });
  }
  return value as Record<string, unknown>;
}

/** Paths llmctl edits in opencode.json: `provider`, `model` and `provider.llmctl`. */
function opencodeEdits(path: readonly string[]): boolean {
  if (path.length === 1) return path[0] === 'provider' || path[0] === 'model';
  return path.length === 2 && path[0] === 'provider' && path[1] === OPENCODE_PROVIDER_ID;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function patchOpencodeConfig(
  text: string | null,
  file: string,
  w: OpencodeWanted | undefined,
  previous: OpencodeState | undefined,
  options: { force: boolean },
): OpencodePatchResult {
  const src = text ?? '';
  const current = parseJsoncObject(src, file);
  refuseDuplicates(file, jsonDuplicateKeys(src.replace(/^\uFEFF/, ''), opencodeEdits), 'opencode');
  if (current.provider !== undefined && !isObj(current.provider)) {
    throw new LlmctlError(t('tools.opencode.providerNotObject', { file }), { hint: t('tools.fixAndRetry') });
  }
  const prev = previous?.keys ?? {};
  const state: OpencodeState = { keys: {}, originals: {} };
  const conflicts: Problem[] = [];
  const warnings: Problem[] = [];
  let out = src;
  const curProvider = isObj(current.provider) ? current.provider[OPENCODE_PROVIDER_ID] : undefined;
  if (previous?.createdProvider) state.createdProvider = true;

  // 1. provider.llmctl.
  if (w) {
    const d = decide(curProvider, w.provider, prev[PROVIDER_KEY], options.force);
    if (d === 'write' || (d === 'foreign' && options.force)) {
      if (current.provider === undefined) state.createdProvider = true;
      // Replaced as remove + add: json-edit renders a replaced object one level too shallow.
      if (curProvider !== undefined) out = setJsonValue(out, ['provider', OPENCODE_PROVIDER_ID], undefined);
      out = setJsonValue(out, ['provider', OPENCODE_PROVIDER_ID], w.provider);
      state.keys[PROVIDER_KEY] = hashValue(w.provider);
    } else if (d === 'keep') state.keys[PROVIDER_KEY] = hashValue(w.provider);
    else {
      if (d === 'edited') state.keys[PROVIDER_KEY] = prev[PROVIDER_KEY]!;
      const message = t(d === 'edited' ? 'tools.editedByHand' : 'tools.opencode.foreignProvider');
      conflicts.push(problem(file, PROVIDER_KEY, message, t('tools.forceHint')));
    }
  }

  // 2. The top-level model, when the user lets llmctl set it.
  const modelDecision = w ? decide(current.model, w.model, prev.model, options.force) : undefined;
  const allowed =
    w !== undefined && (w.setDefault === true || (w.setDefault === undefined && modelDecision !== 'foreign'));
  if (w && allowed) {
    const recorded = previous?.originals?.model;
    if (recorded) state.originals.model = recorded;
    else if (current.model !== undefined && prev.model === undefined) state.originals.model = { value: current.model };
    if (modelDecision === 'keep') state.keys.model = hashValue(w.model);
    else if (modelDecision === 'edited') {
      state.keys.model = prev.model!;
      conflicts.push(problem(file, 'model', t('tools.editedByHand'), t('tools.forceHint')));
    } else {
      out = setJsonValue(out, ['model'], w.model);
      state.keys.model = hashValue(w.model);
      if (modelDecision === 'foreign') warnings.push(problem(file, 'model', t('tools.replacedForeign')));
    }
  } else if (w && w.setDefault === undefined) {
    warnings.push(
      problem(
        file,
        'model',
        t('tools.opencode.defaultLeft', { model: String(current.model) }),
        t('tools.opencode.defaultHint'),
      ),
    );
  }

  // 3. What llmctl managed before and no longer wants.
  for (const [key, recorded] of Object.entries(prev)) {
    if (key in state.keys) continue;
    const path = key === PROVIDER_KEY ? ['provider', OPENCODE_PROVIDER_ID] : [key];
    const cur = key === PROVIDER_KEY ? curProvider : current[key];
    if (cur === undefined) continue;
    if (hashValue(cur) !== recorded && !options.force) {
      warnings.push(problem(file, key, t('tools.nowYours')));
      continue;
    }
    out = setJsonValue(out, path, key === 'model' ? previous?.originals?.model?.value : undefined);
  }
  if (state.createdProvider && !(PROVIDER_KEY in state.keys)) {
    const after = parseJsoncObject(out, file).provider;
    if (isObj(after) && !Object.keys(after).length) out = setJsonValue(out, ['provider'], undefined);
    delete state.createdProvider;
  }
  return { text: out, state, conflicts, warnings };
}
