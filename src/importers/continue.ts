import type { Preset } from '../config/presets.js';
import { ROLES } from '../config/constants.js';
import { LlmctlError, type Problem } from '../errors.js';
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

export async function importContinue(text: string, file: string, presets?: Map<string, Preset>): Promise<ImportResult> {
  const ps = presets ?? (await (await import('../config/presets.js')).loadPresets());
  const { parseYamlLocated } = await import('../config/locate.js');
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { doc, at, errors } = parseYamlLocated(body, file);
  if (errors.length) {
    throw new LlmctlError(`${file} is not valid YAML; nothing was imported`, {
      problems: errors,
      hint: 'fix the YAML at that place and import again',
    });
  }
  const raw: unknown = doc.toJS();
  const warnings: Problem[] = [];
  const result: ImportResult = {
    tool: 'continue',
    source: file,
    providers: {},
    models: [],
    secrets: {},
    warnings,
    placeholderKeys: [],
  };
  if (!isObj(raw) || !Array.isArray(raw.models)) {
    warnings.push({ file, message: 'no models: list found; nothing to import' });
    return result;
  }

  const providerFor = new Map<string, string>();
  const usedEnv = new Set<string>();
  let viaProxy = false;
  raw.models.forEach((m, i) => {
    if (!isObj(m) || typeof m.name !== 'string' || !m.name) {
      warnings.push({ ...at(['models', i]), message: 'entry skipped: a Continue model needs a name' });
      return;
    }
    const cProvider = typeof m.provider === 'string' ? m.provider : 'openai';
    const apiBase = typeof m.apiBase === 'string' ? m.apiBase : undefined;
    const upstream = typeof m.model === 'string' && m.model ? m.model : m.name;
    const url = apiBase ? safeUrl(apiBase) : undefined;
    const isProxy = url?.port === LITELLM_PORT;
    const name = isProxy ? upstream : m.name;
    if (isProxy) {
      viaProxy = true;
      if (name !== m.name)
        warnings.push({
          ...at(['models', i, 'name']),
          message: `"${m.name}" points at a LiteLLM proxy (${apiBase}): imported as the proxy model "${name}"`,
          hint: `on \`llmctl sync\`, llmctl’s entry "${name}" replaces this one in Continue’s list (the old file stays in the sync’s backup)`,
        });
    }
    const choice = isProxy
      ? {
          preset: ps.get('custom') ?? ps.get('openai')!,
          apiBase: apiBase!,
          name: providerName('custom', apiBase, 'gateway'),
        }
      : choosePreset(cProvider, apiBase, ps);

    // The key: a real one goes to the secrets store, a placeholder becomes an env: guess.
    const rawKey = typeof m.apiKey === 'string' ? m.apiKey.trim() : '';
    const secretRef = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(rawKey);
    let keyId: string;
    let apiKey: string | undefined;
    let placeholder = false;
    let realKey: string | undefined;
    if (!rawKey) {
      keyId = 'none';
      if (choice.preset.needsKey) placeholder = true;
    } else if (secretRef && reservedEnvReason(secretRef[1]!)) {
      // llmctl's own entries (secrets.LLMCTL_PROXY_KEY) or the proxy's key: never a provider's key.
      keyId = 'placeholder';
      placeholder = true;
      warnings.push({ ...at(['models', i, 'apiKey']), ...reservedImportWarning(secretRef[1]!) });
    } else if (secretRef) {
      keyId = `env:${secretRef[1]}`;
      apiKey = `env:${secretRef[1]}`;
      warnings.push({
        ...at(['models', i, 'apiKey']),
        message: `the key comes from Continue's secret ${secretRef[1]} (~/.continue/.env): imported as env:${secretRef[1]}`,
        hint: `or store it: \`llmctl keys set NAME\` and use secret:NAME`,
      });
    } else if (isPlaceholderKey(rawKey)) {
      keyId = 'placeholder';
      placeholder = true;
    } else {
      keyId = `real:${rawKey}`;
      realKey = rawKey;
    }
    const id = `${choice.preset.id}|${endpointKey(choice.apiBase) ?? ''}|${keyId}`;
    let pName = providerFor.get(id);
    if (!pName) {
      pName = choice.name;
      for (let n = 2; Object.hasOwn(result.providers, pName); n++) pName = `${choice.name}-${n}`;
      providerFor.set(id, pName);
      const provider: ImportResult['providers'][string] = {
        preset: choice.preset.id,
        ...(choice.apiBase ? { apiBase: choice.apiBase } : {}),
      };
      if (realKey !== undefined) {
        provider.apiKey = `secret:${pName}`;
        result.secrets[pName] = realKey;
      } else if (apiKey) provider.apiKey = apiKey;
      else if (placeholder) {
        // Never env:OPENAI_API_KEY for a gateway or a custom server: that variable holds the user's
        // OpenAI key, which LiteLLM would then send there.
        const ref = placeholderKeyRef(
          choice.preset,
          pName,
          !isProxy && ownsEndpoint(choice.preset, choice.apiBase),
          usedEnv,
        );
        if (ref) provider.apiKey = ref;
        result.placeholderKeys!.push(pName);
        warnings.push({ ...at(['models', i, 'apiKey']), ...placeholderWarning(pName, ref) });
      }
      result.providers[pName] = provider;
    }

    // The same mapping the Continue target uses to recognise an imported entry, so the two never disagree.
    const { roles, ...shape } = continueEntryShape(m)!;
    const model: ImportResult['models'][number] = {
      ...shape,
      provider: pName,
      ...(roles ? { roles: roles as (typeof ROLES)[number][] } : {}),
    };
    if (Array.isArray(m.roles) && (roles?.length ?? 0) !== m.roles.length) {
      warnings.push({
        ...at(['models', i, 'roles']),
        message: 'unknown roles dropped',
        hint: `Continue knows: ${ROLES.join(', ')}`,
      });
    }
    if (typeof m['max-tokens'] === 'number') {
      warnings.push({
        ...at(['models', i, 'max-tokens']),
        message: '`max-tokens` is not a Continue field (it was silently ignored): imported as maxTokens',
        hint: 'llmctl writes it as defaultCompletionOptions.maxTokens',
      });
    }
    if (result.models.some((x) => x.name === name)) {
      warnings.push({
        ...at(['models', i]),
        message: `"${m.name}" is a second entry for the model "${name}": skipped`,
        hint: `on \`llmctl sync\`, llmctl’s one entry "${name}" replaces both in Continue’s list (the old file stays in the sync’s backup)`,
      });
      return;
    }
    result.models.push(model);
  });
  if (viaProxy) result.tools = { continue: { via: 'proxy' } };
  if (!result.placeholderKeys!.length) delete result.placeholderKeys;
  return result;
}
