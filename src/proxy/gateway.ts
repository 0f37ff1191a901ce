import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError, type Problem } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { t } from '../i18n/index.js';
import { redact } from '../secrets/store.js';
import { gatewayRoot } from './endpoint.js';
import type { Say } from './fingerprint.js';
import type { ProxyStatus } from './status.js';

/**
 * Client mode's gateway (a LiteLLM someone else runs, `proxy.url`): the models it serves for the
 * user's key, fetched from its `/v1/models` and kept in the llmctl cache folder with the time they
 * were fetched (`sync --refresh` fetches them again), and a probe for `status` and `doctor`.
 */

export interface GatewayModels {
  /** The gateway root (proxy.url without a trailing slash). */
  url: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
  models: string[];
  /** Fetched by this run (not read from the cache): saved when the sync is applied. */
  fresh: boolean;
}

/** What a GET of `/v1/models` with the key gave: the ids, or why not. Never holds the key. */
export interface GatewayAnswer {
  status?: number;
  models?: string[];
  /** A network error (ECONNREFUSED, a timeout…) or an unreadable body. */
  error?: string;
}

export const GATEWAY_TIMEOUT_MS = 10_000;
const CACHE_FILE = 'gateway-models.json';

/** GET `${root}/v1/models` with the key as a bearer token; never throws. */
export async function askGateway(root: string, key: string, timeoutMs = GATEWAY_TIMEOUT_MS): Promise<GatewayAnswer> {
  let r: Response;
  try {
    r = await fetch(`${root}/v1/models`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    const error =
      err.name === 'TimeoutError'
        ? t('gateway.timeout', { seconds: timeoutMs / 1000 })
        : (err.cause?.code ?? err.cause?.message ?? err.message ?? String(e));
    return { error: redact(error, [key]) };
  }
  const body = await r.text().catch(() => '');
  if (r.status !== 200) return { status: r.status };
  try {
    const data = (JSON.parse(body) as { data?: { id?: unknown }[] }).data;
    if (Array.isArray(data))
      return { status: 200, models: data.map((m) => m.id).filter((id): id is string => typeof id === 'string') };
  } catch {
    // not JSON: said below
  }
  return { status: 200, error: t('gateway.notAList') };
}

/** The cache remembers which key asked (a short hash, never the key): another key may see other models. */
const keyTag = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 16);

interface CacheEntry {
  version: 1;
  url: string;
  key: string;
  fetchedAt: string;
  models: string[];
}

export function readGatewayCache(cacheDir: string, root: string, key: string): GatewayModels | undefined {
  try {
    const e = JSON.parse(readFileSync(path.join(cacheDir, CACHE_FILE), 'utf8')) as Partial<CacheEntry>;
    if (e.version !== 1 || e.url !== root || e.key !== keyTag(key) || !Array.isArray(e.models)) return undefined;
    return { url: root, fetchedAt: String(e.fetchedAt), models: e.models.map(String), fresh: false };
  } catch {
    return undefined;
  }
}

