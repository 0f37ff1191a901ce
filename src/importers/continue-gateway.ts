import type { Preset } from '../config/presets.js';
import type { RoleName } from '../config/schema.js';
import { t } from '../i18n/index.js';
import { continueEntryShape } from '../targets/continue-entry.js';
import { endpointKey } from './endpoint.js';
import { isPlaceholderKey } from './litellm.js';
import type { ImportResult } from './types.js';

/**
 * A LiteLLM gateway in a Continue config: one apiBase, not a known provider's, that several entries
 * share and through which they ask for different models (the seed's 172.16.1.166:4000). A server of
 * one model (a vLLM on :8000 listed twice) is not one. `llmctl import continue --gateway` makes it
 * client mode (proxy.url + proxy.key) instead of a provider of llmctl's own proxy.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ContinueGateway {
  /** The gateway's root: the entries' apiBase without /v1. */
  url: string;
  /** Indexes of the entries that go through it. */
  entries: number[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function findGateway(models: unknown[], presets: Map<string, Preset>): ContinueGateway | undefined {
  const known = new Set([...presets.values()].map((p) => endpointKey(p.apiBase)).filter(Boolean));
  const groups = new Map<string, { base: string; entries: number[]; models: Set<string> }>();
  models.forEach((m, i) => {
    const base = isObj(m) ? str(m.apiBase) : undefined;
    const key = endpointKey(base);
    if (!base || !key || known.has(key) || !/^https?:\/\//.test(base)) return;
    const g = groups.get(key) ?? { base, entries: [], models: new Set<string>() };
    g.entries.push(i);
    g.models.add(str((m as Obj).model) ?? str((m as Obj).name) ?? '');
    groups.set(key, g);
  });
  const best = [...groups.values()]
    .filter((g) => g.entries.length >= 2 && g.models.size >= 2)
    .sort((a, b) => b.entries.length - a.entries.length)[0];
  return best && { url: best.base.replace(/\/+$/, '').replace(/\/v1$/, ''), entries: best.entries };
}

/** The secret the gateway's key is stored under. */
const SECRET = 'gateway';

/**
 * Client mode from the gateway's entries: proxy.url and proxy.key (a real key found in them goes to
 * the store), one model per name the gateway knows (with the entry's roles, maxTokens and Continue
 * extras). The other entries stay in the user's Continue config, untouched: said in a warning.
 */
export function gatewayImport(
  models: unknown[],
  g: ContinueGateway,
  result: ImportResult,
  at: (path: PropertyKey[]) => Pick<ImportResult['warnings'][number], 'file' | 'line' | 'col' | 'path'>,
): void {
  let envRef: string | undefined;
  let real: string | undefined;
  for (const i of g.entries) {
    const m = models[i] as Obj;
    const raw = str(m.apiKey)?.trim() ?? '';
    const ref = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(raw);
    if (ref) envRef ??= `env:${ref[1]}`;
    else if (raw && !isPlaceholderKey(raw)) real ??= raw;
    const { name: shown, model, roles, ...rest } = continueEntryShape(m)!;
    // The name the gateway knows the model by is what the tools must ask for.
    const name = model ?? shown;
    if (result.models.some((x) => x.name === name)) continue;
    result.models.push({ ...rest, name, ...(roles ? { roles: roles as RoleName[] } : {}) });
  }
  if (real !== undefined) result.secrets[SECRET] = real;
  else if (!envRef)
    result.warnings.push({
      ...at(['models', g.entries[0]!, 'apiKey']),
      message: t('gateway.import.placeholderKey', { name: SECRET }),
    });
  result.proxy = { url: g.url, key: real === undefined && envRef ? envRef : `secret:${SECRET}` };
  const others = models
    .map((m, i) => [m, i] as const)
    .filter(([, i]) => !g.entries.includes(i))
    .map(([m]) => (isObj(m) ? (str(m.name) ?? '?') : '?'));
  if (others.length)
    result.warnings.push({
      file: result.source,
      message: t('gateway.import.others', { n: others.length, names: others.join(', ') }),
    });
}
