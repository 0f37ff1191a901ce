import type { LocatedYaml } from '../config/locate.js';
import type { Preset } from '../config/presets.js';
import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import {
  HEADER_PARAMS,
  isCredentialHeader,
  isCredentialParam,
  isLiteralSettingsCredential,
} from '../config/credentials.js';
import { NO_KEY, envVarOf, osEnvironName, reservedEnvReason } from '../secrets/refs.js';
import { MULTI_INSTANCE_ROUTING } from '../targets/litellm-routing.js';
import { endpointKey, providerName as endpointName, slug } from './endpoint.js';
import type { ImportResult } from './types.js';

/**
 * Reads a LiteLLM proxy config (config.yaml) into llmctl terms. Pure apart from reading the presets:
 * text in, ImportResult out. The aim is a lossless round trip: importing a config and syncing gives
 * back the same model_list (same names, order and litellm_params), with keys replaced by
 * os.environ/ references.
 */

type Entry = {
  index: number;
  name: string;
  prefix: string;
  upstream: string;
  apiBase?: string;
  key: KeyFinding;
  params: Record<string, unknown>;
  modelInfo?: Record<string, unknown>;
};

type KeyFinding =
  { kind: 'none' } | { kind: 'placeholder' } | { kind: 'env'; name: string } | { kind: 'real'; value: string };

/** Values people leave in example configs instead of a key. */
const PLACEHOLDER = [
  /^$/,
  /your[_\s-]*(api[_\s-]*)?key/i,
  /api[_\s-]*key[_\s-]*here/i,
  /^(sk-|sk_)?(x{3,}|\*{3,}|\.{3}|…)$/i,
  /^<.*>$/,
  /^\$\{.*\}$/,
  /^(changeme|change_me|todo|placeholder|none|null|dummy|fake|test|key|token|apikey|api_key)$/i,
  /xxxx/i,
];

export function isPlaceholderKey(value: string): boolean {
  const v = value.trim();
  return PLACEHOLDER.some((re) => re.test(v)) || v.length < 8;
}

/**
 * litellm_settings keys LiteLLM reads (from its docs' config reference). Anything else is reported:
 * LiteLLM ignores unknown settings silently, which hides typos such as the seed's `enable_stream`.
 */
const KNOWN_LITELLM_SETTINGS = new Set([
  'drop_params',
  'modify_params',
  'set_verbose',
  'json_logs',
  'num_retries',
  'request_timeout',
  'stream_timeout',
  'fallbacks',
  'context_window_fallbacks',
  'content_policy_fallbacks',
  'default_fallbacks',
  'allowed_fails',
  'cooldown_time',
  'cache',
  'cache_params',
  'callbacks',
  'success_callback',
  'failure_callback',
  'service_callback',
  'callback_settings',
  'turn_off_message_logging',
  'redact_messages_in_exceptions',
  'redact_user_api_key_info',
  'telemetry',
  'max_budget',
  'budget_duration',
  'max_end_user_budget',
  'max_internal_user_budget',
  'internal_user_budget_duration',
  'default_team_settings',
  'default_internal_user_params',
  'default_key_generate_params',
  'upperbound_key_generate_params',
  'key_generation_settings',
  'enable_preview_features',
  'ssl_verify',
  'force_ipv4',
  'use_chat_completions_url_for_anthropic_messages',
  'disable_end_user_cost_tracking',
  'disable_end_user_cost_tracking_prometheus_only',
  'enable_json_schema_validation',
  'return_response_headers',
  'public_teams',
  'langfuse_default_tags',
  'mcp_aliases',
  'guardrails',
  'disable_add_transform_inline_image_block',
  'disable_hf_tokenizer_download',
  'enable_azure_ad_token_refresh',
  'default_max_internal_user_budget',
  'max_user_budget',
  'allow_requests_on_db_unavailable',
  'extra_spend_tag_headers',
  'global_disable_no_log_param',
  'cache_control_injection_points',
  'add_function_to_prompt',
  'supports_function_calling',
  'presidio_ad_hoc_recognizers',
  'disable_copilot_system_to_assistant',
]);

