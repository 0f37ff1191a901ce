import type { z as Z } from 'zod';
import { zod } from '../deps.js';
import { t } from '../i18n/index.js';

// i18n-ignore-file: the strings here are the JSON Schema's descriptions (schema/llmctl.schema.json, read
// by editors); the messages users see come from the catalog (config.keyRefFormat, config.urlFormat).

/**
 * The one definition of llmctl.yaml. TypeScript types come from it (z.infer) and so does the
 * JSON Schema shipped in schema/llmctl.schema.json (kept in step by a test).
 */

import { KEY_REF_PATTERN, ROLES } from './constants.js';

export { KEY_REF_PATTERN, NAME_PATTERN, ROLES } from './constants.js';

const { z } = zod();

export const KeyRef = z
  .string()
  .regex(KEY_REF_PATTERN, { error: () => t('config.keyRefFormat') })
  .describe('A key reference: secret:NAME (llmctl secrets store) or env:VAR (environment variable).');

export const Role = z.enum(ROLES).describe('A Continue model role.');

/** Free-form values passed through to the target untouched (LiteLLM `litellm_params`, settings…). */
const Passthrough = z.record(z.string(), z.unknown());

const Url = z.string().regex(/^https?:\/\/[^\s/]+/, { error: () => t('config.urlFormat') });

export const Provider = z
  .object({
    preset: z.string().min(1).describe('A preset from templates/presets.yaml (zhipu, siliconflow, vllm, custom…).'),
    apiBase: Url.optional().describe("The provider's base URL; defaults to the preset's."),
    apiKey: KeyRef.optional(),
    params: Passthrough.optional().describe('Extra litellm_params for every model of this provider.'),
  })
  .strict();

export const Deployment = z
  .object({
    provider: z.string().min(1),
    model: z.string().min(1).optional().describe("Upstream model id; defaults to the model's."),
    apiBase: Url.optional(),
    params: Passthrough.optional(),
    rpm: z.number().int().positive().optional(),
    tpm: z.number().int().positive().optional(),
  })
  .strict();

export const Model = z
  .object({
    name: z.string().min(1).describe('The public name clients ask the proxy for (LiteLLM model_name).'),
    provider: z.string().min(1).optional(),
    model: z.string().min(1).optional().describe('Upstream model id (without the LiteLLM prefix); defaults to name.'),
    apiBase: Url.optional().describe("Overrides the provider's base URL for this model."),
    params: Passthrough.optional().describe('Passed through into litellm_params (temperature, max_tokens…).'),
    modelInfo: Passthrough.optional().describe('Passed through as LiteLLM model_info.'),
    roles: z.array(Role).min(1).optional().describe('Roles for editors (Continue); default chat, edit, apply.'),
    rpm: z.number().int().positive().optional(),
    tpm: z.number().int().positive().optional(),
    maxTokens: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Output token limit for editor clients (Continue defaultCompletionOptions.maxTokens).'),
    continue: Passthrough.optional().describe(
      'Extra fields for the Continue model entry (chatOptions, requestOptions…).',
    ),
    deployments: z
      .array(Deployment)
      .min(1)
      .optional()
      .describe('Several upstreams behind one name: LiteLLM load-balances.'),
  })
  .strict();

/**
 * A named client of the proxy (Open WebUI, a person, a CI job): its own key instead of the master key,
 * the models it may use and its limits, which llmctl's key check hands to LiteLLM's own limiter.
 */
export const ProxyClient = z
  .object({
    key: KeyRef.describe('The key this client sends to the proxy (a secret: or env: reference, never the master key).'),
    models: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Public model names this client may use; default every model.'),
    rpm: z.number().int().positive().optional().describe('Requests per minute for this client (LiteLLM rpm_limit).'),
    tpm: z.number().int().positive().optional().describe('Tokens per minute for this client (LiteLLM tpm_limit).'),
    maxBudget: z.number().positive().optional().describe('Spend limit in USD (LiteLLM max_budget).'),
    budgetDuration: z
      .string()
      .regex(/^\d+[smhd]$/)
      .optional()
      .describe('When the budget resets: 30s, 10m, 24h, 30d (LiteLLM budget_duration).'),
  })
  .strict();

/** Shared state for several workers and instances (LiteLLM's router_settings redis fields and cache). */
export const RedisSection = z
  .object({
    host: z.string().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    password: KeyRef.optional(),
    url: z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/)
      .optional()
      .describe('redis://HOST:PORT instead of host and port (no password in it: use password).'),
    cache: z.boolean().optional().describe('Also cache responses in Redis (litellm_settings.cache).'),
  })
  .strict();

export const ProxySection = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(1).max(65535).default(4000),
    masterKey: KeyRef.optional().describe(
      'Key clients use to reach the proxy; generated as secret:proxy on first need.',
    ),
    settings: Passthrough.optional().describe('LiteLLM litellm_settings, passed through.'),
    generalSettings: Passthrough.optional().describe(
      'LiteLLM general_settings, passed through (master_key is set by llmctl).',
    ),
    routerSettings: Passthrough.optional().describe('LiteLLM router_settings, passed through.'),
    clients: z
      .record(z.string(), ProxyClient)
      .optional()
      .describe('Named client keys (Open WebUI, people, CI), each limited to its models and rates.'),
    url: Url.optional().describe(
      'Client mode: the root URL of a gateway someone else runs; llmctl then runs no proxy of its own.',
    ),
    key: KeyRef.optional().describe('Client mode: your key for that gateway (a virtual key).'),
    redis: RedisSection.optional().describe('Redis shared by workers and instances (limits, cooldowns, cache).'),
    workers: z.number().int().min(1).max(64).optional().describe('LiteLLM worker processes (serve --workers).'),
    instances: z
      .array(Url)
      .min(1)
      .optional()
      .describe('Root URLs of every instance of this gateway, for doctor to compare their configs.'),
    configFile: z
      .string()
      .min(1)
      .optional()
      .describe('Where to write the generated LiteLLM config; default $LLMCTL_HOME/litellm.config.yaml.'),
  })
  .strict();

