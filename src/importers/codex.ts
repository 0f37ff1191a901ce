import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { isLoopback } from '../proxy/url.js';
import { CODEX_PROVIDER_ID } from '../targets/codex-patch.js';
import { parseToml, tomlLib } from '../targets/codex-toml.js';
import { endpointKey, providerName } from './endpoint.js';
import { isPlaceholderKey } from './litellm.js';
import type { ImportResult } from './types.js';

/**
 * Reads Codex CLI's config.toml (codex-cli 0.171.0) into llmctl terms: the provider Codex uses
 * (top-level `model_provider`, else OpenAI's built-in one) becomes a provider with the model Codex
 * asks for (`model`), its key a reference to the environment variable named by `env_key` (the key
 * itself is never in that file; an `experimental_bearer_token` is, and goes to the secrets store).
 * llmctl's own `[model_providers.llmctl]` on this machine gives the proxy's port instead.
 */
export async function importCodex(text: string, file: string): Promise<ImportResult> {
  const obj = parseToml(await tomlLib(), text, file);
  const warnings: Problem[] = [];
  const result: ImportResult = { tool: 'codex', source: file, providers: {}, models: [], secrets: {}, warnings };
  const providers = isTable(obj.model_providers) ? obj.model_providers : {};
  const ours = providers[CODEX_PROVIDER_ID];
  if (isTable(ours) && typeof ours.base_url === 'string') {
    const url = safeUrl(ours.base_url);
    if (url && isLoopback(url.hostname)) result.proxy = { port: Number(url.port || 80) };
  }
  const model = typeof obj.model === 'string' && obj.model.trim() ? obj.model.trim() : undefined;
  const active = typeof obj.model_provider === 'string' ? obj.model_provider : 'openai';
  if (!model) {
    warnings.push({ file, path: 'model', message: t('tools.import.noModel') });
    return result;
  }
  result.tools = { codex: { enabled: true, model } };
  if (active === CODEX_PROVIDER_ID) return result; // already llmctl's proxy: its models come from llmctl.yaml
  const p = providers[active];
  if (active === 'openai' && !isTable(p)) {
    result.providers.openai = { preset: 'openai', apiKey: 'env:OPENAI_API_KEY' };
    result.models.push({ name: model, provider: 'openai' });
    return result;
  }
  if (!isTable(p) || typeof p.base_url !== 'string' || !endpointKey(p.base_url)) {
    warnings.push({ file, path: `model_providers.${active}`, message: t('tools.import.noBaseUrl', { id: active }) });
    return result;
  }
  const name = providerName('custom', p.base_url);
  const provider: ImportResult['providers'][string] = { preset: 'custom', apiBase: p.base_url };
  const token = typeof p.experimental_bearer_token === 'string' ? p.experimental_bearer_token : undefined;
  if (typeof p.env_key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.env_key)) provider.apiKey = `env:${p.env_key}`;
  else if (token && !isPlaceholderKey(token)) {
    provider.apiKey = `secret:${name}`;
    result.secrets[name] = token;
  }
  result.providers[name] = provider;
  result.models.push({ name: model, provider: name });
  return result;
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}
