import type { LlmctlConfig } from '../config/schema.js';

/**
 * Codex speaks only the Responses API (POST /v1/responses). LiteLLM (checked in 1.108.7,
 * litellm/responses/main.py `_bridges_to_chat_completions`) sends /v1/responses for an `openai/`
 * deployment to the upstream's own `{api_base}/responses`, which OpenAI-compatible providers
 * (SiliconFlow, Zhipu, vLLM, DeepSeek…) mostly lack; with `litellm_params.use_chat_completions_api:
 * true` it bridges the request to the upstream's /chat/completions and the answer back into a
 * Responses object. Other prefixes without a Responses config of their own bridge by default.
 *
 * Hook (in renderModelList, src/targets/litellm.ts, after `...passed`):
 *   ...responsesBridge(config, `${preset.prefix}/${upstream}`, passed, model.modelInfo),
 *
 * Only when a Responses client (Codex) is on, so nobody else's generated config changes; never over
 * the user's own setting, and not for a deployment that says it serves /v1/responses itself
 * (model_info.supported_endpoints, LiteLLM's own opt-in to native Responses) or for OpenAI itself.
 */
export function responsesBridge(
  config: LlmctlConfig,
  litellmModel: string,
  passed: Record<string, unknown> | undefined,
  modelInfo: Record<string, unknown> | undefined,
): { use_chat_completions_api?: true } {
  if (!config.tools.codex.enabled) return {};
  if (!litellmModel.startsWith('openai/')) return {};
  if (passed && 'use_chat_completions_api' in passed) return {};
  const base = passed?.api_base;
  if (typeof base === 'string' && /^https:\/\/api\.openai\.com(\/|$)/.test(base)) return {};
  const endpoints = modelInfo?.supported_endpoints;
  if (Array.isArray(endpoints) && endpoints.includes('/v1/responses')) return {};
  return { use_chat_completions_api: true };
}
