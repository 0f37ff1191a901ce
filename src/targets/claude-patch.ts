import { t } from '../i18n/index.js';
import { LlmctlError, type Problem } from '../errors.js';
import { parseJsonObject, setJsonValue } from './json-edit.js';
import { mergeNoProxy } from '../proxy/url.js';
import { decide, hashValue, problem } from './managed.js';
import { jsonDuplicateKeys, refuseDuplicates } from './duplicate-keys.js';

/**
 * Claude Code's settings.json, patched key by key. Everything llmctl does not manage — permissions,
 * hooks, statusLine, plugins, $schema, the user's other env vars — keeps its bytes and its order.
 */

/** Managed keys as dotted paths: `model`, `env.ANTHROPIC_BASE_URL`… (env names never contain dots). */
export type ClaudeWanted = Record<string, string>;

/** This target's section of state.json. */
export interface ClaudeState {
  /** Managed key → hash of the value llmctl wrote. */
  keys: Record<string, string>;
  /** llmctl added the `env` object itself (so removing everything gives back the original file). */
  createdEnv?: boolean;
  /**
   * What a managed key held before llmctl first managed it (an import hands the user's setup over,
   * so the values are often the same): given back when llmctl lets go of the key (unlink). A
   * credential is recorded only as a hash, never its value; unlink finds it in the secrets store.
   */
  originals?: Record<string, ClaudeOriginal>;
}

export type ClaudeOriginal = { value: unknown } | { hash: string };

/** Keys whose values are credentials: state.json holds only their hash. */
const CREDENTIAL_KEY = /(TOKEN|KEY|SECRET|PASSWORD)$/i;

/**
 * The original of `key` to carry in the new state: the recorded
 * one, or the value found now when llmctl takes the key over.
 */
function legacyState(previous: ClaudeState | undefined): boolean {
  return previous !== undefined && Object.keys(previous.keys ?? {}).length > 0 && previous.originals === undefined;
}

function originalOf(key: string, current: unknown, previous: ClaudeState | undefined): ClaudeOriginal | undefined {
  const recorded = previous?.originals?.[key];
  if (recorded) return recorded;
  if (current === undefined || previous?.keys?.[key] !== undefined) return undefined;
  return CREDENTIAL_KEY.test(key) ? { hash: hashValue(current) } : { value: current };
}

export interface ClaudePatchResult {
  text: string;
  state: ClaudeState;
  conflicts: Problem[];
  warnings: Problem[];
}

const split = (key: string): string[] => {
  const i = key.indexOf('.');
  return i < 0 ? [key] : [key.slice(0, i), key.slice(i + 1)];
};

