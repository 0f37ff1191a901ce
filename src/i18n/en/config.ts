import type { Messages } from '../message.js';

/**
 * English messages of the config area (loading and validating llmctl.yaml, the validation rules).
 * Ids start with `config.`.
 *
 * Schema errors: llmctl's own wording is used for a missing field, an unknown field and the formats
 * llmctl defines (key reference, URL). For zod's other issues the English text is zod's own message
 * (`zod`), which users and tests already know; other locales map the common issue codes
 * (invalid_type, invalid_value, too_small, too_big) to their own words and wrap the rest around
 * zod's English message. Every format (invalid_format) in schema.ts has llmctl's own message.
 */
export const config = {
  // Loading llmctl.yaml
  'config.notFound': (p: { file: string }) => `no llmctl config at ${p.file}`,
  'config.notFoundHint': 'run `llmctl init` (or `llmctl import litellm FILE`) to create one, or pass --config FILE',
  'config.cannotRead': (p: { file: string; code: string }) => `cannot read ${p.file}: ${p.code}`,
  'config.cannotReadHint': 'check the file permissions',
  'config.hasProblems': (p: { file: string; n: number }) => `${p.file} has ${p.n} problem${p.n === 1 ? '' : 's'}`,
  'config.hasProblemsHint': 'fix them and run the command again; nothing was changed',
  'config.changedWhileRunning': (p: { file: string }) => `${p.file} changed while this command ran`,
  'config.changedWhileRunningHint': 'nothing was written; run the command again',

  // Validation: syntax and shape
  'config.notYaml': (p: { message: string }) => `not valid YAML: ${p.message}`,
  'config.notYamlHint': 'fix the YAML syntax (indentation, quotes, colons) at that place',
  'config.notMapping': 'llmctl.yaml must be a mapping (key: value)',
  'config.notMappingHint': 'start from `llmctl init` or the README example',
  /** `fields`: the names, each in double quotes, joined by ", ". */
  'config.unknownFields': (p: { n: number; fields: string }) => `unknown field${p.n > 1 ? 's' : ''} ${p.fields}`,
  'config.unknownFieldsHint':
    'check the spelling; the editor completes fields when the $schema line is at the top of the file',
  'config.missingField': 'required field is missing',
  'config.missingFieldHint': (p: { field: string; value?: string }) =>
    `add ${p.field}:${p.value !== undefined ? ` ${p.value}` : ''}`,
  'config.useOneOf': (p: { values: string }) => `use one of: ${p.values}`,
  'config.writeTypeHere': (p: { expected: string }) => `write a ${p.expected} here`,

  // Validation: zod's issues (English: zod's own message, see above)
  'config.zod.invalidType': (p: { zod: string; expected: string; received: string }) => p.zod,
  'config.zod.invalidValue': (p: { zod: string; values: string }) => p.zod,
  'config.zod.tooSmall': (p: { zod: string; origin: string; minimum: number; inclusive: boolean }) => p.zod,
  'config.zod.tooBig': (p: { zod: string; origin: string; maximum: number; inclusive: boolean }) => p.zod,
  'config.zod.other': (p: { zod: string }) => p.zod,
  'config.keyRefFormat':
    'must be a key reference: secret:NAME (from `llmctl keys set NAME`) ' +
    'or env:VAR (an environment variable) — never the key itself',
  'config.urlFormat': 'must be an http(s) URL such as http://10.0.0.5:8000/v1',

  // Rules (src/config/rules.ts)
  'config.rule.providerName': (p: { name: string }) => `provider name "${p.name}" has characters llmctl cannot use`,
  'config.rule.providerNameHint': 'use letters, digits, "-", "_" or "."',
  'config.rule.unknownPreset': (p: { preset: string }) => `unknown preset "${p.preset}"`,
  'config.rule.needsApiBase': (p: { name: string; preset: string }) =>
    `provider "${p.name}" (${p.preset}) needs an apiBase`,
  'config.rule.needsApiBaseHint': (p: { example: string }) => `add apiBase: ${p.example}`,
  'config.rule.noV1': (p: { apiBase: string }) => `apiBase "${p.apiBase}" does not end in /v1`,
  'config.rule.noV1Hint': 'OpenAI-compatible servers (vLLM…) serve under /v1; add it unless your server differs',
  'config.rule.providerAndDeployments': (p: { model: string }) =>
    `model "${p.model}" has both provider and deployments`,
  'config.rule.providerAndDeploymentsHint': 'keep one: deployments for several upstreams, provider for one',
  'config.rule.noProvider': (p: { model: string }) => `model "${p.model}" has no provider`,
  'config.rule.noProviderHint': 'add provider: NAME (one of providers:) or a deployments list',
  'config.rule.undefinedProviderHint': (p: { names: string }) => `use one of: ${p.names}, or add it under providers:`,
  'config.rule.undefinedProviderHintNone': 'add it under providers:',
  'config.rule.modelUndefinedProvider': (p: { model: string; provider: string }) =>
    `model "${p.model}" uses provider "${p.provider}", which is not defined`,
  'config.rule.deploymentUndefinedProvider': (p: { provider: string }) =>
    `deployment uses provider "${p.provider}", which is not defined`,
  'config.rule.duplicateModel': (p: { model: string; first: number }) =>
    `duplicate model name "${p.model}" (also models[${p.first}])`,
  'config.rule.duplicateModelHint':
    'rename one, or list both upstreams under one model as deployments: to load-balance',
  'config.rule.claudeModelMissing': (p: { model: string }) =>
    `Claude Code model "${p.model}" is not a model in llmctl.yaml`,
  'config.rule.claudeModelMissingHint': 'use the name of one of models:, or add that model',
  'config.rule.continueModelMissing': (p: { model: string }) =>
    `Continue model "${p.model}" is not a model in llmctl.yaml`,
  'config.rule.continueModelMissingHint': 'use the name of one of models:',
  'config.rule.reservedEnvKey': (p: { ref: string; why: string }) =>
    `${p.ref} cannot hold a provider's key: ${p.why}, and its value would be sent upstream`,
  'config.rule.reservedEnvParam': (p: { ref: string; field: string; why: string }) =>
    `${p.ref} cannot be given to LiteLLM as ${p.field}: ${p.why}, and its value would be sent upstream`,
  'config.rule.reservedEnvHint':
    'store the key with `llmctl keys set NAME` and write secret:NAME here, or export ' +
    'it under a name of its own (e.g. MYPROVIDER_API_KEY) and write env:THAT_NAME',
  'config.rule.credentialHeader': (p: { header: string }) =>
    `header "${p.header}" carries a credential: llmctl.yaml holds no keys, and LiteLLM would copy it as written`,
  'config.rule.credentialHeaderHint':
    'remove it and give the key as the provider’s apiKey (`llmctl keys set NAME`, then ' +
    'apiKey: secret:NAME): LiteLLM sends it as Authorization / x-api-key / api-key itself',
  'config.rule.literalCredential': (p: { field: string }) =>
    `${p.field} is a credential written into llmctl.yaml (llmctl.yaml ` +
    `holds no keys; the LiteLLM config would get it as written)`,
  'config.rule.literalCredentialHint': (p: { field: string }) =>
    `store it with \`llmctl keys set NAME\` and write ${p.field}: ` +
    `secret:NAME (or env:VAR / os.environ/VAR for an environment variable)`,
  'config.rule.noKey': (p: { name: string; preset: string }) =>
    `provider "${p.name}" has no apiKey and ${p.preset} needs one: its requests carry ` +
    `llmctl's placeholder key (never a key from your shell) and will be refused`,
  'config.rule.noKeyHint': (p: { name: string }) =>
    `run \`llmctl keys set ${p.name}\` (it points providers.${p.name}.apiKey at the stored key)`,
  'config.rule.literalMasterKeyHint':
    'remove it: llmctl sets the master key from proxy.masterKey (`llmctl keys set proxy`)',
  'config.rule.literalSettingHint': (p: { field: string }) =>
    `store it with \`llmctl keys set NAME\` and write ${p.field}: ` +
    `secret:NAME (or os.environ/VAR for an environment variable)`,
} satisfies Messages;
