import { t } from '../i18n/index.js';
import type { LlmctlConfig } from './schema.js';
import { NAME_PATTERN } from './constants.js';
import type { Preset } from './presets.js';
import { SCALE_RULES } from './rules-scale.js';
import { err, warn, type Rule, type RuleProblem } from './rule-kit.js';
import { clientRules } from './rules-clients.js';
import { HEADER_PARAMS, isCredentialHeader, isCredentialParam, isLiteralSettingsCredential } from './credentials.js';
import {
  isKeyRef,
  keyRefsInConfig,
  leaves,
  osEnvironName,
  paramsPlaces,
  parseKeyRef,
  reservedEnvReason,
  settingsPlaces,
} from '../secrets/refs.js';
import { LOCAL_PROXY_RULES, clientModeRules } from './client-mode-rules.js';

/**
 * Checks zod cannot express: references between sections, presets, names.
 * Each rule is small and named; `doctor` runs the same list.
 */
export type { Rule, RuleProblem } from './rule-kit.js';

const providerNames: Rule = (config) =>
  Object.keys(config.providers)
    .filter((name) => !NAME_PATTERN.test(name))
    .map((name) =>
      err(['providers', name], t('config.rule.providerName', { name }), t('config.rule.providerNameHint')),
    );

const knownPresets: Rule = (config, presets) =>
  Object.entries(config.providers)
    .filter(([, p]) => !presets.has(p.preset))
    .map(([name, p]) =>
      err(
        ['providers', name, 'preset'],
        t('config.rule.unknownPreset', { preset: p.preset }),
        t('config.useOneOf', { values: [...presets.keys()].join(', ') }),
      ),
    );

const baseWhereRequired: Rule = (config, presets) =>
  Object.entries(config.providers).flatMap(([name, p]) => {
    const preset = presets.get(p.preset);
    if (!preset || p.apiBase || preset.apiBase) return [];
    const usedWithBase = config.models.every((m) =>
      m.provider === name
        ? Boolean(m.apiBase)
        : (m.deployments ?? []).every((d) => d.provider !== name || Boolean(d.apiBase)),
    );
    return usedWithBase
      ? []
      : [
          err(
            ['providers', name],
            t('config.rule.needsApiBase', { name, preset: preset.name }),
            t('config.rule.needsApiBaseHint', { example: preset.apiBaseHint ?? 'http://HOST:PORT/v1' }),
          ),
        ];
  });

const openAiBaseEndsInV1: Rule = (config, presets) => {
  const noV1 = (path: (string | number)[], apiBase: string | undefined) =>
    !apiBase || /\/v1\/?$/.test(apiBase)
      ? []
      : [warn(path, t('config.rule.noV1', { apiBase }), t('config.rule.noV1Hint'))];
  const wantsV1 = (provider: string) => presets.get(config.providers[provider]?.preset ?? '')?.v1 === true;
  return [
    ...Object.entries(config.providers).flatMap(([name, p]) =>
      wantsV1(name) ? noV1(['providers', name, 'apiBase'], p.apiBase) : [],
    ),
    // Each instance of a model server (deployments with their own apiBase) answers under /v1 too.
    ...config.models.flatMap((m, i) =>
      (m.deployments ?? []).flatMap((d, j) =>
        wantsV1(d.provider) ? noV1(['models', i, 'deployments', j, 'apiBase'], d.apiBase) : [],
      ),
    ),
  ];
};

const modelShape: Rule = (config) =>
  config.models.flatMap((m, i) => {
    if (m.provider && m.deployments)
      return [
        err(
          ['models', i],
          t('config.rule.providerAndDeployments', { model: m.name }),
          t('config.rule.providerAndDeploymentsHint'),
        ),
      ];
    if (!m.provider && !m.deployments)
      return [err(['models', i], t('config.rule.noProvider', { model: m.name }), t('config.rule.noProviderHint'))];
    return [];
  });

const providersExist: Rule = (config) => {
  const names = Object.keys(config.providers);
  const hint = names.length
    ? t('config.rule.undefinedProviderHint', { names: names.join(', ') })
    : t('config.rule.undefinedProviderHintNone');
  return config.models.flatMap((m, i) => [
    ...(m.provider && !config.providers[m.provider]
      ? [
          err(
            ['models', i, 'provider'],
            t('config.rule.modelUndefinedProvider', { model: m.name, provider: m.provider }),
            hint,
          ),
        ]
      : []),
    ...(m.deployments ?? []).flatMap((d, j) =>
      config.providers[d.provider]
        ? []
        : [
            err(
              ['models', i, 'deployments', j, 'provider'],
              t('config.rule.deploymentUndefinedProvider', { provider: d.provider }),
              hint,
            ),
          ],
    ),
  ]);
};

const uniqueModelNames: Rule = (config) => {
  const seen = new Map<string, number>();
  return config.models.flatMap((m, i) => {
    const first = seen.get(m.name);
    if (first === undefined) {
      seen.set(m.name, i);
      return [];
    }
    return [
      err(
        ['models', i, 'name'],
        t('config.rule.duplicateModel', { model: m.name, first }),
        t('config.rule.duplicateModelHint'),
      ),
    ];
  });
};

