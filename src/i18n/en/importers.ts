import type { Messages } from '../message.js';

/** English messages of the importers area (`llmctl import`). Ids start with `importers.`. */
export const importers = {
  // Shared by the importers
  'importers.reservedEnv': (p: { name: string; why: string }) =>
    `the key is read from ${p.name}, which cannot hold a provider's key (${p.why}): not imported as a reference`,
  'importers.reservedEnvHint': 'store the key with `llmctl keys set NAME` and point the provider at secret:NAME',
  'importers.placeholderNoKey': (p: { name: string }) =>
    `provider "${p.name}" imported without a key (the file has a placeholder): ` +
    `requests carry llmctl's placeholder key, never one of your shell's`,
  'importers.placeholderNoKeyHint': (p: { name: string }) =>
    `if the server needs a key, run \`llmctl keys set ${p.name}\``,
  'importers.placeholder': (p: { name: string }) => `no key yet for provider "${p.name}" (the file has a placeholder)`,
  'importers.placeholderHint': (p: { name: string; env?: string }) =>
    `run \`llmctl keys set ${p.name}\` (it points providers.${p.name}.apiKey ` +
    `at the stored key)${p.env ? `, or export ${p.env}` : ''}`,

  // import litellm
  'importers.litellm.notYaml': (p: { file: string }) => `${p.file} is not valid YAML`,
  'importers.litellm.notYamlHint':
    'fix the YAML at that place (LiteLLM could not read it either); nothing was imported',
  'importers.litellm.noModelList': (p: { file: string }) =>
    `${p.file} is not a LiteLLM proxy config: it has no model_list`,
  'importers.litellm.noModelListProblem': 'expected a mapping with a model_list: list',
  'importers.litellm.noModelListHint': 'pass the config.yaml you start LiteLLM with (`litellm --config FILE`)',
  'importers.litellm.keptModel': (p: { model: string }) => `"${p.model}" does not fit an llmctl preset as written`,
  'importers.litellm.keptModelHint':
    'kept verbatim through params.model so LiteLLM gets the same string; check it after `llmctl sync`',
  'importers.litellm.apart': (p: { name: string }) => `"${p.name}" appears more than once, apart`,
  'importers.litellm.apartHint':
    'its deployments are grouped under one model; the order of model_list changes, routing does not',
  'importers.litellm.unknownSetting': (p: { key: string }) => `LiteLLM has no setting "${p.key}" and ignores it`,
  'importers.litellm.unknownSettingHint':
    'kept in proxy.settings as written; delete it from llmctl.yaml if it was a mistake',
  'importers.litellm.environmentVariables': 'environment_variables are not imported (they often hold keys)',
  'importers.litellm.environmentVariablesHint':
    'store keys with `llmctl keys set NAME`; set other variables in the environment of `llmctl serve`',
  'importers.litellm.section': (p: { key: string }) => `section "${p.key}" is not imported`,
  'importers.litellm.sectionHint': 'llmctl does not model it and the generated config will not have it',
  'importers.litellm.credentialHeader': (p: { header: string; name: string }) =>
    `header "${p.header}" carried a credential: stored as secret "${p.name}" and left ` +
    `out (llmctl.yaml holds no keys, and LiteLLM cannot read a header from a variable)`,
  'importers.litellm.credentialHeaderHint': (p: { provider: string; name: string }) =>
    `if it is the upstream's key, set providers.${p.provider}.apiKey: secret:${p.name}`,
  'importers.litellm.placeholderParam': (p: { key: string }) => `${p.key} is a placeholder: left out`,
  'importers.litellm.placeholderParamHint': (p: { key: string }) =>
    `store the real one with \`llmctl keys set NAME\` and add ${p.key}: secret:NAME to the model's params`,
  'importers.litellm.settingsCredential': (p: { key: string; name: string }) =>
    `${p.key} is a credential: moved to the secrets store as "${p.name}" (llmctl.yaml holds no keys)`,
  'importers.litellm.settingsCredentialHint':
    'the generated LiteLLM config reads it from the environment `llmctl serve` sets',
  'importers.litellm.entrySkipped': 'entry skipped: it needs model_name and litellm_params.model',
  'importers.litellm.entrySkippedHint': 'LiteLLM would reject it too; fix it and import again',
  'importers.litellm.entryField': (p: { key: string }) => `field "${p.key}" of a model_list entry is not imported`,
  'importers.litellm.entryFieldHint': 'LiteLLM does not read it there; move it under litellm_params or model_info',

  // import continue
  'importers.continue.notYaml': (p: { file: string }) => `${p.file} is not valid YAML; nothing was imported`,
  'importers.continue.notYamlHint': 'fix the YAML at that place and import again',
  'importers.continue.noModels': 'no models: list found; nothing to import',
  'importers.continue.noName': 'entry skipped: a Continue model needs a name',
  'importers.continue.viaProxy': (p: { entry: string; apiBase: string; name: string }) =>
    `"${p.entry}" points at a LiteLLM proxy (${p.apiBase}): imported as the proxy model "${p.name}"`,
  'importers.continue.viaProxyHint': (p: { name: string }) =>
    `on \`llmctl sync\`, llmctl’s entry "${p.name}" replaces this one ` +
    `in Continue’s list (the old file stays in the sync’s backup)`,
  'importers.continue.secretRef': (p: { name: string }) =>
    `the key comes from Continue's secret ${p.name} (~/.continue/.env): imported as env:${p.name}`,
  'importers.continue.secretRefHint': 'or store it: `llmctl keys set NAME` and use secret:NAME',
  'importers.continue.unknownRoles': 'unknown roles dropped',
  'importers.continue.unknownRolesHint': (p: { roles: string }) => `Continue knows: ${p.roles}`,
  'importers.continue.maxTokens':
    '`max-tokens` is not a Continue field (it was silently ignored): imported as maxTokens',
  'importers.continue.maxTokensHint': 'llmctl writes it as defaultCompletionOptions.maxTokens',
  'importers.continue.secondEntry': (p: { entry: string; name: string }) =>
    `"${p.entry}" is a second entry for the model "${p.name}": skipped`,
  'importers.continue.secondEntryHint': (p: { name: string }) =>
    `on \`llmctl sync\`, llmctl’s one entry "${p.name}" replaces both ` +
    `in Continue’s list (the old file stays in the sync’s backup)`,

  // import claude
  'importers.claude.notUrl': 'is not a URL: not imported',
  'importers.claude.endsInV1': 'ends in /v1: Claude Code adds /v1/messages itself',
  'importers.claude.endsInV1Hint': 'llmctl writes the proxy root (no /v1) on `llmctl sync`',
  'importers.claude.placeholderToken': 'is a placeholder: not imported',
  'importers.claude.placeholderTokenHint': 'llmctl generates a proxy key on the first `llmctl sync`',
  'importers.claude.notSk': 'does not start with sk-, which LiteLLM requires of a master key: not the proxy key',
  'importers.claude.notSkHint':
    'llmctl generates a proxy key on the first `llmctl sync`; your ' +
    'token is stored so that `llmctl unlink claude` can give it back',
  'importers.claude.apiKey': 'not imported: Claude Code sends it as x-api-key and asks to approve it',
  'importers.claude.apiKeyHint':
    'llmctl gives Claude Code the proxy key as ANTHROPIC_AUTH_TOKEN; remove ANTHROPIC_API_KEY from settings.json',
  'importers.claude.smallFast': 'is deprecated: imported as haikuModel',
  'importers.claude.smallFastHint': 'llmctl writes ANTHROPIC_DEFAULT_HAIKU_MODEL',
  'importers.claude.maxTokens': 'is not a positive whole number: not imported',
  'importers.claude.alias': (p: { model: string }) =>
    `"${p.model}" is Claude Code's alias for a tier, not a model: not imported as tools.claude.model`,
  'importers.claude.aliasHint':
    'llmctl sets the tier models (tools.claude.opusModel, sonnetModel, haikuModel) from llmctl.yaml',
  'importers.claude.noKey': (p: { name: string }) => `no key for provider "${p.name}" in this file`,
  'importers.claude.noKeyHint': (p: { name: string; own: boolean }) =>
    `run \`llmctl keys set ${p.name}\`${p.own ? ', or export ANTHROPIC_API_KEY' : ''}`,
  'importers.claude.upstream': (p: { host: string; name: string }) =>
    `points at ${p.host}: imported as provider "${p.name}" with the models Claude Code asks for`,
  'importers.claude.upstreamHint': 'llmctl points Claude Code at its own proxy, which forwards to that server',

  // Merging into llmctl.yaml
  'importers.merge.configInvalid': (p: { file: string; n: number }) =>
    `${p.file} has ${p.n} problem${p.n === 1 ? '' : 's'}; nothing was imported`,
  'importers.merge.configInvalidHint': 'fix llmctl.yaml first (or move it away to start afresh), then import again',
  'importers.merge.modelExists': (p: { name: string }) => `a model named "${p.name}" is already in llmctl.yaml`,
  'importers.merge.wouldBreak': (p: { source: string; file: string }) =>
    `importing ${p.source} would make ${p.file} invalid; nothing was written`,
  'importers.merge.wouldBreakHint':
    'this is a bug in the importer: please report it with the file you imported (keys removed)',
  'importers.merge.viaLocalProxy': (p: { port: number }) => `through the LiteLLM proxy on this machine, port ${p.port}`,
  'importers.merge.viaProxy': 'through a proxy',
  'importers.merge.unknownClaudeModel': (p: { model: string; via: string }) =>
    `Claude Code asks for "${p.model}", which is not a model in ` +
    `llmctl.yaml yet: left out for now (Claude Code reached it ${p.via})`,
  'importers.merge.unknownClaudeModelHint': (p: { model: string }) =>
    `import that proxy's config first (\`llmctl import litellm PATH/TO/config.yaml\`), or ` +
    `add a model named "${p.model}" to llmctl.yaml; then run \`llmctl import claude\` again`,

  // llmctl import (src/commands/import.ts, src/importers/summary.ts)
  'importers.cmd.unknownTool': (p: { tool: string }) => `cannot import from "${p.tool}"`,
  'importers.cmd.unknownToolHint': (p: { tools: string }) =>
    `use one of: ${p.tools} (e.g. \`llmctl import litellm config.yaml\`)`,
  'importers.cmd.noLitellmConfig':
    'no LiteLLM config found in this folder (looked for config.yaml and litellm.config.yaml)',
  'importers.cmd.noLitellmConfigHint': 'pass the file: `llmctl import litellm PATH/TO/config.yaml`',
  'importers.cmd.cannotRead': (p: { file: string; code: string }) =>
    `cannot read ${p.file}: ` +
    (p.code === 'ENOENT'
      ? 'no such file'
      : p.code === 'EACCES'
        ? 'permission denied'
        : p.code === 'EISDIR'
          ? 'it is a folder'
          : p.code),
  'importers.cmd.cannotReadPermissionHint': 'check the file permissions; nothing was imported',
  'importers.cmd.cannotReadHint': (p: { tool: string }) =>
    `pass the path of the ${p.tool} config to import; nothing was imported`,
  'importers.cmd.changed': (p: { file: string }) => `${p.file} changed while importing`,
  'importers.cmd.changedHint': 'run the command again',
  'importers.cmd.diffLabel': 'after import',
  'importers.summary.head': (p: {
    dryRun: boolean;
    tool: string;
    file: string;
    providers: number;
    models: number;
    into?: string;
  }) =>
    `${p.dryRun ? 'Dry run — ' : ''}${p.tool} config ${p.file}: ${p.dryRun ? 'would add' : 'added'} ` +
    `${p.providers} provider${p.providers === 1 ? '' : 's'} and ${p.models} ` +
    `model${p.models === 1 ? '' : 's'}${p.into ? ` ${p.dryRun ? 'to' : 'in'} ${p.into}` : ''}.`,
  'importers.summary.providers': (p: { names: string }) => `  providers: ${p.names}`,
  'importers.summary.reused': (p: { from: string; to: string }) =>
    `  provider ${p.from}: already in llmctl.yaml as "${p.to}"`,
  'importers.summary.models': (p: { names: string }) => `  models: ${p.names}`,
  'importers.summary.settings': (p: { names: string }) => `  settings: ${p.names}`,
  'importers.summary.skipped': (p: { n: number; names: string }) =>
    `  skipped ${p.n} model${p.n === 1 ? '' : 's'} already in llmctl.yaml: ${p.names}`,
  'importers.summary.key': (p: { name: string; masked: string; dryRun: boolean; file: string }) =>
    `  key ${p.name} (${p.masked}) ${p.dryRun ? 'would be stored' : 'stored'} in ${p.file}`,
  'importers.summary.noKey': (p: { n: number }) =>
    `  ${p.n} provider${p.n === 1 ? '' : 's'} without a key yet: ` +
    `\`llmctl keys set NAME\` stores one (\`llmctl sync\` names them)`,
  'importers.summary.noKeyDetail': (p: { provider: string; env?: string }) =>
    `  no key yet for "${p.provider}": run \`llmctl keys set ${p.provider}\` (it ` +
    `points llmctl.yaml at the stored key)${p.env ? `, or export ${p.env}` : ''}`,
  'importers.summary.nothingNew': 'Nothing new to import: llmctl.yaml already has all of it.',
  'importers.summary.dryRun': 'Nothing was written (dry run).',
  'importers.summary.nextDeferred': (p: { importCmd: string; syncCmd: string }) =>
    `Next: ${p.importCmd} with the config of the proxy the tool used (see the warning above), then ${p.syncCmd}.`,
  'importers.summary.next': (p: { syncCmd: string }) => `Next: ${p.syncCmd} writes the tool configs from it.`,
} satisfies Messages;
