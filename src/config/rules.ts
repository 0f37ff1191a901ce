import type { Problem } from '../errors.js';
import type { LlmctlConfig } from './schema.js';
import { NAME_PATTERN } from './constants.js';
import type { Preset } from './presets.js';
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

/**
 * Checks zod cannot express: references between sections, presets, names.
 * Each rule is small and named; `doctor` runs the same list.
 */
export interface RuleProblem extends Omit<Problem, 'file' | 'line' | 'col'> {
  pathSegments: PropertyKey[];
  severity: 'error' | 'warning';
}

type Rule = (config: LlmctlConfig, presets: Map<string, Preset>) => RuleProblem[];

const err = (pathSegments: PropertyKey[], message: string, hint?: string): RuleProblem => ({
  pathSegments,
  message,
  severity: 'error',
  ...(hint ? { hint } : {}),
});
const warn = (pathSegments: PropertyKey[], message: string, hint?: string): RuleProblem => ({
  ...err(pathSegments, message, hint),
  severity: 'warning',
});

const providerNames: Rule = (config) =>
  Object.keys(config.providers)
    .filter((name) => !NAME_PATTERN.test(name))
    .map((name) =>
      err(
        ['providers', name],
        `provider name "${name}" has characters llmctl cannot use`,
        'use letters, digits, "-", "_" or "."',
      ),
    );

const knownPresets: Rule = (config, presets) =>
  Object.entries(config.providers)
    .filter(([, p]) => !presets.has(p.preset))
    .map(([name, p]) =>
      err(
        ['providers', name, 'preset'],
        `unknown preset "${p.preset}"`,
        `use one of: ${[...presets.keys()].join(', ')}`,
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
            `provider "${name}" (${preset.name}) needs an apiBase`,
            `add apiBase: ${preset.apiBaseHint ?? 'http://HOST:PORT/v1'}`,
          ),
        ];
  });

const openAiBaseEndsInV1: Rule = (config, presets) =>
  Object.entries(config.providers).flatMap(([name, p]) => {
    const preset = presets.get(p.preset);
    if (!preset || !p.apiBase || (preset.id !== 'custom' && preset.id !== 'vllm')) return [];
    return /\/v1\/?$/.test(p.apiBase)
      ? []
      : [
          warn(
            ['providers', name, 'apiBase'],
            `apiBase "${p.apiBase}" does not end in /v1`,
            'OpenAI-compatible servers (vLLM…) serve under /v1; add it unless your server differs',
          ),
        ];
  });

const modelShape: Rule = (config) =>
  config.models.flatMap((m, i) => {
    if (m.provider && m.deployments)
      return [
        err(
          ['models', i],
          `model "${m.name}" has both provider and deployments`,
          'keep one: deployments for several upstreams, provider for one',
        ),
      ];
    if (!m.provider && !m.deployments)
      return [
        err(
          ['models', i],
          `model "${m.name}" has no provider`,
          'add provider: NAME (one of providers:) or a deployments list',
        ),
      ];
    return [];
  });

const providersExist: Rule = (config) => {
  const names = Object.keys(config.providers);
  const hint = names.length ? `use one of: ${names.join(', ')}, or add it under providers:` : 'add it under providers:';
  return config.models.flatMap((m, i) => [
    ...(m.provider && !config.providers[m.provider]
      ? [err(['models', i, 'provider'], `model "${m.name}" uses provider "${m.provider}", which is not defined`, hint)]
      : []),
    ...(m.deployments ?? []).flatMap((d, j) =>
      config.providers[d.provider]
        ? []
        : [
            err(
              ['models', i, 'deployments', j, 'provider'],
              `deployment uses provider "${d.provider}", which is not defined`,
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
        `duplicate model name "${m.name}" (also models[${first}])`,
        'rename one, or list both upstreams under one model as deployments: to load-balance',
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
            `Claude Code model "${c[f]}" is not a model in llmctl.yaml`,
            'use the name of one of models:, or add that model',
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
            `Continue model "${n}" is not a model in llmctl.yaml`,
            'use the name of one of models:',
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
    const what =
      field === 'apiKey' || isCredentialParam(field)
        ? "cannot hold a provider's key"
        : `cannot be given to LiteLLM as ${field}`;
    return [
      err(
        path,
        `${form}${name} ${what}: ${why}, and its value would be sent upstream`,
        'store the key with `llmctl keys set NAME` and write secret:NAME here, or export it under a name of its own (e.g. MYPROVIDER_API_KEY) and write env:THAT_NAME',
      ),
    ];
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
              `header "${h}" carries a credential: llmctl.yaml holds no keys, and LiteLLM would copy it as written`,
              'remove it and give the key as the provider’s apiKey (`llmctl keys set NAME`, then apiKey: secret:NAME): LiteLLM sends it as Authorization / x-api-key / api-key itself',
            ),
          );
      }
      if (!isCredentialParam(k) || v === null || v === undefined || isKeyRef(v) || osEnvironName(v)) return [];
      return [
        err(
          [...path, k],
          `${k} is a credential written into llmctl.yaml (llmctl.yaml holds no keys; the LiteLLM config would get it as written)`,
          `store it with \`llmctl keys set NAME\` and write ${k}: secret:NAME (or env:VAR / os.environ/VAR for an environment variable)`,
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
        `provider "${name}" has no apiKey and ${preset.name} needs one: its requests carry llmctl's placeholder key (never a key from your shell) and will be refused`,
        `run \`llmctl keys set ${name}\` (it points providers.${name}.apiKey at the stored key)`,
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
        field === 'master_key'
          ? 'remove it: llmctl sets the master key from proxy.masterKey (`llmctl keys set proxy`)'
          : `store it with \`llmctl keys set NAME\` and write ${field}: secret:NAME (or os.environ/VAR for an environment variable)`;
      return [
        err(
          p,
          `${field} is a credential written into llmctl.yaml (llmctl.yaml holds no keys; the LiteLLM config would get it as written)`,
          fix,
        ),
      ];
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
};

export function runRules(config: LlmctlConfig, presets: Map<string, Preset>): RuleProblem[] {
  return Object.values(RULES).flatMap((rule) => rule(config, presets));
}
