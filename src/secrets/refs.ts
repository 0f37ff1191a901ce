import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { SecretStore } from './store.js';

export type KeyRef = { kind: 'secret'; name: string } | { kind: 'env'; name: string };

export function parseKeyRef(ref: string): KeyRef {
  const i = ref.indexOf(':');
  const kind = ref.slice(0, i);
  const name = ref.slice(i + 1);
  if ((kind !== 'secret' && kind !== 'env') || !name)
    throw new LlmctlError(t('secrets.badRef', { ref }), { hint: t('secrets.badRefHint') });
  return { kind, name };
}

/** The store name of a `secret:NAME` reference; undefined for anything else (env:, none). */
export function secretNameOf(ref: string | undefined): string | undefined {
  return ref !== undefined && isKeyRef(ref) && ref.startsWith('secret:') ? parseKeyRef(ref).name : undefined;
}

/** The variable of an `env:VAR` reference; undefined for anything else (secret:, none). */
export function envVarOf(ref: string | undefined): string | undefined {
  return ref !== undefined && isKeyRef(ref) && ref.startsWith('env:') ? parseKeyRef(ref).name : undefined;
}

/** A string in key-reference form (secret:NAME or env:VAR). */
export const isKeyRef = (v: unknown): v is string => typeof v === 'string' && /^(secret|env):./.test(v);

export const MASTER_KEY_ENV = 'LITELLM_MASTER_KEY';

/** The prefix of every variable llmctl sets for a stored secret; `env:` may not use it (see reservedEnvReason). */
export const SECRET_ENV_PREFIX = 'LLMCTL_KEY_';

/**
 * The api_key llmctl writes for a provider without a key. Without one LiteLLM looks for a key of its
 * own (OPENAI_API_KEY for openai/, HOSTED_VLLM_API_KEY…) and would send that to the server; a
 * server that needs no key (vLLM, Ollama) accepts any.
 */
export const NO_KEY = 'llmctl-no-key';

/** Secret names that map readably: lower-case letters, digits and "-". */
const PLAIN_SECRET = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The environment variable a key reaches LiteLLM through. `env:VAR` keeps its own name; a stored
 * secret gets a name of llmctl's, set by `llmctl serve` in the proxy's environment only.
 *
 * The mapping is injective, so two references never share a variable (one key never reaches the
 * other's upstream), and it ignores case in its output (Windows variables ignore case):
 *   - a plain name (a-z, 0-9, "-") → LLMCTL_KEY_ + upper case with "-" as "_": secret:team-a → LLMCTL_KEY_TEAM_A
 *     (one-to-one character by character);
 *   - any other name (with "_", ".", capitals) → LLMCTL_KEY__ + the hex of its UTF-8 bytes:
 *     secret:team_a → LLMCTL_KEY__7465616D5F61. The second "_" cannot start a plain name's part.
 * `env:` names starting with LLMCTL_ are refused at load (reservedEnvReason), so they cannot meet either.
 */
export function envNameFor(ref: string): string {
  const r = parseKeyRef(ref);
  if (r.kind === 'env') return r.name;
  if (PLAIN_SECRET.test(r.name)) return `${SECRET_ENV_PREFIX}${r.name.toUpperCase().replace(/-/g, '_')}`;
  return `${SECRET_ENV_PREFIX}_${Buffer.from(r.name, 'utf8').toString('hex').toUpperCase()}`;
}

/**
 * Why an environment variable may not hold an upstream key, or undefined when it may. Compared
 * without case: Windows does not tell LLMCTL_X from llmctl_x. Each of these already means something
 * to llmctl or to the proxy; used as a key, its value would be sent to a provider.
 */
export function reservedEnvReason(name: string): string | undefined {
  const n = name.toUpperCase();
  if (n.startsWith('LLMCTL_')) return t('secrets.reservedLlmctl');
  if (n.startsWith('LITELLM_')) return t('secrets.reservedLitellm');
  if (n === 'DATABASE_URL' || n === 'DIRECT_URL') return t('secrets.reservedDatabase', { name: n });
  if (n.startsWith('REDIS_')) return t('secrets.reservedRedis');
  if (n === 'UI_USERNAME' || n === 'UI_PASSWORD') return t('secrets.reservedUi', { name: n });
  if (/^(HTTPS?|ALL|NO|FTP)_PROXY$/.test(n)) return t('secrets.reservedNetworkProxy', { name: n });
  return undefined;
}

/** `os.environ/VAR` (LiteLLM's own reference form): VAR, or undefined. */
export function osEnvironName(v: unknown): string | undefined {
  return typeof v === 'string' ? /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(v.trim())?.[1] : undefined;
}

export interface KeyUse {
  /** secret:NAME or env:VAR */
  ref: string;
  /** Where, for messages: proxy.masterKey, providers.NAME, models[0].params.aws_secret_access_key… */
  usedBy: string;
  /** The field path in llmctl.yaml. */
  path: PropertyKey[];
}

/** Every place llmctl.yaml can give litellm_params (params of providers, models, deployments). */
export function paramsPlaces(config: LlmctlConfig): { path: PropertyKey[]; params: Record<string, unknown> }[] {
  const out: { path: PropertyKey[]; params: Record<string, unknown> }[] = [];
  for (const [name, p] of Object.entries(config.providers))
    if (p.params) out.push({ path: ['providers', name, 'params'], params: p.params });
  config.models.forEach((m, i) => {
    if (m.params) out.push({ path: ['models', i, 'params'], params: m.params });
    (m.deployments ?? []).forEach(
      (d, j) => d.params && out.push({ path: ['models', i, 'deployments', j, 'params'], params: d.params }),
    );
  });
  return out;
}

/** The proxy settings sections llmctl passes through to LiteLLM (litellm_, general_, router_settings). */
export function settingsPlaces(config: LlmctlConfig): { path: PropertyKey[]; value: Record<string, unknown> }[] {
  const { settings, generalSettings, routerSettings } = config.proxy;
  const all: [string, Record<string, unknown> | undefined][] = [
    ['settings', settings],
    ['generalSettings', generalSettings],
    ['routerSettings', routerSettings],
  ];
  return all.flatMap(([k, v]) => (v ? [{ path: ['proxy', k], value: v }] : []));
}

/** Every scalar under a value, with its path (bounded depth: settings are shallow, a cycle-free YAML tree). */
export function leaves(value: unknown, path: PropertyKey[], depth = 0): [PropertyKey[], unknown][] {
  if (depth > 32) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i], depth + 1));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k], depth + 1));
  return [[path, value]];
}

