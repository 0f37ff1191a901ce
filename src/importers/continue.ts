import type { LocatedYaml } from '../config/locate.js';
import type { Preset } from '../config/presets.js';
import { ROLES } from '../config/constants.js';
import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { reservedEnvReason } from '../secrets/refs.js';
import {
  isPlaceholderKey,
  ownsEndpoint,
  placeholderKeyRef,
  placeholderWarning,
  reservedImportWarning,
} from './litellm.js';
import { endpointKey, providerName } from './endpoint.js';
import type { ImportResult } from './types.js';
import { LITELLM_PORT, continueEntryShape } from '../targets/continue-entry.js';

/**
 * Reads a Continue config.yaml into llmctl terms. Models that point at a LiteLLM proxy (port 4000,
 * LiteLLM's default) become proxy models named by what they ask the proxy for; the others become
 * direct models with a provider from the presets. `max-tokens` (which Continue ignores) becomes
 * maxTokens, keys go to the secrets store, placeholders are reported.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// What a Continue entry means in llmctl terms is shared with the Continue target (which must not import
// importers): it lives in targets/continue-entry.ts.
export { LITELLM_PORT, continueEntryShape, type ContinueModelShape } from '../targets/continue-entry.js';

function isPrivateHost(host: string): boolean {
  return host === 'localhost' || /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host) || host === '[::1]';
}

function choosePreset(
  provider: string,
  apiBase: string | undefined,
  presets: Map<string, Preset>,
): { preset: Preset; apiBase?: string; name: string } {
  const all = [...presets.values()];
  if (apiBase) {
    const same = all.find(
      (p) => p.apiBase && endpointKey(p.apiBase) !== undefined && endpointKey(p.apiBase) === endpointKey(apiBase),
    );
    if (same) return { preset: same, name: same.id };
    const url = safeUrl(apiBase);
    const host = url?.hostname ?? 'custom';
    // A self-hosted OpenAI-compatible server on the intranet is usually vLLM (port 8000).
    if (url && isPrivateHost(host) && presets.has('vllm'))
      return { preset: presets.get('vllm')!, apiBase, name: providerName('vllm', apiBase) };
    const preset = presets.get('custom') ?? presets.get('openai')!;
    return { preset, apiBase, name: providerName(preset.id, apiBase) };
  }
  const byId = presets.get(provider);
  if (byId) return { preset: byId, name: byId.id };
  const byContinue = all.find((p) => p.continueProvider === provider);
  return byContinue ? { preset: byContinue, name: byContinue.id } : { preset: presets.get('openai')!, name: 'openai' };
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

type At = LocatedYaml['at'];
type Choice = { preset: Preset; apiBase?: string; name: string };

/** What a Continue entry's apiKey says: a key to store, a reference, or nothing usable. */
interface KeyFinding {
  /** Entries with the same preset, endpoint and keyId share one provider. */
  keyId: string;
  apiKey?: string;
  placeholder: boolean;
  realKey?: string;
}

/** What every entry's step reads and fills in. */
interface ContinueImport {
  ps: Map<string, Preset>;
  result: ImportResult;
  at: At;
  /** Provider by preset|endpoint|key, so entries that share them share a provider. */
  providerFor: Map<string, string>;
  usedEnv: Set<string>;
  viaProxy: boolean;
}

/**
 * `gateway`: true makes a LiteLLM gateway found in the file client mode (src/importers/continue-gateway.ts);
 * false imports it as a provider of llmctl's own proxy; undefined does that too, and says how to choose.
 */
