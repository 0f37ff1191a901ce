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
      out = setJsonValue(out, ['provider', OPENCODE_PROVIDER_ID], w.provider);
      state.keys[PROVIDER_KEY] = hashValue(w.provider);
    } else if (d === 'keep') state.keys[PROVIDER_KEY] = hashValue(w.provider);
    else {
      if (d === 'edited') state.keys[PROVIDER_KEY] = prev[PROVIDER_KEY]!;
      const message = t(d === 'edited' ? 'tools.editedByHand' : 'tools.opencode.foreignProvider');
      conflicts.push(problem(file, PROVIDER_KEY, message, t('tools.forceHint')));
    }
  }

  const run: Run = { file, current, previous, prev, force: options.force, out, state, conflicts, warnings };
  if (w) patchDefaultModel(run, w);
  releaseUnwanted(run, curProvider);
  out = run.out;
  if (state.createdProvider && !(PROVIDER_KEY in state.keys)) {
    const after = parseJsoncObject(out, file).provider;
    if (isObj(after) && !Object.keys(after).length) out = setJsonValue(out, ['provider'], undefined);
    delete state.createdProvider;
  }
  return { text: out, state, conflicts, warnings };
}

/** One patch run: the parsed file, llmctl's record, and what the steps build up. */
interface Run {
  file: string;
  current: Record<string, unknown>;
  previous: OpencodeState | undefined;
  prev: Record<string, string>;
  force: boolean;
  out: string;
  state: OpencodeState;
  conflicts: Problem[];
  warnings: Problem[];
}

/** The top-level model, when the user lets llmctl set it. */
function patchDefaultModel(run: Run, w: OpencodeWanted): void {
  const { current, prev, state, file } = run;
  const d = decide(current.model, w.model, prev.model, run.force);
  const allowed = w.setDefault === true || (w.setDefault === undefined && d !== 'foreign');
  if (!allowed) {
    if (w.setDefault === undefined) {
      const model = String(current.model);
      run.warnings.push(
        problem(file, 'model', t('tools.opencode.defaultLeft', { model }), t('tools.opencode.defaultHint')),
      );
    }
    return;
  }
  const recorded = run.previous?.originals?.model;
  if (recorded) state.originals.model = recorded;
  else if (current.model !== undefined && prev.model === undefined) state.originals.model = { value: current.model };
  if (d === 'keep') state.keys.model = hashValue(w.model);
  else if (d === 'edited') {
    state.keys.model = prev.model!;
    run.conflicts.push(problem(file, 'model', t('tools.editedByHand'), t('tools.forceHint')));
  } else {
    run.out = setJsonValue(run.out, ['model'], w.model);
    state.keys.model = hashValue(w.model);
    if (d === 'foreign') run.warnings.push(problem(file, 'model', t('tools.replacedForeign')));
  }
}

/** What llmctl managed before and no longer wants: removed, or given back what it held before. */
function releaseUnwanted(run: Run, curProvider: unknown): void {
  for (const [key, recorded] of Object.entries(run.prev)) {
    if (key in run.state.keys) continue;
    const path = key === PROVIDER_KEY ? ['provider', OPENCODE_PROVIDER_ID] : [key];
    const cur = key === PROVIDER_KEY ? curProvider : run.current[key];
    if (cur === undefined) continue;
    if (hashValue(cur) !== recorded && !run.force) {
      run.warnings.push(problem(run.file, key, t('tools.nowYours')));
      continue;
    }
    run.out = setJsonValue(run.out, path, key === 'model' ? run.previous?.originals?.model?.value : undefined);
  }
}
