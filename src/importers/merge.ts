import type { Document } from 'yaml';
import { LlmctlError, type Problem } from '../errors.js';
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

export async function mergeImport(
  existing: string | null,
  file: string,
  result: ImportResult,
  options: MergeOptions = {},
): Promise<MergeOutcome> {
  const { Document: Doc, isMap, isSeq } = yaml();
  const { validateConfigText } = await import('../config/load.js');
  const { loadPresets } = await import('../config/presets.js');
  const presets = options.presets ?? (await loadPresets());
  const secretValue = options.secretValue ?? (() => undefined);

  let current: { providers: Record<string, ProviderIn>; models: ModelIn[]; raw: Record<string, unknown> } = {
    providers: {},
    models: [],
    raw: {},
  };
  let doc: Document | undefined;
  if (existing !== null) {
    const v = await validateConfigText(existing, file, presets);
    if (v.errors.length || !v.config) {
      throw new LlmctlError(
        `${file} has ${v.errors.length} problem${v.errors.length === 1 ? '' : 's'}; nothing was imported`,
        {
          problems: v.errors,
          hint: 'fix llmctl.yaml first (or move it away to start afresh), then import again',
        },
      );
    }
    current = {
      providers: v.config.providers,
      models: v.config.models,
      raw: (v.doc.toJS() ?? {}) as Record<string, unknown>,
    };
    doc = v.doc;
  }

  const out: MergeOutcome = {
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

  // Models first: only providers that an added model uses are added.
  const names = new Set(current.models.map((m) => m.name));
  const toAdd: ModelIn[] = [];
  for (const m of result.models) {
    if (names.has(m.name)) {
      out.skippedModels.push({ name: m.name, reason: `a model named "${m.name}" is already in llmctl.yaml` });
      continue;
    }
    names.add(m.name);
    toAdd.push(m);
  }
  const needed = new Set(
    toAdd
      .flatMap((m) => [m.provider, ...(m.deployments ?? []).map((d) => d.provider)])
      .filter((p): p is string => Boolean(p)),
  );

  const placeholders = new Set(result.placeholderKeys ?? []);
  const rename = new Map<string, string>();
  const newProviders: Record<string, ProviderIn> = {};
  const taken = (n: string) => Object.hasOwn(current.providers, n) || Object.hasOwn(newProviders, n);
  const secretTaken = (n: string) => secretValue(n) !== undefined || Object.hasOwn(out.secrets, n);
  for (const [name, p] of Object.entries(result.providers)) {
    if (!needed.has(name)) continue;
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
    const match = candidates.find(([, e]) => sameKey(e)) ?? (placeholders.has(name) ? candidates[0] : undefined);
    if (match) {
      rename.set(name, match[0]);
      out.reusedProviders[name] = match[0];
      continue;
    }
    let final = name;
    for (let i = 2; taken(final); i++) final = `${name}-${i}`;
    const provider: ProviderIn = { ...p };
    if (importedKey !== undefined) {
      let secret = final;
      for (let i = 2; secretTaken(secret) && secretValue(secret) !== importedKey; i++) secret = `${final}-${i}`;
      if (secretValue(secret) !== importedKey) out.secrets[secret] = importedKey;
      provider.apiKey = `secret:${secret}`;
    }
    if (placeholders.has(name))
      out.noKey.push({ provider: final, ...(envVarOf(p.apiKey) ? { env: envVarOf(p.apiKey)! } : {}) });
    newProviders[final] = provider;
    rename.set(name, final);
    out.addedProviders.push(final);
  }
  // Credentials an importer found in params (aws_secret_access_key…) are secret:NAME there: store
  // each under a free name (or the one already holding the same value) and point the param at it.
  const storeRef = (v: unknown, depth = 0): unknown => {
    if (depth > 32) return v;
    if (Array.isArray(v)) return v.map((x) => storeRef(x, depth + 1));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, storeRef(x, depth + 1)]));
    const base = typeof v === 'string' ? secretNameOf(v) : undefined;
    const value = base === undefined ? undefined : result.secrets[base];
    if (base === undefined || value === undefined) return v;
    let secret = base;
    for (let i = 2; secretTaken(secret) && secretValue(secret) !== value && out.secrets[secret] !== value; i++)
      secret = `${base}-${i}`;
    if (secretValue(secret) !== value) out.secrets[secret] = value;
    return `secret:${secret}`;
  };
  /** Stores a value nothing in llmctl.yaml refers to (see ImportResult.keep), under a free name. */
  const keepSecret = (base: string, value: string) => {
    let name = base;
    for (let i = 2; secretTaken(name) && secretValue(name) !== value && out.secrets[name] !== value; i++)
      name = `${base}-${i}`;
    if (secretValue(name) !== value) out.secrets[name] = value;
  };
  const paramSecret = (params: Record<string, unknown> | undefined) =>
    storeRef(params) as Record<string, unknown> | undefined;
  for (const p of Object.values(newProviders)) if (p.params) p.params = paramSecret(p.params);
  const models = toAdd.map((m): ModelIn => {
    const r: ModelIn = { ...m };
    if (m.provider) r.provider = rename.get(m.provider) ?? m.provider;
    if (m.params) r.params = paramSecret(m.params);
    if (m.deployments)
      r.deployments = m.deployments.map((d) => ({
        ...d,
        provider: rename.get(d.provider) ?? d.provider,
        ...(d.params ? { params: paramSecret(d.params) } : {}),
      }));
    return r;
  });
  out.addedModels = models.map((m) => m.name);

  // Proxy and tools settings: only what the file does not set yet; the user's values win.
  const rawProxy = (isObject(current.raw.proxy) ? current.raw.proxy : {}) as Record<string, unknown>;
  const proxyAdds: [string[], unknown][] = [];
  const proxy = result.proxy ?? {};
  for (const section of ['settings', 'generalSettings', 'routerSettings'] as const) {
    const have = isObject(rawProxy[section]) ? (rawProxy[section] as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(proxy[section] ?? {}))
      if (!Object.hasOwn(have, k)) proxyAdds.push([['proxy', section, k], storeRef(v)]);
  }
  // Where the tools already reach the proxy (e.g. Claude Code's ANTHROPIC_BASE_URL) becomes the proxy's address.
  for (const k of ['host', 'port'] as const)
    if (proxy[k] !== undefined && rawProxy[k] === undefined) proxyAdds.push([['proxy', k], proxy[k]]);
  if (proxy.masterKey && rawProxy.masterKey === undefined) {
    const ref = proxy.masterKey;
    const stored = secretNameOf(ref);
    const value = stored ? result.secrets[stored] : undefined;
    if (value === undefined) proxyAdds.push([['proxy', 'masterKey'], ref]);
    else if (secretValue('proxy') === undefined || secretValue('proxy') === value) {
      if (secretValue('proxy') === undefined) out.secrets.proxy = value;
      proxyAdds.push([['proxy', 'masterKey'], 'secret:proxy']);
    }
    // else: a master key is already in use; clients keep using it, and the tool's old one is kept to give back.
    else if (result.tool === 'claude') keepSecret(BEFORE_TOKEN, value);
  }
  for (const n of result.keep ?? []) if (result.secrets[n] !== undefined) keepSecret(n, result.secrets[n]!);
  for (const tool of ['continue', 'claude', 'codex'] as const) {
    const rawTools = isObject(current.raw.tools) ? (current.raw.tools as Record<string, unknown>) : {};
    const have = isObject(rawTools[tool]) ? (rawTools[tool] as Record<string, unknown>) : {};
    for (const [k, v] of Object.entries(result.tools?.[tool] ?? {})) {
      if (v === undefined || Object.hasOwn(have, k)) continue;
      if (tool === 'claude' && CLAUDE_MODEL_FIELDS.has(k) && !names.has(String(v)))
        out.deferred.push(unknownClaudeModel(k, String(v), result));
      else proxyAdds.push([['tools', tool, k], v]);
    }
  }
  out.addedSettings = proxyAdds.map(([p]) => p.join('.'));

  if (!models.length && !Object.keys(newProviders).length && !proxyAdds.length) return out;

  if (!doc) {
    doc = new Doc({ version: 1 }) as Document;
  }
  const ensureCollection = (key: string, kind: 'map' | 'seq') => {
    const node = doc!.get(key, true);
    if ((kind === 'map' && isMap(node)) || (kind === 'seq' && isSeq(node))) {
      // An empty `providers: {}` would otherwise stay on one line as it grows.
      if (node.items.length === 0) node.flow = false;
      return;
    }
    doc!.set(key, doc!.createNode(kind === 'map' ? {} : []));
  };
  if (proxyAdds.length) {
    for (const [path, value] of proxyAdds) {
      for (let i = 1; i < path.length; i++) {
        const parent = doc.getIn(path.slice(0, i), true);
        if (!isMap(parent)) doc.setIn(path.slice(0, i), doc.createNode({}));
      }
      doc.setIn(path, doc.createNode(value));
    }
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
  const text = withSchemaLine(doc.toString({ lineWidth: 0 }));

  // A merge must never produce a file llmctl would refuse: check it before anyone writes it.
  const check = await validateConfigText(text, file, presets);
  if (check.errors.length) {
    throw new LlmctlError(`importing ${result.source} would make ${file} invalid; nothing was written`, {
      problems: check.errors,
      hint: 'this is a bug in the importer: please report it with the file you imported (keys removed)',
    });
  }
  return { ...out, text, changed: text !== existing };
}

const CLAUDE_MODEL_FIELDS = new Set(['model', 'opusModel', 'sonnetModel', 'haikuModel']);

/**
 * Claude Code asks for a model llmctl.yaml does not have (yet): Claude Code reached it through a
 * proxy whose model list is in that proxy's own config, so that config is what to import.
 */
function unknownClaudeModel(field: string, model: string, result: ImportResult): Problem {
  const port = result.proxy?.port;
  const via = port ? `through the LiteLLM proxy on this machine, port ${port}` : 'through a proxy';
  return {
    file: result.source,
    path: `tools.claude.${field}`,
    message: `Claude Code asks for "${model}", which is not a model in llmctl.yaml yet: left out for now (Claude Code reached it ${via})`,
    hint: `import that proxy's config first (\`llmctl import litellm PATH/TO/config.yaml\`), or add a model named "${model}" to llmctl.yaml; then run \`llmctl import claude\` again`,
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