export async function importContinue(
  text: string,
  file: string,
  presets?: Map<string, Preset>,
  options: { gateway?: boolean } = {},
): Promise<ImportResult> {
  const ps = presets ?? (await (await import('../config/presets.js')).loadPresets());
  const { parseYamlLocated } = await import('../config/locate.js');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { doc, at, errors } = parseYamlLocated(body, file);
  if (errors.length) {
    throw new LlmctlError(t('importers.continue.notYaml', { file }), {
      problems: errors,
      hint: t('importers.continue.notYamlHint'),
    });
  }
  const raw: unknown = doc.toJS();
  const result: ImportResult = {
    tool: 'continue',
    source: file,
    providers: {},
    models: [],
    secrets: {},
    warnings: [],
    placeholderKeys: [],
  };
  if (!isObj(raw) || !Array.isArray(raw.models)) {
    result.warnings.push({ file, message: t('importers.continue.noModels') });
    return result;
  }
  const { findGateway, gatewayImport } = await import('./continue-gateway.js');
  const gateway = findGateway(raw.models, ps);
  if (options.gateway && !gateway)
    throw new LlmctlError(t('gateway.import.none', { file }), { hint: t('gateway.import.noneHint') });
  if (options.gateway && gateway) {
    gatewayImport(raw.models, gateway, result, at);
    return result;
  }
  if (gateway && options.gateway === undefined)
    result.warnings.push({
      file,
      message: t('gateway.import.found', { url: gateway.url, n: gateway.entries.length }),
      hint: t('gateway.import.asProvider', { url: gateway.url }),
    });
  const c: ContinueImport = { ps, result, at, providerFor: new Map(), usedEnv: new Set(), viaProxy: false };
  raw.models.forEach((m, i) => importEntry(c, m, i));
  if (c.viaProxy) result.tools = { continue: { via: 'proxy' } };
  if (!result.placeholderKeys!.length) delete result.placeholderKeys;
  return result;
}

/** One entry of Continue's models: list → a provider (shared when possible) and a model. */
function importEntry(c: ContinueImport, m: unknown, i: number): void {
  const { result, at } = c;
  const warnings = result.warnings;
  if (!isObj(m) || typeof m.name !== 'string' || !m.name) {
    warnings.push({ ...at(['models', i]), message: t('importers.continue.noName') });
    return;
  }
  const { name, isProxy, choice } = entryEndpoint(c, m as Obj & { name: string }, i);
  const key = readKey(m, i, choice, at, warnings);
  const pName = providerFor(c, choice, key, isProxy, i);

  // The same mapping the Continue target uses to recognise an imported entry, so the two never disagree.
  const { roles, ...shape } = continueEntryShape(m)!;
  const model: ImportResult['models'][number] = {
    ...shape,
    provider: pName,
    ...(roles ? { roles: roles as (typeof ROLES)[number][] } : {}),
  };
  warnDroppedFields(m, i, roles, at, warnings);
  if (result.models.some((x) => x.name === name)) {
    warnings.push({
      ...at(['models', i]),
      message: t('importers.continue.secondEntry', { entry: m.name, name }),
      hint: t('importers.continue.secondEntryHint', { name }),
    });
    return;
  }
  result.models.push(model);
}

/** Where an entry points: a LiteLLM proxy (a gateway provider, models named as the proxy knows them) or a preset. */
function entryEndpoint(c: ContinueImport, m: Obj & { name: string }, i: number) {
  const cProvider = typeof m.provider === 'string' ? m.provider : 'openai';
  const apiBase = typeof m.apiBase === 'string' ? m.apiBase : undefined;
  const upstream = typeof m.model === 'string' && m.model ? m.model : m.name;
  const url = apiBase ? safeUrl(apiBase) : undefined;
  const isProxy = url?.port === LITELLM_PORT;
  const name = isProxy ? upstream : m.name;
  if (isProxy) {
    c.viaProxy = true;
    if (name !== m.name)
      c.result.warnings.push({
        ...c.at(['models', i, 'name']),
        message: t('importers.continue.viaProxy', { entry: m.name, apiBase: apiBase!, name }),
        hint: t('importers.continue.viaProxyHint', { name }),
      });
  }
  const choice: Choice = isProxy
    ? {
        preset: c.ps.get('custom') ?? c.ps.get('openai')!,
        apiBase: apiBase!,
        name: providerName('custom', apiBase, 'gateway'),
      }
    : choosePreset(cProvider, apiBase, c.ps);
  return { name, isProxy, choice };
}