const KNOWN_TOP_LEVEL = new Set([
  'model_list',
  'litellm_settings',
  'general_settings',
  'router_settings',
  'environment_variables',
]);

const sameEndpoint = (a: string | undefined, b: string | undefined) =>
  a !== undefined && endpointKey(a) !== undefined && endpointKey(a) === endpointKey(b);

type At = (p: PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'col' | 'path'>;

/** What the provider step hands the model step: each entry's provider, and api_bases kept on the model. */
interface EntryProviders {
  provider: string[];
  modelBase: Map<number, string>;
}

export async function importLitellm(text: string, file: string, presets?: Map<string, Preset>): Promise<ImportResult> {
  const { parseYamlLocated } = await import('../config/locate.js');
  const ps = presets ?? (await (await import('../config/presets.js')).loadPresets());
  const { raw, at } = readLitellmConfig(parseYamlLocated(text, file), file);

  const warnings: Problem[] = [];
  const entries: Entry[] = [];
  raw.model_list.forEach((item: unknown, i: number) => {
    const entry = readEntry(item, i, at, warnings);
    if (entry) entries.push(entry);
  });

  const result: ImportResult = { tool: 'litellm', source: file, providers: {}, models: [], secrets: {}, warnings };
  const providers = entryProviders(entries, ps, result, at);
  groupModels(entries, providers, result, at);
  const proxy = importSettings(raw, result, at);
  if (Object.keys(proxy).length) result.proxy = proxy;
  warnNotImported(raw, warnings, at);
  return result;
}

/** The parsed config, refused (with where and what to do) unless it is a LiteLLM proxy config. */
function readLitellmConfig(
  { doc, at, errors }: LocatedYaml,
  file: string,
): { raw: Record<string, unknown> & { model_list: unknown[] }; at: At } {
  if (errors.length) {
    throw new LlmctlError(t('importers.litellm.notYaml', { file }), {
      problems: errors,
      hint: t('importers.litellm.notYamlHint'),
    });
  }
  const raw = doc.toJS() as unknown;
  if (!isObj(raw) || !Array.isArray(raw.model_list)) {
    throw new LlmctlError(t('importers.litellm.noModelList', { file }), {
      problems: [{ file, line: 1, col: 1, message: t('importers.litellm.noModelListProblem') }],
      hint: t('importers.litellm.noModelListHint'),
    });
  }
  return { raw: raw as Record<string, unknown> & { model_list: unknown[] }, at };
}

/** One provider per preset, endpoint and key: entries that share them share a provider. */
function entryProviders(entries: Entry[], ps: Map<string, Preset>, result: ImportResult, at: At): EntryProviders {
  const providerOf = new Map<string, string>();
  const usedEnv = new Set<string>();
  const out: EntryProviders = { provider: [], modelBase: new Map() };
  for (const e of entries) {
    const { preset, providerBase, modelApiBase, keepModel } = matchPreset(e, ps);
    if (keepModel) {
      result.warnings.push({
        ...at(['model_list', e.index, 'litellm_params', 'model']),
        message: t('importers.litellm.keptModel', { model: `${e.prefix}/${e.upstream}` }),
        hint: t('importers.litellm.keptModelHint'),
      });
    }
    const keyId =
      e.key.kind === 'real' ? `real:${e.key.value}` : e.key.kind === 'env' ? `env:${e.key.name}` : e.key.kind;
    const id = `${preset.id}|${keepModel ? e.prefix : ''}|${providerBase ?? ''}|${keyId}`;
    let name = providerOf.get(id);
    if (!name) {
      name = uniqueName(providerName(preset, providerBase, keepModel ? e.prefix : undefined), result.providers);
      providerOf.set(id, name);
      result.providers[name] = entryProvider(e, { preset, providerBase, keepModel }, name, result, at, usedEnv);
    }
    out.provider.push(name);
    moveCredentials(e, name, result, at);
    if (modelApiBase) out.modelBase.set(e.index, modelApiBase);
    if (keepModel) e.params = { model: `${e.prefix}/${e.upstream}`, ...e.params };
  }
  return out;
}

/** The provider an entry's key makes: a real key goes to the secrets store, a placeholder is reported. */
function entryProvider(
  e: Entry,
  { preset, providerBase, keepModel }: { preset: Preset; providerBase?: string; keepModel: boolean },
  name: string,
  result: ImportResult,
  at: At,
  usedEnv: Set<string>,
): ImportResult['providers'][string] {
  const provider: ImportResult['providers'][string] = {
    preset: preset.id,
    ...(providerBase ? { apiBase: providerBase } : {}),
  };
  if (e.key.kind === 'real') {
    result.secrets[name] = e.key.value;
    provider.apiKey = `secret:${name}`;
  } else if (e.key.kind === 'env') {
    provider.apiKey = `env:${e.key.name}`;
    usedEnv.add(e.key.name);
  } else if (e.key.kind === 'placeholder') {
    const own = !keepModel && ownsEndpoint(preset, providerBase);
    const ref = placeholderKeyRef(preset, name, own, usedEnv);
    if (ref) provider.apiKey = ref;
    (result.placeholderKeys ??= []).push(name);
    result.warnings.push({
      ...at(['model_list', e.index, 'litellm_params', 'api_key']),
      ...placeholderWarning(name, ref),
    });
  }
  return provider;
}

/** Repeated model_names are LiteLLM load balancing: one llmctl model with deployments. */
function groupModels(entries: Entry[], providers: EntryProviders, result: ImportResult, at: At): void {
  const byName = new Map<string, number[]>();
  entries.forEach((e, k) => byName.set(e.name, [...(byName.get(e.name) ?? []), k]));
  for (const [name, ks] of byName) {
    const first = entries[ks[0]!]!;
    if (ks.length === 1) {
      const base = providers.modelBase.get(first.index);
      result.models.push({
        name,
        provider: providers.provider[ks[0]!]!,
        ...(first.upstream !== name ? { model: first.upstream } : {}),
        ...(base ? { apiBase: base } : {}),
        ...(Object.keys(first.params).length ? { params: first.params } : {}),
        ...(first.modelInfo ? { modelInfo: first.modelInfo } : {}),
      });
      continue;
    }
    const nonAdjacent = ks.some((k, j) => j > 0 && k !== ks[j - 1]! + 1);
    if (nonAdjacent) {
      result.warnings.push({
        ...at(['model_list', entries[ks[1]!]!.index, 'model_name']),
        message: t('importers.litellm.apart', { name }),
        hint: t('importers.litellm.apartHint'),
      });
    }
    const info = ks.map((k) => entries[k]!.modelInfo).find(Boolean);
    result.models.push({
      name,
      ...(info ? { modelInfo: info } : {}),
      deployments: ks.map((k) => {
        const e = entries[k]!;
        const base = providers.modelBase.get(e.index);
        return {
          provider: providers.provider[k]!,
          model: e.upstream,
          ...(base ? { apiBase: base } : {}),
          ...(Object.keys(e.params).length ? { params: e.params } : {}),
        };
      }),
    });
  }
}

/**
 * Settings sections are passed through; keys (master key, passwords, a database URL with its
 * password) move to the secrets store.
 */
function importSettings(
  raw: Record<string, unknown>,
  result: ImportResult,
  at: At,
): NonNullable<ImportResult['proxy']> {
  for (const section of ['litellm_settings', 'general_settings', 'router_settings'] as const) {
    if (isObj(raw[section])) moveSettingsCredentials(raw[section], [section], result, at);
  }
  const proxy: NonNullable<ImportResult['proxy']> = {};
  if (isObj(raw.litellm_settings)) {
    for (const k of Object.keys(raw.litellm_settings)) {
      if (!KNOWN_LITELLM_SETTINGS.has(k)) {
        result.warnings.push({
          ...at(['litellm_settings', k]),
          message: t('importers.litellm.unknownSetting', { key: k }),
          hint: t('importers.litellm.unknownSettingHint'),
        });
      }
    }
    proxy.settings = raw.litellm_settings;
  }
  if (isObj(raw.general_settings)) {
    const { master_key: mk, ...rest } = raw.general_settings;
    if (Object.keys(rest).length) proxy.generalSettings = rest;
    if (typeof mk === 'string') {
      const env = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(mk);
      if (env) proxy.masterKey = `env:${env[1]}`;
      else if (!isPlaceholderKey(mk)) {
        result.secrets.proxy = mk;
        proxy.masterKey = 'secret:proxy';
      }
    }
  }
  if (isObj(raw.router_settings)) {
    const own = withoutRoutingDefaults(raw.router_settings, raw.model_list as unknown[]);
    if (Object.keys(own).length) proxy.routerSettings = own;
  }
  return proxy;
}

/**
 * router_settings without the values llmctl sets by itself for a name over several deployments
 * (litellm-routing.ts): a config llmctl generated imports back to a llmctl.yaml without them, and
 * llmctl adds them again as long as a model has several deployments. A value of the user's own stays.
 */
function withoutRoutingDefaults(settings: Record<string, unknown>, modelList: unknown[]): Record<string, unknown> {
  const names = modelList.map((m) => (isObj(m) ? m.model_name : undefined));
  if (!names.some((n, i) => n !== undefined && names.indexOf(n) !== i)) return settings;
  return Object.fromEntries(Object.entries(settings).filter(([k, v]) => MULTI_INSTANCE_ROUTING[k] !== v));
}

/** Sections llmctl does not model are named, so nothing disappears silently. */
function warnNotImported(raw: Record<string, unknown>, warnings: Problem[], at: At): void {
  if (isObj(raw.environment_variables) && Object.keys(raw.environment_variables).length) {
    warnings.push({
      ...at(['environment_variables']),
      message: t('importers.litellm.environmentVariables'),
      hint: t('importers.litellm.environmentVariablesHint'),
    });
  }
  for (const k of Object.keys(raw)) {
    if (!KNOWN_TOP_LEVEL.has(k))
      warnings.push({
        ...at([k]),
        message: t('importers.litellm.section', { key: k }),
        hint: t('importers.litellm.sectionHint'),
      });
  }
}

/**
 * Whether the preset's own key variable (keyEnv) belongs to this endpoint: it does for the
 * provider's own address, not for a custom server or another host on the openai preset, where
 * OPENAI_API_KEY would send the user's OpenAI key to someone else.
 */
export function ownsEndpoint(preset: Preset, apiBase: string | undefined): boolean {
  if (preset.id === 'custom' || preset.id === 'vllm') return false;
  return !apiBase || sameEndpoint(preset.apiBase, apiBase);
}

/**
 * The key reference for a provider whose file had only a placeholder: none for a server that needs
 * no key (vLLM, Ollama, a custom endpoint: llmctl sends a harmless placeholder), the preset's own
 * variable for the provider's own endpoint, else a secret still to be set — never a generic
 * variable such as OPENAI_API_KEY that holds a key for another service.
 */
export function placeholderKeyRef(
  preset: Preset,
  name: string,
  ownEndpoint: boolean,
  usedEnv: Set<string>,
): string | undefined {
  if (preset.needsKey === false) return undefined;
  if (!ownEndpoint || usedEnv.has(preset.keyEnv)) return `secret:${name}`;
  usedEnv.add(preset.keyEnv);
  return `env:${preset.keyEnv}`;
}

/** A key read from a variable llmctl reserves (LITELLM_MASTER_KEY, LLMCTL_*…) is not imported as a reference. */
export function reservedImportWarning(name: string): Pick<Problem, 'message' | 'hint'> {
  return {
    message: t('importers.reservedEnv', { name, why: reservedEnvReason(name) ?? '' }),
    hint: t('importers.reservedEnvHint'),
  };
}

export function placeholderWarning(name: string, ref: string | undefined): Pick<Problem, 'message' | 'hint'> {
  if (!ref) {
    return {
      message: t('importers.placeholderNoKey', { name }),
      hint: t('importers.placeholderNoKeyHint', { name }),
    };
  }
  const env = envVarOf(ref);
  return {
    message: t('importers.placeholder', { name }),
    hint: t('importers.placeholderHint', { name, ...(env ? { env } : {}) }),
  };
}

/**
 * Credentials among an entry's other litellm_params (aws_secret_access_key, vertex_credentials,
 * extra_headers.Authorization…) go to the secrets store like api_key; llmctl.yaml gets secret:NAME
 * (rendered as os.environ/VAR, filled in by serve). Headers cannot be references in LiteLLM: a
 * credential header is stored and removed, with a warning.
 */
function moveCredentials(e: Entry, provider: string, result: ImportResult, at: At): void {
  const store = (field: string, value: string): string => {
    const base = `${provider}-${slug(field.replace(/_/g, '-'))}`;
    const same = Object.entries(result.secrets).find(
      ([n, v]) => (n === base || n.startsWith(`${base}-`)) && v === value,
    );
    const name = same?.[0] ?? uniqueName(base, result.secrets);
    result.secrets[name] = value;
    return name;
  };
  for (const [k, v] of Object.entries(e.params)) {
    if ((HEADER_PARAMS as readonly string[]).includes(k) && isObj(v)) {
      for (const [h, hv] of Object.entries(v)) {
        if (!isCredentialHeader(h) || typeof hv !== 'string') continue;
        const name = store(h, hv);
        delete v[h];
        result.warnings.push({
          ...at(['model_list', e.index, 'litellm_params', k, h]),
          message: t('importers.litellm.credentialHeader', { header: h, name }),
          hint: t('importers.litellm.credentialHeaderHint', { provider, name }),
        });
      }
      if (!Object.keys(v).length) delete e.params[k];
      continue;
    }
    const env = osEnvironName(v);
    if (env && reservedEnvReason(env)) {
      delete e.params[k];
      result.warnings.push({ ...at(['model_list', e.index, 'litellm_params', k]), ...reservedImportWarning(env) });
      continue;
    }
    if (!isCredentialParam(k) || v === null || v === undefined || env) continue;
    if (typeof v === 'string' && isPlaceholderKey(v)) {
      delete e.params[k];
      result.warnings.push({
        ...at(['model_list', e.index, 'litellm_params', k]),
        message: t('importers.litellm.placeholderParam', { key: k }),
        hint: t('importers.litellm.placeholderParamHint', { key: k }),
      });
      continue;
    }
    e.params[k] = `secret:${store(k, typeof v === 'string' ? v.trim() : JSON.stringify(v))}`;
  }
}

/**
 * Literal credentials anywhere in a settings section become secret:proxy-FIELD (the master key is handled on its own).
 */
function moveSettingsCredentials(
  obj: Record<string, unknown> | unknown[],
  path: PropertyKey[],
  result: ImportResult,
  at: At,
  depth = 0,
): void {
  if (depth > 32) return;
  for (const [k, v] of Object.entries(obj)) {
    const key: PropertyKey = Array.isArray(obj) ? Number(k) : k;
    if (v && typeof v === 'object') {
      moveSettingsCredentials(v as Record<string, unknown>, [...path, key], result, at, depth + 1);
      continue;
    }
    if (path.length === 1 && path[0] === 'general_settings' && k === 'master_key') continue;
    if (!isLiteralSettingsCredential(k, v)) continue;
    const name = uniqueName(`proxy-${slug(k.replace(/_/g, '-'))}`, result.secrets);
    result.secrets[name] = v as string;
    (obj as Record<string, unknown>)[k] = `secret:${name}`;
    result.warnings.push({
      ...at([...path, key]),
      message: t('importers.litellm.settingsCredential', { key: k, name }),
      hint: t('importers.litellm.settingsCredentialHint'),
    });
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readEntry(item: unknown, i: number, at: At, warnings: Problem[]): Entry | undefined {
  if (
    !isObj(item) ||
    typeof item.model_name !== 'string' ||
    !item.model_name ||
    !isObj(item.litellm_params) ||
    typeof item.litellm_params.model !== 'string'
  ) {
    warnings.push({
      ...at(['model_list', i]),
      message: t('importers.litellm.entrySkipped'),
      hint: t('importers.litellm.entrySkippedHint'),
    });
    return undefined;
  }
  const { model, api_base: apiBase, api_key: apiKey, ...params } = item.litellm_params;
  const slash = (model as string).indexOf('/');
  const prefix = slash > 0 ? (model as string).slice(0, slash) : '';
  const upstream = slash > 0 ? (model as string).slice(slash + 1) : (model as string);
  let key: KeyFinding;
  // NO_KEY is what llmctl itself writes for a keyless server: importing llmctl's own config keeps it keyless.
  if (apiKey === undefined || apiKey === NO_KEY) key = { kind: 'none' };
  else if (apiKey === null || typeof apiKey !== 'string') key = { kind: 'placeholder' };
  else {
    const env = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(apiKey.trim());
    key = env
      ? { kind: 'env', name: env[1]! }
      : isPlaceholderKey(apiKey)
        ? { kind: 'placeholder' }
        : { kind: 'real', value: apiKey.trim() };
    if (key.kind === 'env' && reservedEnvReason(key.name)) {
      warnings.push({ ...at(['model_list', i, 'litellm_params', 'api_key']), ...reservedImportWarning(key.name) });
      key = { kind: 'placeholder' };
    }
  }
  for (const k of Object.keys(item)) {
    if (k !== 'model_name' && k !== 'litellm_params' && k !== 'model_info') {
      warnings.push({
        ...at(['model_list', i, k]),
        message: t('importers.litellm.entryField', { key: k }),
        hint: t('importers.litellm.entryFieldHint'),
      });
    }
  }
  return {
    index: i,
    name: item.model_name,
    prefix,
    upstream,
    ...(typeof apiBase === 'string' && apiBase ? { apiBase } : {}),
    key,
    params,
    ...(isObj(item.model_info) ? { modelInfo: item.model_info } : {}),
  };
}

/**
 * Which preset an entry belongs to, and where its api_base goes so the rendered config writes it
 * exactly as the source did (trailing slash included) and adds none where the source had none.
 */
function matchPreset(
  e: Entry,
  presets: Map<string, Preset>,
): { preset: Preset; providerBase?: string; modelApiBase?: string; keepModel: boolean } {
  const all = [...presets.values()];
  const byPrefix = all.filter((p) => p.prefix === e.prefix);
  if (!e.prefix || !byPrefix.length) {
    // Unknown prefix (azure/, bedrock/…) or none: the openai preset with the model string kept verbatim.
    const openai = presets.get('openai')!;
    return { preset: openai, ...(e.apiBase ? { providerBase: e.apiBase } : {}), keepModel: Boolean(e.prefix) };
  }
  if (e.apiBase) {
    const same = byPrefix.find((p) => sameEndpoint(p.apiBase, e.apiBase));
    if (same) {
      // Written exactly as the preset would: nothing to store.
      if (same.emitApiBase && same.apiBase === e.apiBase) return { preset: same, keepModel: false };
      // The preset's own base, written although LiteLLM knows it (openrouter with api_base): keep it
      // on the model so the provider's other models do not gain one.
      if (!same.emitApiBase) return { preset: same, modelApiBase: e.apiBase, keepModel: false };
      return { preset: same, providerBase: e.apiBase, keepModel: false };
    }
    const self =
      byPrefix.find((p) => p.id === e.prefix) ??
      (e.prefix === 'openai' ? presets.get('custom') : undefined) ??
      byPrefix.find((p) => !p.apiBase) ??
      byPrefix[0]!;
    return { preset: self, providerBase: e.apiBase, keepModel: false };
  }
  // No api_base: a preset that writes none either.
  const quiet = byPrefix.find((p) => p.id === e.prefix && !p.emitApiBase) ?? byPrefix.find((p) => !p.emitApiBase);
  if (quiet) return { preset: quiet, keepModel: false };
  // hosted_vllm/ or moonshot/ with LiteLLM's default base: keep the model string verbatim on the openai preset.
  return { preset: presets.get('openai')!, keepModel: true };
}

function providerName(preset: Preset, base: string | undefined, keptPrefix: string | undefined): string {
  return keptPrefix ? slug(keptPrefix) : endpointName(preset.id, base);
}

function uniqueName(base: string, taken: Record<string, unknown>): string {
  if (!Object.hasOwn(taken, base)) return base;
  for (let i = 2; ; i++) if (!Object.hasOwn(taken, `${base}-${i}`)) return `${base}-${i}`;
}