const toolModelsExist: Rule = (config) => {
  const names = new Set(config.models.map((m) => m.name));
  const c = config.tools.claude;
  const fields = ['model', 'opusModel', 'sonnetModel', 'haikuModel'] as const;
  const claude = fields.flatMap((f) =>
    c[f] && !names.has(c[f])
      ? [
          err(
            ['tools', 'claude', f],
            t('config.rule.claudeModelMissing', { model: c[f] }),
            t('config.rule.claudeModelMissingHint'),
          ),
        ]
      : [],
  );
  const cont = (config.tools.continue.models ?? []).flatMap((n, i) =>
    names.has(n)
      ? []
      : [
          err(
            ['tools', 'continue', 'models', i],
            t('config.rule.continueModelMissing', { model: n }),
            t('config.rule.continueModelMissingHint'),
          ),
        ],
  );
  return [...claude, ...cont];
};

/**
 * An upstream key (or any param) read from a variable that already means something to llmctl or
 * the proxy (`env:LITELLM_MASTER_KEY` would send the proxy's own key to a provider). The master key
 * and the proxy settings may come from any variable: they never leave the proxy.
 */
const reservedKeyEnv: Rule = (config) => {
  const fromRefs = keyRefsInConfig(config)
    // The proxy's own settings may read its own variables (database_url: env:DATABASE_URL).
    .filter((u) => u.path[0] !== 'proxy' && parseKeyRef(u.ref).kind === 'env')
    .map((u) => ({ path: u.path, name: parseKeyRef(u.ref).name, form: 'env:' }));
  const fromOsEnviron = paramsPlaces(config).flatMap(({ path, params }) =>
    Object.entries(params).flatMap(([k, v]) => {
      // Any top-level param: LiteLLM resolves os.environ/ in all of them, and sends most upstream.
      const name = osEnvironName(v);
      return name ? [{ path: [...path, k], name, form: 'os.environ/' }] : [];
    }),
  );
  return [...fromRefs, ...fromOsEnviron].flatMap(({ path, name, form }) => {
    const why = reservedEnvReason(name);
    if (!why) return [];
    const field = String(path[path.length - 1]);
    const ref = `${form}${name}`;
    const message =
      field === 'apiKey' || isCredentialParam(field)
        ? t('config.rule.reservedEnvKey', { ref, why })
        : t('config.rule.reservedEnvParam', { ref, field, why });
    return [err(path, message, t('config.rule.reservedEnvHint'))];
  });
};

/**
 * A credential written into llmctl.yaml as a literal (params: { api_key: sk-…, aws_secret_access_key,
 * extra_headers: { Authorization } …}) would be copied into the generated LiteLLM config. The message
 * names the field, never the value.
 */
const literalCredentials: Rule = (config) =>
  paramsPlaces(config).flatMap(({ path, params }) =>
    Object.entries(params).flatMap(([k, v]): RuleProblem[] => {
      if ((HEADER_PARAMS as readonly string[]).includes(k) && v && typeof v === 'object' && !Array.isArray(v)) {
        return Object.keys(v)
          .filter(isCredentialHeader)
          .map((h) =>
            err(
              [...path, k, h],
              t('config.rule.credentialHeader', { header: h }),
              t('config.rule.credentialHeaderHint'),
            ),
          );
      }
      if (!isCredentialParam(k) || v === null || v === undefined || isKeyRef(v) || osEnvironName(v)) return [];
      return [
        err(
          [...path, k],
          t('config.rule.literalCredential', { field: k }),
          t('config.rule.literalCredentialHint', { field: k }),
        ),
      ];
    }),
  );

/**
 * A provider of a preset that needs a key, without one: LiteLLM gets llmctl's placeholder key (never
 * one from the shell), so the upstream will refuse it. Only a warning: the key may be set later.
 */
const keyWhereNeeded: Rule = (config, presets) =>
  Object.entries(config.providers).flatMap(([name, p]) => {
    const preset = presets.get(p.preset);
    if (!preset?.needsKey || p.apiKey || Object.keys(p.params ?? {}).some(isCredentialParam)) return [];
    return [
      warn(
        ['providers', name],
        t('config.rule.noKey', { name, preset: preset.name }),
        t('config.rule.noKeyHint', { name }),
      ),
    ];
  });

/**
 * Credentials in the proxy settings (general_settings.database_url with a password,
 * cache_params.password, router_settings.redis_password…) are keys too: LiteLLM resolves
 * os.environ/ anywhere in its config, and llmctl renders secret:/env: there as os.environ/.
 */
const literalSettingsCredentials: Rule = (config) =>
  settingsPlaces(config).flatMap(({ path, value }) =>
    leaves(value, path).flatMap(([p, v]): RuleProblem[] => {
      const field = String(p[p.length - 1]);
      if (!isLiteralSettingsCredential(field, v)) return [];
      const fix =
        field === 'master_key' ? t('config.rule.literalMasterKeyHint') : t('config.rule.literalSettingHint', { field });
      return [err(p, t('config.rule.literalCredential', { field }), fix)];
    }),
  );

export const RULES: Record<string, Rule> = {
  providerNames,
  knownPresets,
  baseWhereRequired,
  openAiBaseEndsInV1,
  modelShape,
  providersExist,
  uniqueModelNames,
  toolModelsExist,
  reservedKeyEnv,
  literalCredentials,
  literalSettingsCredentials,
  keyWhereNeeded,
  ...clientRules,
  ...SCALE_RULES,
};

export function runRules(config: LlmctlConfig, presets: Map<string, Preset>): RuleProblem[] {
  // Client mode (proxy.url): the rules about llmctl's own proxy do not apply; its own rules do.
  const client = config.proxy.url !== undefined;
  return [
    ...Object.entries(RULES)
      .filter(([name]) => !client || !LOCAL_PROXY_RULES.has(name))
      .flatMap(([, rule]) => rule(config, presets)),
    ...clientModeRules(config),
  ];
}
