import type { LlmctlConfig } from '../config/schema.js';

/**
 * `proxy.redis` as LiteLLM reads it: the router_settings redis fields (shared rate limits, cooldowns
 * across workers and instances) and, when `proxy.redis.cache` is on, the response cache settings.
 * The password only ever appears as `os.environ/VAR`.
 */
export function redisRouterSettings(_config: LlmctlConfig): Record<string, unknown> {
  return {};
}

export function redisLitellmSettings(_config: LlmctlConfig): Record<string, unknown> {
  return {};
}
