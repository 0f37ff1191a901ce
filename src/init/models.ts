import type { Preset } from '../config/presets.js';
import { t } from '../i18n/index.js';

export interface ListModelsResult {
  ok: boolean;
  models: string[];
  /** Why listing failed, for the user (never contains the key). */
  reason?: string;
  /** The provider answered 401/403: the key is wrong (worth typing again), not the network. */
  refused?: boolean;
  url: string;
}

/** Where a provider lists its models: its base URL plus the preset's models path. */
export function modelsUrl(preset: Preset, apiBase: string | undefined): string | undefined {
  const base = apiBase ?? preset.apiBase;
  if (!base) return undefined;
  return `${base.replace(/\/+$/, '')}${preset.modelsPath}`;
}

/**
 * Asks a provider for its model ids. A short timeout: behind an intranet firewall a hosted API may
 * never answer, and the user can always type the ids instead.
 */
export async function listModels(
  preset: Preset,
  apiBase: string | undefined,
  key: string | undefined,
  timeoutMs = 5000,
): Promise<ListModelsResult> {
  const url = modelsUrl(preset, apiBase);
  if (!url) return { ok: false, models: [], reason: t('init.noBaseUrl'), url: '' };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) {
    if (preset.prefix === 'anthropic') {
      headers['x-api-key'] = key;
      headers['anthropic-version'] = '2023-06-01';
    } else headers.authorization = `Bearer ${key}`;
  }
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const refused = res.status === 401 || res.status === 403;
    if (!res.ok)
      return {
        ok: false,
        models: [],
        reason: t('init.httpStatus', { status: res.status, refused }),
        ...(refused ? { refused } : {}),
        url,
      };
    const body = (await res.json()) as unknown;
    const models = parseModelList(body);
    return models.length ? { ok: true, models, url } : { ok: false, models: [], reason: t('init.noModelsListed'), url };
  } catch (e) {
    return {
      ok: false,
      models: [],
      reason: failureReason(e as Error & { cause?: { code?: string } }, url, timeoutMs),
      url,
    };
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** Why a request did not get an answer, in words: the network's codes (ENOTFOUND…) say little to a user. */
export function failureReason(err: Error & { cause?: { code?: string } }, url: string, timeoutMs: number): string {
  if (err.name === 'TimeoutError')
    return t('init.noAnswerWithin', {
      time: timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`,
    });
  const code = err.cause?.code;
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // not a URL: name it as given
  }
  const hostname = host.replace(/:\d+$/, '');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return t('init.hostNotFound', { host: hostname });
  if (code === 'ECONNREFUSED') return t('init.connRefused', { host });
  if (code === 'ECONNRESET' || code === 'EPROTO') return t('init.connReset', { host });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return t('init.unreachable', { host: hostname });
  if (code && TLS_CODES.test(code)) return t('init.tlsFailed', { host: hostname, code });
  return code ?? (err.cause as { message?: string } | undefined)?.message ?? err.message;
}

/** OpenAI-style `{data:[{id}]}`, Ollama `{models:[{name}]}`, Gemini `{models:[{name:"models/x"}]}`. */
export function parseModelList(body: unknown): string[] {
  const b = body as { data?: unknown; models?: unknown };
  const items = Array.isArray(b?.data) ? b.data : Array.isArray(b?.models) ? b.models : [];
  const ids = items
    .map((m: unknown) => {
      if (typeof m === 'string') return m;
      const o = m as { id?: unknown; name?: unknown; model?: unknown };
      const v = o?.id ?? o?.model ?? o?.name;
      return typeof v === 'string' ? v.replace(/^models\//, '') : undefined;
    })
    .filter((x: unknown): x is string => typeof x === 'string' && x.length > 0);
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b));
}
