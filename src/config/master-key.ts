import type { LlmctlConfig } from './schema.js';

/** Where the proxy's master key comes from: `proxy.masterKey` in llmctl.yaml, or the stored secret `proxy`. */
export function masterKeyRef(config: LlmctlConfig): string {
  return config.proxy.masterKey ?? 'secret:proxy';
}
