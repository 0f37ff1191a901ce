import type { Document } from 'yaml';
import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Preset } from '../config/presets.js';
import type { SecretStore } from '../secrets/store.js';
import { withSchemaLine } from '../config/write.js';
import { providerEndpoint } from './endpoint.js';
import { BEFORE_TOKEN, type ImportResult } from './types.js';
import { yaml } from '../deps.js';
import { envVarOf, secretNameOf } from '../secrets/refs.js';

/**
 * Adds an ImportResult to llmctl.yaml. The existing file is edited through yaml's Document API, so
 * the user's comments, order and own entries survive. Importing the same thing twice adds nothing:
 * a provider with the same preset, apiBase and key is reused, a model whose name exists is skipped.
 * Pure: secrets to store are returned, not stored (see storeImportSecrets).
 */

export interface MergeOptions {
  /** Looks a name up in the secrets store (to reuse a provider holding the same key). */
  secretValue?: (name: string) => string | undefined;
  presets?: Map<string, Preset>;
}

export interface MergeOutcome {
  /** The new llmctl.yaml text (with the schema line), or the old text when nothing changed. */
  text: string;
  changed: boolean;
  created: boolean;
  addedProviders: string[];
  /** Imported provider → existing provider it turned out to be. */
  reusedProviders: Record<string, string>;
  addedModels: string[];
  skippedModels: { name: string; reason: string }[];
  /** Secrets to store, under their final names. */
  secrets: Record<string, string>;
  /** Settings added to the proxy / tools sections (field paths). */
  addedSettings: string[];
  /** Added providers whose key is still to be set: name and the env var it is read from. */
  noKey: { provider: string; env?: string }[];
  /** Settings left out for now, with why and what to do (a Claude Code model llmctl.yaml does not have yet). */
  deferred: Problem[];
}

type ProviderIn = ImportResult['providers'][string];
type ModelIn = ImportResult['models'][number];
/** A setting to add to llmctl.yaml: its field path and value. */
type SettingAdd = [string[], unknown];

/** What llmctl.yaml has now, in ImportResult terms (empty when there is no file yet). */
interface Current {
  providers: Record<string, ProviderIn>;
  models: ModelIn[];
  raw: Record<string, unknown>;
}

/** What every step of a merge reads, and the outcome they fill in. */
interface MergeState {
  result: ImportResult;
  presets: Map<string, Preset>;
  secretValue: (name: string) => string | undefined;
  current: Current;
  out: MergeOutcome;
}

export async function mergeImport(
  existing: string | null,
  file: string,
  result: ImportResult,
  options: MergeOptions = {},
): Promise<MergeOutcome> {
  const { loadPresets } = await import('../config/presets.js');
  const presets = options.presets ?? (await loadPresets());
  const secretValue = options.secretValue ?? (() => undefined);
  const { current, doc } = await readExisting(existing, file, presets);
  const s: MergeState = { result, presets, secretValue, current, out: newOutcome(existing) };
  const { out } = s;

  // Models first: only providers that an added model uses are added.
  const { toAdd, names } = modelsToAdd(s);
  const { rename, newProviders } = addProviders(s, neededProviders(toAdd));
  const secrets = secretNamer(s);
  for (const p of Object.values(newProviders)) if (p.params) p.params = secrets.params(p.params);
  const models = toAdd.map((m) => renamedModel(m, rename, secrets.params));
  out.addedModels = models.map((m) => m.name);

  const settings = [...proxyAdditions(s, secrets), ...toolAdditions(s, names)];
  out.addedSettings = settings.map(([p]) => p.join('.'));
  if (!models.length && !Object.keys(newProviders).length && !settings.length) return out;

  const text = withSchemaLine(editDocument(doc, settings, newProviders, models));
  await checkMerged(text, file, result, presets);
  return { ...out, text, changed: text !== existing };
}

/** The existing llmctl.yaml, validated: a file llmctl refuses is not imported into. */
async function readExisting(
  existing: string | null,
  file: string,
  presets: Map<string, Preset>,
): Promise<{ current: Current; doc?: Document }> {
  if (existing === null) return { current: { providers: {}, models: [], raw: {} } };
  const { validateConfigText } = await import('../config/load.js');
  const v = await validateConfigText(existing, file, presets);
  if (v.errors.length || !v.config) {
    throw new LlmctlError(t('importers.merge.configInvalid', { file, n: v.errors.length }), {
      problems: v.errors,
      hint: t('importers.merge.configInvalidHint'),
    });
  }
  const raw = (v.doc.toJS() ?? {}) as Record<string, unknown>;
  return { current: { providers: v.config.providers, models: v.config.models, raw }, doc: v.doc };
}

