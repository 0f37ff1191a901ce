import { osEnvironName } from '../secrets/refs.js';
import { isLoopback } from '../proxy/url.js';

/**
 * Where the rendered LiteLLM config sends its Redis, read from the config itself (router_settings,
 * then litellm_settings.cache_params) so the export follows whatever `llmctl serve` runs. A value is
 * either written into the config (`literal`) or named as `os.environ/VAR` (`env`): only the second
 * can point somewhere else inside a container without changing the config's bytes.
 */
export type RedisField = { kind: 'literal'; value: string } | { kind: 'env'; name: string };

export interface RedisUse {
  host?: RedisField;
  port?: RedisField;
  url?: RedisField;
  /** The variable holding the password (LiteLLM reads it as os.environ/VAR). */
  passwordVar?: string;
}

/** The compose service that runs Redis when the project brings its own. */
export const REDIS_SERVICE = 'redis';
export const REDIS_PORT = 6379;

function field(v: unknown): RedisField | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const name = osEnvironName(v);
  return name ? { kind: 'env', name } : { kind: 'literal', value: String(v) };
}

export function redisUse(rendered: Record<string, unknown>): RedisUse | undefined {
  const router = (rendered.router_settings ?? {}) as Record<string, unknown>;
  const litellm = (rendered.litellm_settings ?? {}) as Record<string, unknown>;
  const cache = (litellm.cache_params ?? {}) as Record<string, unknown>;
  const pick = (k: string) => field(router[`redis_${k}`]) ?? field(cache[k]);
  const use: RedisUse = {};
  const host = pick('host');
  const port = pick('port');
  const url = pick('url');
  const password = pick('password');
  if (host) use.host = host;
  if (port) use.port = port;
  if (url) use.url = url;
  if (password?.kind === 'env') use.passwordVar = password.name;
  return host || url ? use : undefined;
}

/** The host a literal redis_host or redis_url names (undefined when it comes from the environment). */
export function literalRedisHost(use: RedisUse): string | undefined {
  if (use.host?.kind === 'literal') return use.host.value;
  if (use.url?.kind === 'literal') {
    try {
      return new URL(use.url.value).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * How a container reaches this Redis: `own` (the project's `redis` service: the config names that
 * service, or takes its address from the environment), `external` (an address written in the
 * config that is not this machine's loopback), or `loopback` (unreachable from a container).
 */
export function redisReach(use: RedisUse): 'own' | 'external' | 'loopback' {
  const host = literalRedisHost(use);
  if (host === undefined) return 'own';
  if (host === REDIS_SERVICE) return 'own';
  return isLoopback(host) ? 'loopback' : 'external';
}

/** The variables a container sets so an `os.environ/` Redis address names the project's own service. */
export function ownRedisEnv(use: RedisUse): Record<string, string> {
  const out: Record<string, string> = {};
  if (use.host?.kind === 'env') out[use.host.name] = REDIS_SERVICE;
  if (use.port?.kind === 'env') out[use.port.name] = String(REDIS_PORT);
  if (use.url?.kind === 'env') out[use.url.name] = `redis://${REDIS_SERVICE}:${REDIS_PORT}`;
  return out;
}
