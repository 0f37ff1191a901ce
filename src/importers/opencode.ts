import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { isLoopback } from '../proxy/url.js';
import { OPENCODE_PROVIDER_ID, parseJsoncObject } from '../targets/opencode-patch.js';
import { endpointKey, providerName } from './endpoint.js';
import { isPlaceholderKey } from './litellm.js';
import type { ImportResult } from './types.js';

/**
 * Reads opencode's opencode.json[c] (opencode 1.18.33) into llmctl terms: every provider with an
 * OpenAI-compatible `options.baseURL` becomes a custom provider with its `models`; its
 * `options.apiKey` an `env:NAME` reference when it is `{env:NAME}`, else (a literal key) a secret.
 * A `{file:…}` key is left to the user (a warning). llmctl's own `provider.llmctl` gives the proxy's
 * port; the top-level `model` (`provider/model`) becomes tools.opencode.model when it was imported.
 */
export async function importOpencode(text: string, file: string): Promise<ImportResult> {
  const obj = parseJsoncObject(text, file);
  const warnings: Problem[] = [];
  const result: ImportResult = { tool: 'opencode', source: file, providers: {}, models: [], secrets: {}, warnings };
  const providers = isObj(obj.provider) ? obj.provider : {};
  const imported = new Map<string, string>(); // "<id>/<model>" → llmctl model name
  for (const [id, p] of Object.entries(providers)) {
    if (!isObj(p)) continue;
    const options = isObj(p.options) ? p.options : {};
    const base = typeof options.baseURL === 'string' ? options.baseURL : undefined;
    if (id === OPENCODE_PROVIDER_ID) {
      const url = base ? safeUrl(base) : undefined;
      if (url && isLoopback(url.hostname)) result.proxy = { port: Number(url.port || 80) };
      continue;
    }
    if (!base || !endpointKey(base)) {
      warnings.push({ file, path: `provider.${id}`, message: t('tools.import.noBaseUrlOpencode', { id }) });
      continue;
    }
    const name = providerName('custom', base);
    result.providers[name] = { preset: 'custom', apiBase: base, ...keyOf(options.apiKey, name, result, file, id) };
    for (const m of Object.keys(isObj(p.models) ? p.models : {})) {
      if (!m.trim() || result.models.some((x) => x.name === m)) continue;
      result.models.push(modelOf(m, name, (p.models as Record<string, unknown>)[m]));
      imported.set(`${id}/${m}`, m);
    }
  }
  const top = typeof obj.model === 'string' ? imported.get(obj.model) : undefined;
  if (result.models.length || result.proxy)
    result.tools = { opencode: { enabled: true, ...(top ? { model: top } : {}) } };
  return result;
}

function keyOf(key: unknown, name: string, result: ImportResult, file: string, id: string): { apiKey?: string } {
  if (typeof key !== 'string' || !key.trim()) return {};
  const env = /^\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(key.trim());
  if (env) return { apiKey: `env:${env[1]}` };
  if (key.includes('{file:') || key.includes('{env:')) {
    result.warnings.push({ file, path: `provider.${id}.options.apiKey`, message: t('tools.import.keyNotImported') });
    return {};
  }
  if (isPlaceholderKey(key)) {
    (result.placeholderKeys ??= []).push(name);
    return {};
  }
  result.secrets[name] = key;
  return { apiKey: `secret:${name}` };
}

/** An opencode model entry: its key is the id sent upstream; `limit.output` is the output cap. */
function modelOf(id: string, provider: string, entry: unknown): ImportResult['models'][number] {
  const limit = isObj(entry) && isObj(entry.limit) ? entry.limit : {};
  const out = Number(limit.output);
  return { name: id, provider, ...(Number.isInteger(out) && out > 0 ? { maxTokens: out } : {}) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