function newOutcome(existing: string | null): MergeOutcome {
  return {
    text: existing ?? '',
    changed: false,
    created: existing === null,
    addedProviders: [],
    reusedProviders: {},
    addedModels: [],
    skippedModels: [],
    secrets: {},
    addedSettings: [],
    noKey: [],
    deferred: [],
  };
}

/** The imported models whose name llmctl.yaml does not have yet; `names` is every model name after the merge. */
function modelsToAdd({ current, result, out }: MergeState): { toAdd: ModelIn[]; names: Set<string> } {
  const names = new Set(current.models.map((m) => m.name));
  const toAdd: ModelIn[] = [];
  for (const m of result.models) {
    if (names.has(m.name)) {
      out.skippedModels.push({ name: m.name, reason: t('importers.merge.modelExists', { name: m.name }) });
      continue;
    }
    names.add(m.name);
    toAdd.push(m);
  }
  return { toAdd, names };
}

function neededProviders(toAdd: ModelIn[]): Set<string> {
  return new Set(
    toAdd
      .flatMap((m) => [m.provider, ...(m.deployments ?? []).map((d) => d.provider)])
      .filter((p): p is string => Boolean(p)),
  );
}

/**
 * Each needed imported provider is either one llmctl.yaml already has (same endpoint and key) or a new
 * one under a free name. `rename` maps every imported name to its final one.
 */
function addProviders(
  s: MergeState,
  needed: Set<string>,
): { rename: Map<string, string>; newProviders: Record<string, ProviderIn> } {
  const { result, out } = s;
  const rename = new Map<string, string>();
  const newProviders: Record<string, ProviderIn> = {};
  for (const [name, p] of Object.entries(result.providers)) {
    if (!needed.has(name)) continue;
    const match = existingProvider(s, name, p);
    if (match) {
      rename.set(name, match);
      out.reusedProviders[name] = match;
      continue;
    }
    const final = newProvider(s, name, p, newProviders);
    rename.set(name, final);
    out.addedProviders.push(final);
  }
  return { rename, newProviders };
}

/** The provider of llmctl.yaml that an imported one turns out to be, if any. */
function existingProvider({ result, presets, secretValue, current }: MergeState, name: string, p: ProviderIn) {
  const importedName = secretNameOf(p.apiKey);
  const importedKey = importedName ? result.secrets[importedName] : undefined;
  const sameKey = (e: ProviderIn) => {
    if (importedKey !== undefined) {
      const name = secretNameOf(e.apiKey);
      return name !== undefined && secretValue(name) === importedKey;
    }
    return e.apiKey === p.apiKey;
  };
  // One provider per endpoint (src/importers/endpoint.ts): `…/v4/` and `…/v4` are the same server.
  const candidates = Object.entries(current.providers).filter(
    ([, e]) =>
      providerEndpoint(e, presets) === providerEndpoint(p, presets) &&
      (e.preset === p.preset || (e.apiBase !== undefined && p.apiBase !== undefined)),
  );
  // A placeholder key says nothing about which key: any provider at the same place will do.
  const placeholder = (result.placeholderKeys ?? []).includes(name);
  const match = candidates.find(([, e]) => sameKey(e)) ?? (placeholder ? candidates[0] : undefined);
  return match?.[0];
}

/** Adds an imported provider under a free name (its key under a free secret name); returns the name. */
function newProvider(s: MergeState, name: string, p: ProviderIn, newProviders: Record<string, ProviderIn>): string {
  const { result, secretValue, current, out } = s;
  const importedName = secretNameOf(p.apiKey);
  const importedKey = importedName ? result.secrets[importedName] : undefined;
  const taken = (n: string) => Object.hasOwn(current.providers, n) || Object.hasOwn(newProviders, n);
  const secretTaken = (n: string) => secretValue(n) !== undefined || Object.hasOwn(out.secrets, n);
  let final = name;
  for (let i = 2; taken(final); i++) final = `${name}-${i}`;
  const provider: ProviderIn = { ...p };
  if (importedKey !== undefined) {
    let secret = final;
    for (let i = 2; secretTaken(secret) && secretValue(secret) !== importedKey; i++) secret = `${final}-${i}`;
    if (secretValue(secret) !== importedKey) out.secrets[secret] = importedKey;
    provider.apiKey = `secret:${secret}`;
  }
  if ((result.placeholderKeys ?? []).includes(name))
    out.noKey.push({ provider: final, ...(envVarOf(p.apiKey) ? { env: envVarOf(p.apiKey)! } : {}) });
  newProviders[final] = provider;
  return final;
}