export const ContinueTool = z
  .object({
    enabled: z.boolean().default(true),
    via: z.enum(['proxy', 'direct']).default('proxy'),
    models: z.array(z.string()).optional().describe('Which models to put in Continue; default all.'),
  })
  .strict();

export const ClaudeTool = z
  .object({
    enabled: z.boolean().default(true),
    model: z.string().optional().describe('Main model (settings.json `model`).'),
    opusModel: z.string().optional(),
    sonnetModel: z.string().optional(),
    haikuModel: z
      .string()
      .optional()
      .describe('Model for background calls (ANTHROPIC_DEFAULT_HAIKU_MODEL); must exist on the proxy.'),
    maxOutputTokens: z.number().int().positive().optional(),
    gitBashPath: z
      .string()
      .default('auto')
      .describe('Windows: auto (detect Git Bash), off, or a full path to bash.exe.'),
    onboarding: z
      .boolean()
      .optional()
      .describe('Set hasCompletedOnboarding in ~/.claude.json so no login is demanded.'),
  })
  .strict();

export const CodexTool = z
  .object({
    enabled: z.boolean().default(false),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    model: z.string().optional().describe('Codex CLI: the proxy model it uses (config.toml `model`).'),
    setDefault: z
      .boolean()
      .optional()
      // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
      .describe('Codex CLI: make llmctl its default provider (top-level model/model_provider).'),
  })
  .strict();

export const OpencodeTool = z
  .object({
    enabled: z.boolean().default(false),
    models: z
      .array(z.string())
      .optional()
      // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
      .describe('opencode: which models to list under provider.llmctl; default the chat models.'),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    model: z.string().optional().describe('opencode: its default model (top-level model llmctl/NAME).'),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    setDefault: z.boolean().optional().describe('opencode: make llmctl/MODEL its default model.'),
  })
  .strict();

export const QwenTool = z
  .object({
    enabled: z.boolean().default(false),
    models: z
      .array(z.string())
      .optional()
      // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
      .describe('Qwen Code: which models to list under modelProviders.llmctl; default the chat models.'),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    model: z.string().optional().describe('Qwen Code: its default model (model.name).'),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    setDefault: z.boolean().optional().describe('Qwen Code: make an llmctl model its default.'),
  })
  .strict();

export const GeminiTool = z
  .object({
    enabled: z.boolean().default(false),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    model: z.string().optional().describe('Gemini CLI: its model (model.name), a proxy model name.'),
    // i18n-ignore: JSON Schema text (data shipped in schema/llmctl.schema.json)
    setDefault: z.boolean().optional().describe('Gemini CLI: let llmctl set model.name and the auth type.'),
  })
  .strict();

export const OpenWebUITool = z
  .object({
    enabled: z.boolean().default(false),
    client: z
      .string()
      .min(1)
      .default('openwebui')
      .describe('Open WebUI: the proxy.clients entry whose key it uses (never the master key).'),
    port: z.number().int().min(1).max(65535).default(8080).describe('Open WebUI: its port (serve --webui).'),
  })
  .strict();

export const ToolsSection = z
  .object({
    continue: ContinueTool.default({ enabled: true, via: 'proxy' }),
    claude: ClaudeTool.default({ enabled: true, gitBashPath: 'auto' }),
    codex: CodexTool.default({ enabled: false }),
    opencode: OpencodeTool.default({ enabled: false }),
    qwen: QwenTool.default({ enabled: false }),
    gemini: GeminiTool.default({ enabled: false }),
    openwebui: OpenWebUITool.default({ enabled: false, client: 'openwebui', port: 8080 }),
  })
  .strict();

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).describe('Format version of llmctl.yaml.'),
    proxy: ProxySection.default({ host: '127.0.0.1', port: 4000 }),
    providers: z.record(z.string(), Provider).default({}),
    models: z.array(Model).default([]),
    tools: ToolsSection.default({
      continue: { enabled: true, via: 'proxy' },
      claude: { enabled: true, gitBashPath: 'auto' },
      codex: { enabled: false },
      opencode: { enabled: false },
      qwen: { enabled: false },
      gemini: { enabled: false },
      openwebui: { enabled: false, client: 'openwebui', port: 8080 },
    }),
  })
  .strict();

export type LlmctlConfig = Z.infer<typeof ConfigSchema>;
export type ConfigInput = Z.input<typeof ConfigSchema>;
export type ProviderConfig = Z.infer<typeof Provider>;
export type ModelConfig = Z.infer<typeof Model>;
export type DeploymentConfig = Z.infer<typeof Deployment>;
export type ProxyClientConfig = Z.infer<typeof ProxyClient>;
export type RedisConfig = Z.infer<typeof RedisSection>;
export type RoleName = (typeof ROLES)[number];