/** The key: a real one goes to the secrets store, a placeholder becomes an env: guess. */
function readKey(m: Obj, i: number, choice: Choice, at: At, warnings: Problem[]): KeyFinding {
  const rawKey = typeof m.apiKey === 'string' ? m.apiKey.trim() : '';
  const secretRef = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(rawKey);
  if (!rawKey) return { keyId: 'none', placeholder: Boolean(choice.preset.needsKey) };
  if (secretRef && reservedEnvReason(secretRef[1]!)) {
    // llmctl's own entries (secrets.LLMCTL_PROXY_KEY) or the proxy's key: never a provider's key.
    warnings.push({ ...at(['models', i, 'apiKey']), ...reservedImportWarning(secretRef[1]!) });
    return { keyId: 'placeholder', placeholder: true };
  }
  if (secretRef) {
    warnings.push({
      ...at(['models', i, 'apiKey']),
      message: t('importers.continue.secretRef', { name: secretRef[1]! }),
      hint: t('importers.continue.secretRefHint'),
    });
    return { keyId: `env:${secretRef[1]}`, apiKey: `env:${secretRef[1]}`, placeholder: false };
  }
  if (isPlaceholderKey(rawKey)) return { keyId: 'placeholder', placeholder: true };
  return { keyId: `real:${rawKey}`, placeholder: false, realKey: rawKey };
}

/** The provider for an entry: the one an earlier entry with the same preset, endpoint and key made, or a new one. */
function providerFor(c: ContinueImport, choice: Choice, key: KeyFinding, isProxy: boolean, i: number): string {
  const { result } = c;
  const id = `${choice.preset.id}|${endpointKey(choice.apiBase) ?? ''}|${key.keyId}`;
  const known = c.providerFor.get(id);
  if (known) return known;
  let pName = choice.name;
  for (let n = 2; Object.hasOwn(result.providers, pName); n++) pName = `${choice.name}-${n}`;
  c.providerFor.set(id, pName);
  const provider: ImportResult['providers'][string] = {
    preset: choice.preset.id,
    ...(choice.apiBase ? { apiBase: choice.apiBase } : {}),
  };
  if (key.realKey !== undefined) {
    provider.apiKey = `secret:${pName}`;
    result.secrets[pName] = key.realKey;
  } else if (key.apiKey) provider.apiKey = key.apiKey;
  else if (key.placeholder) {
    // Never env:OPENAI_API_KEY for a gateway or a custom server: that variable holds the user's
    // OpenAI key, which LiteLLM would then send there.
    const own = !isProxy && ownsEndpoint(choice.preset, choice.apiBase);
    const ref = placeholderKeyRef(choice.preset, pName, own, c.usedEnv);
    if (ref) provider.apiKey = ref;
    result.placeholderKeys!.push(pName);
    result.warnings.push({ ...c.at(['models', i, 'apiKey']), ...placeholderWarning(pName, ref) });
  }
  result.providers[pName] = provider;
  return pName;
}

/** Fields Continue ignores or llmctl rewrites are named, so nothing changes silently. */
function warnDroppedFields(m: Obj, i: number, roles: string[] | undefined, at: At, warnings: Problem[]): void {
  if (Array.isArray(m.roles) && (roles?.length ?? 0) !== m.roles.length) {
    warnings.push({
      ...at(['models', i, 'roles']),
      message: t('importers.continue.unknownRoles'),
      hint: t('importers.continue.unknownRolesHint', { roles: ROLES.join(', ') }),
    });
  }
  if (typeof m['max-tokens'] === 'number') {
    warnings.push({
      ...at(['models', i, 'max-tokens']),
      message: t('importers.continue.maxTokens'),
      hint: t('importers.continue.maxTokensHint'),
    });
  }
}

/** The LiteLLM gateway a Continue config points at, if any (for the question `import continue` asks). */
export async function detectGateway(text: string, file: string): Promise<{ url: string; n: number } | undefined> {
  const { loadPresets } = await import('../config/presets.js');
  const { parseYamlLocated } = await import('../config/locate.js');
  const { doc, errors } = parseYamlLocated(text.startsWith('\uFEFF') ? text.slice(1) : text, file);
  const raw: unknown = errors.length ? undefined : doc.toJS();
  if (!isObj(raw) || !Array.isArray(raw.models)) return undefined;
  const { findGateway } = await import('./continue-gateway.js');
  const g = findGateway(raw.models, await loadPresets());
  return g && { url: g.url, n: g.entries.length };
}
