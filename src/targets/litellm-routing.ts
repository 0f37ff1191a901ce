import type { LlmctlConfig } from '../config/schema.js';
import { deploymentsOf } from '../config/deployments.js';

/**
 * What llmctl sets in router_settings when a public name has several deployments (one model over N
 * vLLM/TGI/Ollama instances): spread the requests, take a dead instance out quickly, and answer the
 * request from another instance instead of failing it. Checked against LiteLLM 1.108.7:
 *
 * - routing_strategy simple-shuffle: LiteLLM's default and the one its docs recommend for production;
 *   random over the healthy deployments, weighted by their rpm/tpm when set. It is also the only
 *   strategy weighted failover works with (router.py `_maybe_run_weighted_failover`).
 * - enable_weighted_failover: a retryable failure on one instance re-picks among the *other*
 *   instances of the same name (the failed one excluded) before the request fails.
 * - num_retries 2: the router tries again (LiteLLM retries at once, without sleeping, while other
 *   healthy deployments exist: `_time_to_sleep_before_retry`).
 * - allowed_fails 1, cooldown_time 30: without allowed_fails LiteLLM cools a deployment down only
 *   after 5 requests in a minute with more than half failing (DEFAULT_FAILURE_THRESHOLD_MINIMUM_REQUESTS),
 *   which a team's GPU box rarely sees; with it, the second failure within the cooldown window takes
 *   the instance out for 30 s, after which one request probes it again. LiteLLM ignores a value equal
 *   to its global default 3 (`_is_allowed_fails_set_on_router`), so 1 is also what makes the count
 *   logic apply. A model with a single deployment is never cooled down either way.
 * - timeout 600: LiteLLM's default is 6000 s, so a hung instance (accepting connections, never
 *   answering) would hold a request for 100 minutes before the retry goes elsewhere. For a
 *   non-streamed request it bounds the whole answer; for a stream, the wait between chunks.
 *
 * The user's `proxy.routerSettings` is applied over these (litellm.ts), key by key.
 */
export const MULTI_INSTANCE_ROUTING: Readonly<Record<string, unknown>> = Object.freeze({
  routing_strategy: 'simple-shuffle',
  enable_weighted_failover: true,
  num_retries: 2,
  allowed_fails: 1,
  cooldown_time: 30,
  timeout: 600,
});

/** Public names served by more than one deployment. */
export function multiInstanceModels(config: LlmctlConfig): string[] {
  return config.models.filter((m) => deploymentsOf(m).length > 1).map((m) => m.name);
}

export function routingDefaults(config: LlmctlConfig): Record<string, unknown> {
  return multiInstanceModels(config).length ? { ...MULTI_INSTANCE_ROUTING } : {};
}