function getIn(obj: Record<string, unknown>, path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** Keys whose values are merged with the user's rather than owned (NO_PROXY). */
export interface MergeKeys {
  /** Comma-separated hosts that must be in env.NO_PROXY. */
  noProxy?: { base: string | undefined; add: string[] };
}

export interface ClaudePatchOptions {
  force: boolean;
  merge?: MergeKeys;
  secretByHash?: (hash: string) => string | undefined;
}

/** What one patch collects while it walks the managed keys. */
interface PatchRun {
  file: string;
  current: Record<string, unknown>;
  previous: ClaudeState | undefined;
  options: ClaudePatchOptions;
  out: string;
  state: ClaudeState;
  conflicts: Problem[];
  warnings: Problem[];
}

export function patchClaudeSettings(
  text: string | null,
  file: string,
  wanted: ClaudeWanted,
  previous: ClaudeState | undefined,
  options: ClaudePatchOptions,
): ClaudePatchResult {
  const current = parseJsonObject(text ?? '', file);
  // i18n-ignore: the name of the program that reads the file
  refuseDuplicates(file, jsonDuplicateKeys(text ?? ''), 'Claude Code (JSON.parse)');
  refuseEnvNotObject(current, file);
  const run: PatchRun = {
    file,
    current,
    previous,
    options,
    out: text ?? '',
    state: initialState(current, wanted, previous),
    conflicts: [],
    warnings: [],
  };
  for (const [key, value] of Object.entries(wanted)) placeWanted(run, key, value);
  for (const [key, recorded] of Object.entries(previous?.keys ?? {})) if (!(key in wanted)) letGo(run, key, recorded);
  mergeNoProxyKey(run);
  if (typeof getIn(current, ['env', 'ANTHROPIC_API_KEY']) === 'string') {
    const message = t('targets.claudeApiKeyToo');
    run.warnings.push(problem(file, 'env.ANTHROPIC_API_KEY', message, t('targets.claudeApiKeyTooHint')));
  }
  return { text: run.out, state: run.state, conflicts: run.conflicts, warnings: run.warnings };
}

function refuseEnvNotObject(current: Record<string, unknown>, file: string): void {
  const env = current.env;
  if (env === undefined || (env !== null && typeof env === 'object' && !Array.isArray(env))) return;
  throw new LlmctlError(t('targets.claudeEnvNotObject', { file }), {
    problems: [{ file, path: 'env', message: t('targets.claudeEnvShape') }],
    hint: t('targets.claudeEnvHint'),
  });
}

/**
 * The new state before any key is placed: originals recorded
 * (unless an older llmctl's state lacks them), `env` ownership.
 */
function initialState(
  current: Record<string, unknown>,
  wanted: ClaudeWanted,
  previous: ClaudeState | undefined,
): ClaudeState {
  // A state written before llmctl recorded originals: what the keys held before is unknown, not "nothing".
  const state: ClaudeState = legacyState(previous) ? { keys: {} } : { keys: {}, originals: {} };
  const hadEnv = current.env !== undefined;
  if (!hadEnv && Object.keys(wanted).some((k) => k.startsWith('env.'))) state.createdEnv = true;
  else if (previous?.createdEnv) state.createdEnv = true;
  return state;
}

/** One managed key: written, kept, or left as the user edited it (reported). */
function placeWanted(run: PatchRun, key: string, value: string): void {
  const { file, state } = run;
  const path = split(key);
  const cur = getIn(run.current, path);
  const original = originalOf(key, cur, run.previous);
  if (original && state.originals) state.originals[key] = original;
  const recorded = run.previous?.keys?.[key];
  const d = decide(cur, value, recorded, run.options.force);
  if (d === 'edited') {
    state.keys[key] = recorded!;
    run.conflicts.push(problem(file, key, t('targets.claudeEdited'), t('targets.claudeEditedHint')));
    return;
  }
  if (d !== 'keep') run.out = setJsonValue(run.out, path, value);
  state.keys[key] = hashValue(value);
  // 'foreign': a value the user set before llmctl managed this key. llmctl's job is to wire the tool,
  // so it takes the key over; the old file is in the sync's backup.
  if (d === 'foreign')
    run.warnings.push(problem(file, key, t('targets.claudeReplaced'), t('targets.claudeReplacedHint')));
}

/** A key llmctl managed before but no longer wants (e.g. maxOutputTokens removed from llmctl.yaml). */
function letGo(run: PatchRun, key: string, recorded: string): void {
  const path = split(key);
  const cur = getIn(run.current, path);
  if (cur === undefined) return;
  if (hashValue(cur) !== recorded && !run.options.force) {
    run.warnings.push(problem(run.file, key, t('targets.claudeLetGoEdited')));
    return;
  }
  const back = giveBack(key, cur, run.previous?.originals?.[key], run.options.secretByHash);
  run.out = setJsonValue(run.out, path, back.value);
  if (back.warning) run.warnings.push(problem(run.file, key, back.warning.message, back.warning.hint));
}

/** env.NO_PROXY is the user's list with llmctl's loopback hosts merged in, never replaced. */
function mergeNoProxyKey(run: PatchRun): void {
  const np = run.options.merge?.noProxy;
  if (!np) return;
  const cur = getIn(run.current, ['env', 'NO_PROXY']);
  const merged = mergeNoProxy(typeof cur === 'string' ? cur : np.base, np.add);
  if (merged !== cur) run.out = setJsonValue(run.out, ['env', 'NO_PROXY'], merged);
}

/**
 * The value a key gets when llmctl lets go of it: what the user had before llmctl managed it
 * (a credential: the current value if it is that one, else the stored secret with that hash), or
 * nothing when the key was llmctl's own addition. A credential that cannot be found is said plainly.
 */
function giveBack(
  key: string,
  current: unknown,
  original: ClaudeOriginal | undefined,
  secretByHash?: (hash: string) => string | undefined,
): { value: unknown; warning?: { message: string; hint: string } } {
  if (!original) return { value: undefined };
  if ('value' in original) return { value: original.value };
  if (hashValue(current) === original.hash) return { value: current };
  const found = secretByHash?.(original.hash);
  if (found !== undefined) return { value: found };
  return {
    value: undefined,
    warning: {
      message: t('targets.claudeCannotGiveBack'),
      hint: t('targets.claudeCannotGiveBackHint'),
    },
  };
}

/**
 * `llmctl unlink claude`: removes the keys llmctl manages, giving back the values they had before
 * llmctl took them over (recorded in state.json), except those edited by hand since llmctl
 * wrote them (reported, and now the user's) unless forced, and the `env` object llmctl created if it
 * is empty then. The merged NO_PROXY entries stay: they only keep loopback off a system proxy.
 */
export function unlinkClaudeSettings(
  text: string,
  file: string,
  previous: ClaudeState | undefined,
  force: boolean,
  secretByHash?: (hash: string) => string | undefined,
): ClaudePatchResult {
  const r = patchClaudeSettings(text, file, {}, previous, { force, ...(secretByHash ? { secretByHash } : {}) });
  let out = r.text;
  if (previous?.createdEnv && out.trim() !== '') {
    const env = getIn(parseJsonObject(out, file), ['env']);
    if (env && typeof env === 'object' && !Object.keys(env).length) out = setJsonValue(out, ['env'], undefined);
  }
  if (legacyState(previous)) {
    r.warnings.push(problem(file, 'env', t('targets.claudeLegacyUnlink'), t('targets.claudeLegacyUnlinkHint')));
  }
  return { ...r, text: out, state: { keys: {} } };
}

/**
 * Removes every entry llmctl manages (as recorded in its state) — the inverse of a patch on an
 * untouched file. Used by tests to prove a patch changes nothing else.
 */
export function unpatchClaudeSettings(text: string, state: ClaudeState): string {
  let out = text;
  for (const key of Object.keys(state.keys)) out = setJsonValue(out, split(key), undefined);
  if (state.createdEnv) {
    const env = getIn(parseJsonObject(out, 'settings.json'), ['env']);
    if (env && typeof env === 'object' && !Object.keys(env).length) out = setJsonValue(out, ['env'], undefined);
  }
  return out;
}
