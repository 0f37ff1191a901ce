import type { LlmctlConfig } from './schema.js';

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