/**
 * Every key reference in the config (apiKey, the master key, key
 * references in params and settings), with where it is used.
 */
export function keyRefsInConfig(config: LlmctlConfig): KeyUse[] {
  const out: KeyUse[] = [];
  const { proxy } = config;
  if (proxy.masterKey) out.push({ ref: proxy.masterKey, usedBy: 'proxy.masterKey', path: ['proxy', 'masterKey'] });
  // Client mode: the key the tools send to a gateway someone else runs.
  if (proxy.key) out.push({ ref: proxy.key, usedBy: 'proxy.key', path: ['proxy', 'key'] });
  // Client keys: llmctl's key check (llmctl_auth.py) reads each from the proxy's environment.
  for (const [name, c] of Object.entries(proxy.clients ?? {}))
    out.push({ ref: c.key, usedBy: `proxy.clients.${name}`, path: ['proxy', 'clients', name, 'key'] });
  if (proxy.redis?.password)
    out.push({ ref: proxy.redis.password, usedBy: 'proxy.redis.password', path: ['proxy', 'redis', 'password'] });
  for (const [name, p] of Object.entries(config.providers))
    if (p.apiKey) out.push({ ref: p.apiKey, usedBy: `providers.${name}`, path: ['providers', name, 'apiKey'] });
  for (const { path, params } of paramsPlaces(config)) {
    for (const [k, v] of Object.entries(params))
      if (isKeyRef(v)) out.push({ ref: v, usedBy: `${formatDotted(path)}.${k}`, path: [...path, k] });
  }
  for (const { path, value } of settingsPlaces(config)) {
    for (const [p, v] of leaves(value, path)) if (isKeyRef(v)) out.push({ ref: v, usedBy: formatDotted(p), path: p });
  }
  return out;
}

function formatDotted(path: PropertyKey[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('');
}

/** Every `os.environ/VAR` the config hands to LiteLLM (params, settings): the proxy needs those variables. */
export function osEnvironNamesInConfig(config: LlmctlConfig): string[] {
  const names = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64) return;
    const n = osEnvironName(v);
    if (n) names.add(n);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
  };
  for (const { params } of paramsPlaces(config)) walk(params, 0);
  const { settings, generalSettings, routerSettings } = config.proxy;
  walk([settings, generalSettings, routerSettings], 0);
  return [...names];
}

/** Resolves a reference to its value, or undefined when the secret / env var is not set. */
export function resolveKeyRef(ref: string, secrets: SecretStore, env: NodeJS.ProcessEnv): string | undefined {
  const r = parseKeyRef(ref);
  const v = r.kind === 'secret' ? secrets.get(r.name) : env[r.name];
  return v === undefined || v === '' ? undefined : v;
}
