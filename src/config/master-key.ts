import type { LlmctlConfig } from './schema.js';

/**
 * Client mode: `proxy.url` names a gateway someone else runs (a team's LiteLLM). llmctl then runs no
 * proxy, writes no LiteLLM config and generates no master key; the tools talk to that gateway.
 */
export function isClientMode(config: LlmctlConfig): boolean {
  return config.proxy.url !== undefined;
}

/**
 * The key the tools send (Continue's apiKey, Claude Code's ANTHROPIC_AUTH_TOKEN, Codex's env key…):
 * the local proxy's master key, or in client mode the user's own key for the gateway (`proxy.key`).
 * The rules make `proxy.key` required with `proxy.url`; the master key's reference stands in until
 * then, so a config being written never has no answer.
 */
export function toolKeyRef(config: LlmctlConfig): string {
  return isClientMode(config) && config.proxy.key ? config.proxy.key : masterKeyRef(config);
}

/** Where the proxy's master key comes from: `proxy.masterKey` in llmctl.yaml, or the stored secret `proxy`. */
export function masterKeyRef(config: LlmctlConfig): string {
  return config.proxy.masterKey ?? 'secret:proxy';
}

/**
 * Whether the proxy runs llmctl's key check (llmctl_auth.py): not when the user brings a database
 * (LiteLLM's own virtual keys) or an auth of their own. Client keys (proxy.clients) need it.
 */
export function usesLlmctlAuth(config: LlmctlConfig): boolean {
  const g = config.proxy.generalSettings ?? {};
  return g.custom_auth === undefined && g.database_url === undefined;
}