interface SecretNamer {
  /** A value with its secret:NAME references re-pointed at the names their values are stored under. */
  ref(v: unknown, depth?: number): unknown;
  params(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined;
  /** Stores a value nothing in llmctl.yaml refers to (see ImportResult.keep), under a free name. */
  keep(base: string, value: string): void;
}

/**
 * Credentials an importer found in params (aws_secret_access_key…) are secret:NAME there: store
 * each under a free name (or the one already holding the same value) and point the param at it.
 */
function secretNamer({ result, secretValue, out }: MergeState): SecretNamer {
  const secretTaken = (n: string) => secretValue(n) !== undefined || Object.hasOwn(out.secrets, n);
  const store = (base: string, value: string): string => {
    let name = base;
    for (let i = 2; secretTaken(name) && secretValue(name) !== value && out.secrets[name] !== value; i++)
      name = `${base}-${i}`;
    if (secretValue(name) !== value) out.secrets[name] = value;
    return name;
  };
  const ref = (v: unknown, depth = 0): unknown => {
    if (depth > 32) return v;
    if (Array.isArray(v)) return v.map((x) => ref(x, depth + 1));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ref(x, depth + 1)]));
    const base = typeof v === 'string' ? secretNameOf(v) : undefined;
    const value = base === undefined ? undefined : result.secrets[base];
    if (base === undefined || value === undefined) return v;
    return `secret:${store(base, value)}`;
  };
  return {
    ref,
    params: (params) => ref(params) as Record<string, unknown> | undefined,
    keep: (base, value) => void store(base, value),
  };
}

/** An imported model pointing at its providers' final names, with its params' secrets stored. */
function renamedModel(m: ModelIn, rename: Map<string, string>, params: SecretNamer['params']): ModelIn {
  const r: ModelIn = { ...m };
  if (m.provider) r.provider = rename.get(m.provider) ?? m.provider;
  if (m.params) r.params = params(m.params);
  if (m.deployments)
    r.deployments = m.deployments.map((d) => ({
      ...d,
      provider: rename.get(d.provider) ?? d.provider,
      ...(d.params ? { params: params(d.params) } : {}),
    }));
  return r;
}

/** Proxy settings: only what the file does not set yet; the user's values win. */
function proxyAdditions(s: MergeState, secrets: SecretNamer): SettingAdd[] {
  const { result, current } = s;
  const rawProxy = (isObject(current.raw.proxy) ? current.raw.proxy : {}) as Record<string, unknown>;
  const adds: SettingAdd[] = [];
  const proxy = result.proxy ?? {};
  for (const section of ['settings', 'generalSettings', 'routerSettings'] as const) {
    const have = isObject(rawProxy[section]) ? (rawProxy[section] as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(proxy[section] ?? {}))
      if (!Object.hasOwn(have, k)) adds.push([['proxy', section, k], secrets.ref(v)]);
  }
  // Where the tools already reach the proxy (e.g. Claude Code's ANTHROPIC_BASE_URL) becomes the proxy's address.
  for (const k of ['host', 'port'] as const)
    if (proxy[k] !== undefined && rawProxy[k] === undefined) adds.push([['proxy', k], proxy[k]]);
  if (proxy.masterKey && rawProxy.masterKey === undefined) adds.push(...masterKeyAddition(s, proxy.masterKey, secrets));
  // Client mode (import continue --gateway): the gateway and the key for it, its value stored under a free name.
  if (proxy.url && rawProxy.url === undefined) adds.push([['proxy', 'url'], proxy.url]);
  if (proxy.key && rawProxy.key === undefined) adds.push([['proxy', 'key'], secrets.ref(proxy.key)]);
  for (const n of result.keep ?? []) if (result.secrets[n] !== undefined) secrets.keep(n, result.secrets[n]!);
  return adds;
}

/** The imported master key becomes secret:proxy, unless the store already holds another one. */
function masterKeyAddition({ result, secretValue, out }: MergeState, ref: string, secrets: SecretNamer): SettingAdd[] {
  const stored = secretNameOf(ref);
  const value = stored ? result.secrets[stored] : undefined;
  if (value === undefined) return [[['proxy', 'masterKey'], ref]];
  if (secretValue('proxy') === undefined || secretValue('proxy') === value) {
    if (secretValue('proxy') === undefined) out.secrets.proxy = value;
    return [[['proxy', 'masterKey'], 'secret:proxy']];
  }
  // A master key is already in use; clients keep using it, and the tool's old one is kept to give back.
  if (result.tool === 'claude') secrets.keep(BEFORE_TOKEN, value);
  return [];
}

