import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import type { SecretStore } from './store.js';

export type KeyRef = { kind: 'secret'; name: string } | { kind: 'env'; name: string };

export function parseKeyRef(ref: string): KeyRef {
  const i = ref.indexOf(':');
  const kind = ref.slice(0, i);
  const name = ref.slice(i + 1);
  if ((kind !== 'secret' && kind !== 'env') || !name) throw new LlmctlError(`bad key reference "${ref}"`, { hint: 'use secret:NAME or env:VAR' });
  return { kind, name };
}

export const MASTER_KEY_ENV = 'LITELLM_MASTER_KEY';

/**
 * The environment variable a key reaches LiteLLM through. `env:VAR` keeps its own name; a stored
 * secret gets a name of llmctl's, set by `llmctl serve` in the proxy's environment only.
 */
export function envNameFor(ref: string): string {
  const r = parseKeyRef(ref);
  if (r.kind === 'env') return r.name;
  return `LLMCTL_KEY_${r.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Every key reference in the config, with where it is used. */
export function keyRefsInConfig(config: LlmctlConfig): { ref: string; usedBy: string }[] {
  const out: { ref: string; usedBy: string }[] = [];
  if (config.proxy.masterKey) out.push({ ref: config.proxy.masterKey, usedBy: 'proxy.masterKey' });
  for (const [name, p] of Object.entries(config.providers)) if (p.apiKey) out.push({ ref: p.apiKey, usedBy: `providers.${name}` });
  return out;
}

/** Resolves a reference to its value, or undefined when the secret / env var is not set. */
export function resolveKeyRef(ref: string, secrets: SecretStore, env: NodeJS.ProcessEnv): string | undefined {
  const r = parseKeyRef(ref);
  const v = r.kind === 'secret' ? secrets.get(r.name) : env[r.name];
  return v === undefined || v === '' ? undefined : v;
}
