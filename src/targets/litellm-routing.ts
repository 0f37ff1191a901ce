import type { LlmctlConfig } from '../config/schema.js';

/**
 * router_settings llmctl adds on its own for models served by several instances (one public name
 * over N vLLM/TGI/Ollama base URLs): the routing strategy, cooldowns and retries. The user's
 * `proxy.routerSettings` is applied over these.
 */
export function routingDefaults(_config: LlmctlConfig): Record<string, unknown> {
  return {};
}
