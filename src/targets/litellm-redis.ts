import type { LlmctlConfig } from '../config/schema.js';
import { envNameFor } from '../secrets/refs.js';

/**
 * `proxy.redis` as LiteLLM 1.108 reads it. Three consumers inside one LiteLLM share state through it,
 * and each is wired from a different place (read in litellm/proxy/proxy_server.py and router.py):
 *
 * - the Router (router_settings.redis_host/port/password): deployment cooldowns, and the deployment
 *   rpm/tpm counters of `usage-based-routing-v2` (the only strategy whose rpm check counts in Redis;
 *   the others check a per-process counter);
 * - the proxy's coordination Redis (general_settings.coordination_redis): the per-key rate limiter
 *   (parallel_request_limiter v3, rpm_limit/tpm_limit of a client key) counts there, and without it
 *   each worker and instance counts on its own. Set explicitly rather than through REDIS_* variables:
 *   that fallback is silently dropped when Redis does not answer at start;
 * - the response cache (litellm_settings.cache + cache_params), only when `proxy.redis.cache` is on.
 *
 * host/port/password rather than a URL (LiteLLM's production guide: faster); a `rediss://` URL is kept
 * as a URL (TLS). The password only ever appears as `os.environ/VAR`.
 */
export interface RedisTarget {
  host?: string;
  port?: number;
  /** Only for rediss:// (TLS): LiteLLM reads it whole. */
  url?: string;
  /** `os.environ/VAR` */
  password?: string;
}

const DEFAULT_PORT = 6379;

export function redisTarget(config: LlmctlConfig): RedisTarget | undefined {
  const r = config.proxy.redis;
  if (!r || (!r.host && !r.url)) return undefined;
  const password = r.password ? `os.environ/${envNameFor(r.password)}` : undefined;
  const out: RedisTarget = {};
  if (r.url && !r.host) {
    const u = new URL(r.url);
    if (u.protocol === 'rediss:') out.url = r.url;
    else {
      out.host = u.hostname.replace(/^\[|\]$/g, '');
      out.port = u.port ? Number(u.port) : DEFAULT_PORT;
    }
  } else {
    out.host = r.host!;
    out.port = r.port ?? DEFAULT_PORT;
  }
  if (password) out.password = password;
  return out;
}

/** True when a model or one of its deployments has an rpm/tpm limit (shared only by usage-based-routing-v2). */
function hasDeploymentLimits(config: LlmctlConfig): boolean {
  return config.models.some(
    (m) => m.rpm !== undefined || m.tpm !== undefined || (m.deployments ?? []).some((d) => d.rpm || d.tpm),
  );
}

/**
 * A model's `rpm`/`tpm` as a limit: `usage-based-routing-v2` is the strategy that counts them (in
 * memory, and in Redis when configured: synced every second), and no retry of LiteLLM's own
 * RateLimitError, which otherwise holds the request until the next minute (retry-after: 60) instead of
 * answering 429 at once. Applies with or without Redis, so a limit means the same on one instance.
 */
export function limitRouterSettings(config: LlmctlConfig): Record<string, unknown> {
  if (!hasDeploymentLimits(config)) return {};
  return { routing_strategy: 'usage-based-routing-v2', retry_policy: { RateLimitErrorRetries: 0 } };
}

export function redisRouterSettings(config: LlmctlConfig): Record<string, unknown> {
  const r = redisTarget(config);
  return {
    ...limitRouterSettings(config),
    ...(!r ? {} : r.url ? { redis_url: r.url } : { redis_host: r.host, redis_port: r.port }),
    ...(r?.password ? { redis_password: r.password } : {}),
  };
}

export function redisGeneralSettings(config: LlmctlConfig): Record<string, unknown> {
  const r = redisTarget(config);
  if (!r) return {};
  return { coordination_redis: { ...r } };
}

export function redisLitellmSettings(config: LlmctlConfig): Record<string, unknown> {
  const r = redisTarget(config);
  if (!r || !config.proxy.redis?.cache) return {};
  return { cache: true, cache_params: { type: 'redis', ...r } };
}