/** Tools settings the file does not set yet; a Claude Code model llmctl.yaml lacks is deferred. */
function toolAdditions({ result, current, out }: MergeState, names: Set<string>): SettingAdd[] {
  const adds: SettingAdd[] = [];
  for (const tool of ['continue', 'claude', 'codex', 'opencode', 'qwen', 'gemini'] as const) {
    const rawTools = isObject(current.raw.tools) ? (current.raw.tools as Record<string, unknown>) : {};
    const have = isObject(rawTools[tool]) ? (rawTools[tool] as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(result.tools?.[tool] ?? {})) {
      if (v === undefined || Object.hasOwn(have, k)) continue;
      if (tool === 'claude' && CLAUDE_MODEL_FIELDS.has(k) && !names.has(String(v)))
        out.deferred.push(unknownClaudeModel(k, String(v), result));
      else adds.push([['tools', tool, k], v]);
    }
  }
  return adds;
}

/** Writes the additions into the document (a new one when there is no file), keeping everything else. */
function editDocument(
  existingDoc: Document | undefined,
  settings: SettingAdd[],
  newProviders: Record<string, ProviderIn>,
  models: ModelIn[],
): string {
  const { Document: Doc, isMap, isSeq } = yaml();
  const doc = existingDoc ?? (new Doc({ version: 1 }) as Document);
  const ensureCollection = (key: string, kind: 'map' | 'seq') => {
    const node = doc.get(key, true);
    if ((kind === 'map' && isMap(node)) || (kind === 'seq' && isSeq(node))) {
      // An empty `providers: {}` would otherwise stay on one line as it grows.
      if (node.items.length === 0) node.flow = false;
      return;
    }
    doc.set(key, doc.createNode(kind === 'map' ? {} : []));
  };
  for (const [path, value] of settings) {
    for (let i = 1; i < path.length; i++) {
      const parent = doc.getIn(path.slice(0, i), true);
      if (!isMap(parent)) doc.setIn(path.slice(0, i), doc.createNode({}));
    }
    doc.setIn(path, doc.createNode(value));
  }
  if (Object.keys(newProviders).length) {
    ensureCollection('providers', 'map');
    for (const [name, p] of Object.entries(newProviders))
      doc.setIn(['providers', name], doc.createNode(p, { flow: oneLine(p) }));
  }
  if (models.length) {
    ensureCollection('models', 'seq');
    for (const m of models) doc.addIn(['models'], doc.createNode(m, { flow: oneLine(m) }));
  }
  return doc.toString({ lineWidth: 0 });
}

/** A merge must never produce a file llmctl would refuse: check it before anyone writes it. */
async function checkMerged(text: string, file: string, result: ImportResult, presets: Map<string, Preset>) {
  const { validateConfigText } = await import('../config/load.js');
  const check = await validateConfigText(text, file, presets);
  if (check.errors.length) {
    throw new LlmctlError(t('importers.merge.wouldBreak', { source: result.source, file }), {
      problems: check.errors,
      hint: t('importers.merge.wouldBreakHint'),
    });
  }
}

const CLAUDE_MODEL_FIELDS = new Set(['model', 'opusModel', 'sonnetModel', 'haikuModel']);

/**
 * Claude Code asks for a model llmctl.yaml does not have (yet): Claude Code reached it through a
 * proxy whose model list is in that proxy's own config, so that config is what to import.
 */
function unknownClaudeModel(field: string, model: string, result: ImportResult): Problem {
  const port = result.proxy?.port;
  const via = port ? t('importers.merge.viaLocalProxy', { port }) : t('importers.merge.viaProxy');
  return {
    file: result.source,
    path: `tools.claude.${field}`,
    message: t('importers.merge.unknownClaudeModel', { model, via }),
    hint: t('importers.merge.unknownClaudeModelHint', { model }),
  };
}

/** One `{ … }` line per entry reads like a table; long or multi-line values read better as blocks. */
function oneLine(v: unknown): boolean {
  const json = JSON.stringify(v);
  return json.length <= 240 && !json.includes('\\n');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Stores the secrets of a merge; the caller holds the llmctl lock. */
export async function storeImportSecrets(store: SecretStore, secrets: Record<string, string>): Promise<void> {
  if (!Object.keys(secrets).length) return;
  for (const [name, value] of Object.entries(secrets)) store.set(name, value);
  await store.save();
}
