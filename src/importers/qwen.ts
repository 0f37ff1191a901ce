import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { isLoopback } from '../proxy/url.js';
import { parseJsoncObject } from '../targets/opencode-patch.js';
import { QWEN_PROVIDER_ID } from '../targets/qwen-patch.js';
import { parseEnvText } from './dotenv.js';
import { endpointKey, providerName } from './endpoint.js';
import { isPlaceholderKey } from './litellm.js';
import type { ImportResult } from './types.js';

/**
 * Reads Qwen Code's ~/.qwen/settings.json (Qwen Code 0.24.4) and the .env beside it into llmctl
 * terms: each entry of `modelProviders.<id>` (`{ id, baseUrl, envKey, generationConfig }`) becomes
 * a model on a custom provider for its baseUrl; its key is the `envKey` variable: a secret when the
 * .env holds a real value for it, else an `env:` reference. llmctl's own provider gives the proxy's
 * port; `model.name` becomes tools.qwen.model when that model was imported.
 */
export async function importQwen(text: string, file: string, envText: string | null = null): Promise<ImportResult> {
  const obj = parseJsoncObject(text, file);
  const env = parseEnvText(envText ?? '');
  const warnings: Problem[] = [];
  const result: ImportResult = { tool: 'qwen', source: file, providers: {}, models: [], secrets: {}, warnings };
  const providers = isObj(obj.modelProviders) ? obj.modelProviders : {};
  for (const [id, list] of Object.entries(providers)) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (!isObj(entry) || typeof entry.id !== 'string' || !entry.id.trim()) return;
      const base = typeof entry.baseUrl === 'string' ? entry.baseUrl : undefined;
      if (id === QWEN_PROVIDER_ID) {
        const url = base ? safeUrl(base) : undefined;
        if (url && isLoopback(url.hostname)) result.proxy = { port: Number(url.port || 80) };
        return;
      }
      if (!base || !endpointKey(base)) {
        warnings.push({
          file,
          path: `modelProviders.${id}[${i}]`,
          message: t('tools.import.noBaseUrlQwen', { id: entry.id }),
        });
        return;
      }
      const name = providerName('custom', base);
      if (!result.providers[name])
        result.providers[name] = { preset: 'custom', apiBase: base, ...keyOf(entry.envKey, name, env, result) };
      if (!result.models.some((m) => m.name === entry.id)) result.models.push(modelOf(entry.id as string, name, entry));
    });
  }
  const model = isObj(obj.model) && typeof obj.model.name === 'string' ? obj.model.name : undefined;
  const chosen = model && result.models.some((m) => m.name === model) ? model : undefined;
  if (result.models.length || result.proxy)
    result.tools = { qwen: { enabled: true, ...(chosen ? { model: chosen } : {}) } };
  return result;
}

function keyOf(envKey: unknown, name: string, env: Record<string, string>, result: ImportResult): { apiKey?: string } {
  if (typeof envKey !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(envKey)) return {};
  const value = env[envKey];
  if (value === undefined) return { apiKey: `env:${envKey}` };
  if (isPlaceholderKey(value)) {
    (result.placeholderKeys ??= []).push(name);
    return {};
  }
  result.secrets[name] = value;
  return { apiKey: `secret:${name}` };
}

/** `generationConfig.samplingParams.max_tokens` is Qwen Code's output cap. */
function modelOf(id: string, provider: string, entry: Record<string, unknown>): ImportResult['models'][number] {
  const gen = isObj(entry.generationConfig) ? entry.generationConfig : {};
  const sampling = isObj(gen.samplingParams) ? gen.samplingParams : {};
  const max = Number(sampling.max_tokens);
  return { name: id, provider, ...(Number.isInteger(max) && max > 0 ? { maxTokens: max } : {}) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
