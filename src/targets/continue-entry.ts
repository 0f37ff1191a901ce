import { ROLES } from '../config/constants.js';

/**
 * What a Continue model entry means in llmctl terms. Shared by `llmctl import continue` (which turns
 * entries into models) and the Continue target (which recognises an entry the user imported, and so
 * handed over to llmctl): a helper of both, so that neither imports the other.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** LiteLLM's default port: a Continue entry pointing at it talks to a LiteLLM proxy. */
export const LITELLM_PORT = '4000';

/** Fields of a Continue model entry that llmctl models itself; the rest passes through as `continue:`. */
const OWN_FIELDS = new Set(['name', 'provider', 'model', 'apiBase', 'apiKey', 'roles', 'max-tokens', 'maxTokens']);

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** The parts of an llmctl model that a Continue entry determines (provider aside). */
export interface ContinueModelShape {
  name: string;
  model?: string;
  roles?: string[];
  maxTokens?: number;
  continue?: Obj;
}

/**
 * What importing one Continue entry gives, minus the provider. The Continue target compares it
 * with llmctl.yaml to recognise an entry the user imported (and so handed over to llmctl).
 */
export function continueEntryShape(m: unknown): ContinueModelShape | undefined {
  if (!isObj(m) || typeof m.name !== 'string' || !m.name) return undefined;
  const apiBase = typeof m.apiBase === 'string' ? safeUrl(m.apiBase) : undefined;
  const upstream = typeof m.model === 'string' && m.model ? m.model : m.name;
  const name = apiBase?.port === LITELLM_PORT ? upstream : m.name;
  const out: ContinueModelShape = { name };
  if (upstream !== name) out.model = upstream;
  if (Array.isArray(m.roles)) {
    const roles = m.roles.filter((r): r is string => (ROLES as readonly unknown[]).includes(r));
    if (roles.length) out.roles = roles;
  }
  const dco = isObj(m.defaultCompletionOptions) ? { ...m.defaultCompletionOptions } : undefined;
  if (typeof m['max-tokens'] === 'number') out.maxTokens = m['max-tokens'];
  if (dco && typeof dco.maxTokens === 'number') {
    out.maxTokens = dco.maxTokens;
    delete dco.maxTokens;
  }
  const extra: Obj = {};
  for (const [k, v] of Object.entries(m)) if (!OWN_FIELDS.has(k) && k !== 'defaultCompletionOptions') extra[k] = v;
  if (dco && Object.keys(dco).length) extra.defaultCompletionOptions = dco;
  if (Object.keys(extra).length) out.continue = extra;
  return out;
}
