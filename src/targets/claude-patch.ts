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

export function patchClaudeSettings(
  text: string | null,
  file: string,
  wanted: ClaudeWanted,
  previous: ClaudeState | undefined,
  options: { force: boolean; merge?: MergeKeys },
): ClaudePatchResult {
  const current = parseJsonObject(text ?? '', file);
  refuseDuplicates(file, jsonDuplicateKeys(text ?? ''), 'Claude Code (JSON.parse)');
  if (current.env !== undefined && (current.env === null || typeof current.env !== 'object' || Array.isArray(current.env))) {
    throw new LlmctlError(`${file}: "env" is not an object, so llmctl cannot add its variables to it`, {
      problems: [{ file, path: 'env', message: '"env" must be an object of NAME: "value" pairs' }],
      hint: 'fix or remove "env" in that file and run the command again; nothing was written',
    });
  }
  const prevKeys = previous?.keys ?? {};
  const state: ClaudeState = { keys: {} };
  const conflicts: Problem[] = [];
  const warnings: Problem[] = [];
  let out = text ?? '';
  const hadEnv = current.env !== undefined;
  if (!hadEnv && Object.keys(wanted).some((k) => k.startsWith('env.'))) state.createdEnv = true;
  else if (previous?.createdEnv) state.createdEnv = true;

  for (const [key, value] of Object.entries(wanted)) {
    const path = split(key);
    const cur = getIn(current, path);
    const d = decide(cur, value, prevKeys[key], options.force);
    if (d === 'keep') state.keys[key] = hashValue(value);
    else if (d === 'write') {
      out = setJsonValue(out, path, value);
      state.keys[key] = hashValue(value);
    } else if (d === 'edited') {
      state.keys[key] = prevKeys[key]!;
      conflicts.push(problem(file, key, 'edited by hand since llmctl wrote it: left as it is', 'run `llmctl sync --force` to put llmctl’s value back, or make llmctl.yaml say what you want'));
    } else {
      // A value the user set before llmctl managed this key: llmctl's job is to wire the tool, so it
      // takes the key over; the old file is in the sync's backup.
      out = setJsonValue(out, path, value);
      state.keys[key] = hashValue(value);
      warnings.push(problem(file, key, 'had a value llmctl did not write: replaced (the old file is in this sync’s backup)', 'undo with `llmctl restore`'));
    }
  }

  // Keys llmctl managed before but no longer wants (e.g. maxOutputTokens removed from llmctl.yaml).
  for (const [key, recorded] of Object.entries(prevKeys)) {
    if (key in wanted) continue;
    const path = split(key);
    const cur = getIn(current, path);
    if (cur === undefined) continue;
    if (hashValue(cur) === recorded || options.force) out = setJsonValue(out, path, undefined);
    else warnings.push(problem(file, key, 'no longer managed by llmctl and edited by hand: left as it is (now yours)'));
  }

  const np = options.merge?.noProxy;
  if (np) {
    const cur = getIn(current, ['env', 'NO_PROXY']);
    const base = typeof cur === 'string' ? cur : np.base;
    const merged = mergeNoProxy(base, np.add);
    if (merged !== cur) out = setJsonValue(out, ['env', 'NO_PROXY'], merged);
  }

  if (typeof getIn(current, ['env', 'ANTHROPIC_API_KEY']) === 'string') {
    warnings.push(
      problem(file, 'env.ANTHROPIC_API_KEY', 'is set too: Claude Code sends it as x-api-key next to llmctl’s ANTHROPIC_AUTH_TOKEN and asks to approve it', 'remove env.ANTHROPIC_API_KEY from settings.json; the proxy key is in ANTHROPIC_AUTH_TOKEN'),
    );
  }
  return { text: out === '' ? '' : out, state, conflicts, warnings };
}

/**
 * `llmctl unlink claude`: removes the keys llmctl manages, except those edited by hand since llmctl
 * wrote them (reported, and now the user's) unless forced, and the `env` object llmctl created if it
 * is empty then. The merged NO_PROXY entries stay: they only keep loopback off a system proxy.
 */
export function unlinkClaudeSettings(text: string, file: string, previous: ClaudeState | undefined, force: boolean): ClaudePatchResult {
  const r = patchClaudeSettings(text, file, {}, previous, { force });
  let out = r.text;
  if (previous?.createdEnv && out.trim() !== '') {
    const env = getIn(parseJsonObject(out, file), ['env']);
    if (env && typeof env === 'object' && !Object.keys(env).length) out = setJsonValue(out, ['env'], undefined);
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