/** Written by a sync that is applied (read-only commands leave the llmctl home as it was). */
export async function saveGatewayCache(cacheDir: string, g: GatewayModels, key: string): Promise<void> {
  const entry: CacheEntry = { version: 1, url: g.url, key: keyTag(key), fetchedAt: g.fetchedAt, models: g.models };
  await writeFileAtomic(path.join(cacheDir, CACHE_FILE), `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
}

/**
 * The gateway's models: from the cache unless `refresh` (or there is none), else fetched. A gateway
 * that cannot be reached, refuses the key or lists nothing is an error naming its URL.
 */
export async function gatewayModels(
  config: LlmctlConfig,
  key: string,
  o: { cacheDir: string; refresh?: boolean; file: string },
): Promise<GatewayModels> {
  const root = gatewayRoot(config.proxy.url!);
  if (!o.refresh) {
    const cached = readGatewayCache(o.cacheDir, root, key);
    if (cached) return cached;
  }
  const a = await askGateway(root, key);
  if (!a.models) throw gatewayError(root, a, config.proxy.key ?? '', o.file);
  if (!a.models.length)
    throw new LlmctlError(t('gateway.noModels', { url: root }), { hint: t('gateway.noModelsHint') });
  return { url: root, fetchedAt: new Date().toISOString(), models: a.models, fresh: true };
}

/** Why the model list could not be had, with what to do. */
export function gatewayError(root: string, a: GatewayAnswer, ref: string, file: string): LlmctlError {
  const url = `${root}/v1/models`;
  if (a.status === 401 || a.status === 403)
    return new LlmctlError(t('gateway.keyRefused', { url: root, status: a.status }), {
      hint: keyHint(ref),
    });
  if (a.status !== undefined && a.status !== 200)
    return new LlmctlError(t('gateway.badStatus', { url, status: a.status }), {
      hint: t('gateway.badStatusHint', { file }),
    });
  if (a.status === 200)
    return new LlmctlError(t('gateway.badAnswer', { url, error: a.error ?? '' }), {
      hint: t('gateway.badStatusHint', { file }),
    });
  return new LlmctlError(t('gateway.unreachable', { url, error: a.error ?? '' }), {
    hint: t('gateway.unreachableHint', { file }),
  });
}

/** How to give llmctl the key the gateway wants. */
export function keyHint(ref: string): string {
  const m = /^(secret|env):(.+)$/.exec(ref);
  if (m?.[1] === 'secret') return t('gateway.keyHintSecret', { ref, name: m[2]! });
  if (m?.[1] === 'env') return t('gateway.keyHintEnv', { ref, name: m[2]! });
  return t('gateway.keyHintNone');
}

/**
 * The config the targets see in client mode: the models llmctl.yaml lists (each one the gateway lacks
 * is a warning: the tools would get an error for it), or else every model the gateway lists.
 */
export function withGatewayModels(l: LoadedConfig, g: GatewayModels): { config: LlmctlConfig; warnings: Problem[] } {
  const { config } = l;
  if (!config.models.length) return { config: { ...config, models: g.models.map((name) => ({ name })) }, warnings: [] };
  const served = new Set(g.models);
  const warnings = config.models.flatMap((m, i): Problem[] =>
    served.has(m.name)
      ? []
      : [
          {
            ...l.at(['models', i, 'name']),
            message: t('gateway.modelMissing', { name: m.name, url: g.url }),
            hint: t('gateway.modelMissingHint', { names: g.models.join(', ') }),
          },
        ],
  );
  return { config, warnings };
}

/**
 * `status` and `doctor` in client mode: the gateway answers `/v1/models` and accepts the key. The
 * probe is that one GET: it costs nothing upstream (never /health, which calls every model).
 */
export async function gatewayStatus(config: LlmctlConfig, key: string | undefined, say: Say): Promise<ProxyStatus> {
  const url = gatewayRoot(config.proxy.url!);
  const u = new URL(url);
  const base = {
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
    url,
    remote: true as const,
  };
  if (key === undefined) return { ...base, state: 'down', healthy: false, detail: say('gateway.status.noKey') };
  const a = await askGateway(url, key, 5_000);
  if (a.models)
    return { ...base, state: 'up', healthy: true, detail: say('gateway.status.ok', { n: a.models.length }) };
  if (a.status === 401 || a.status === 403)
    return { ...base, state: 'unhealthy', healthy: false, detail: say('gateway.status.refused', { status: a.status }) };
  if (a.status !== undefined)
    return {
      ...base,
      state: 'unhealthy',
      healthy: false,
      detail: say('gateway.status.bad', { status: a.status === 200 ? (a.error ?? '200') : `HTTP ${a.status}` }),
    };
  return {
    ...base,
    state: 'down',
    healthy: false,
    detail: say('gateway.status.unreachable', { error: a.error ?? '' }),
  };
}
