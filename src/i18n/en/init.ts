import type { Messages } from '../message.js';

const s = (n: number) => (n === 1 ? '' : 's');

/** English messages of the init area. Ids start with `init.`. */
export const init = {
  // The first screen (src/commands/init.ts)
  'init.introTitle': 'llmctl init: set up your models once, for every tool.',
  'init.introSteps':
    'It asks for your providers and models, which tools use them, and the proxy ' +
    'port; then it shows what it would write and asks before writing anything.',
  'init.introFiles': 'Files:',
  'init.introConfig': (p: { path: string }) => `  llmctl.yaml (the one file you edit): ${p.path}`,
  'init.introSecrets': (p: { path: string }) => `  keys (mode 0600, never in llmctl.yaml): ${p.path}`,
  'init.introTools': '  and the configs of the tools you pick (LiteLLM, Continue, Claude Code), each backed up first',
  'init.introStop': 'Ctrl-C at any question stops with nothing written.',

  // Found files and imports (src/init/importing.ts)
  'init.foundLitellm': 'LiteLLM config',
  'init.foundContinue': 'Continue config',
  'init.foundClaude': 'Claude Code settings',
  'init.fromNoSuchFile': (p: { from: string }) => `--from ${p.from}: no such file`,
  'init.fromNoSuchFileHint': 'give the path of a LiteLLM config (the one you pass to `litellm --config`)',
  'init.imported': (p: { file: string; providers: number; models: number; keys: number; skipped: number }) =>
    `From ${p.file}: ${p.providers} provider${s(p.providers)}, ${p.models} model${s(p.models)}, ` +
    `${p.keys} key${s(p.keys)}${p.skipped ? ` (${p.skipped} already there)` : ''}.`,
  'init.importNote': (p: { label: string; message: string; hint?: string }) =>
    `${p.label}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`,

  // The wizard (src/init/wizard.ts)
  'init.askImport': 'Import what you already have?',
  'init.foundChoice': (p: { label: string; file: string }) => `${p.label}: ${p.file}`,
  'init.kept': (p: { already: boolean; n: number; names: string; models: number }) =>
    `${p.already ? 'Already set up' : 'Imported'}: ${p.n} provider${s(p.n)} ` +
    `(${p.names}) and ${p.models} model${s(p.models)}; they are kept.`,
  'init.askRemove': 'Remove a provider?',
  'init.askRemoveWhich': 'Providers to remove, with their models (space to pick, enter to go on)',
  'init.removeChoice': (p: { name: string; n: number }) => `${p.name} (${p.n} model${s(p.n)})`,
  'init.removed': (p: { name: string; n: number; models: string }) =>
    `Removed ${p.name}${p.n ? ` and its model${s(p.n)} ${p.models}` : ''}; its ` +
    `key stays in the secrets store (\`llmctl keys rm ${p.name}\` removes it).`,
  'init.askAdd': 'Add a provider?',
  'init.askAddAnother': 'Add another provider?',
  'init.askTools': 'Which tools should use these models?',
  'init.toolContinue': 'Continue (VS Code, JetBrains)',
  'init.noModelsYet': 'No models yet: the tools are configured once you add some (`llmctl init` again).',
  'init.askClaudeModel': 'Claude Code: main model',
  'init.askClaudeHaiku': 'Claude Code: model for background calls (the "haiku" slot)',
  'init.askContinueChat': 'Continue: chat model',
  'init.askContinueFim': 'Continue: autocomplete (FIM) model',
  'init.noAutocomplete': 'none (no autocomplete)',
  'init.askPort': 'Proxy port (every tool is pointed at it)',
  'init.badPort': 'a number from 1 to 65535',
  'init.askPreset': 'Provider (type to search)',
  'init.askBaseUrl': (p: { hint: string }) => `Base URL (${p.hint})`,
  // A preset's apiBaseHint (templates/presets.yaml) is English: Chinese says it anew around its example URL.
  'init.baseHint': (p: { hint?: string; example?: string }) => p.hint ?? 'ending in /v1',
  'init.badUrl': 'an http(s) URL such as http://10.0.0.5:8000/v1',
  'init.askV1': (p: { url: string }) =>
    `${p.url} does not end in /v1, where OpenAI-compatible servers (vLLM…) answer. Which address should llmctl use?`,
  'init.v1Add': (p: { url: string }) => `${p.url} (add /v1)`,
  'init.v1Keep': (p: { url: string }) => `${p.url} (as typed: my server differs)`,
  'init.askName': 'Name for this provider in llmctl.yaml',
  'init.badName': 'letters, digits, - _ . (no spaces)',
  'init.askKey': (p: { who: string }) => `API key for ${p.who}`,
  'init.keyWho': (p: { name: string; preset: string }) => `${p.name} (${p.preset})`,
  'init.keyKeep': (p: { ref: string }) => `keep the current one (${p.ref})`,
  'init.keyType': "type it (hidden; kept in llmctl's secrets file, mode 0600)",
  'init.keyEnv': (p: { variable: string; set: boolean }) =>
    `read it from an environment variable${p.set ? ` (${p.variable} is set)` : ''}`,
  'init.keyNone': 'no key (the server needs none)',
  'init.askKeyValue': 'Key',
  'init.emptyKey': 'paste the key, or press Ctrl-C to stop',
  'init.askEnvName': 'Environment variable name',
  'init.badEnvName': 'a variable name such as SILICONFLOW_API_KEY',
  'init.envNotSet': (p: { variable: string }) =>
    `${p.variable} is not set in this shell: set it before \`llmctl serve\`.`,
  'init.askList': (p: { name: string; apiBase?: string }) =>
    `List the models ${p.name} offers${p.apiBase ? ` at ${p.apiBase}` : ''}?`,
  'init.askModels': (p: { n: number }) => `Models to use (${p.n} found; space to pick, enter to go on)`,
  'init.listFailed': (p: { url: string; reason: string }) =>
    `Could not list models from ${p.url}: ${p.reason}. Type their ids instead.`,
  'init.listRefused': (p: { url: string; reason: string }) => `Could not list models from ${p.url}: ${p.reason}.`,
  'init.askRefused': (p: { name: string }) => `The key for ${p.name} was refused. What now?`,
  'init.refusedRetype': 'type the key again (hidden) and list again',
  'init.refusedIds': (p: { name: string }) =>
    `type the model ids instead (set the key later: \`llmctl keys set ${p.name}\`)`,
  'init.askIds': 'Model ids, comma-separated (as the provider names them)',
  'init.noIds': 'at least one model id',
  'init.askRename': 'Give any of them a shorter name for the tools?',
  'init.askModelName': (p: { id: string }) => `Name for ${p.id}`,
  'init.emptyModelName': 'a name',
  'init.modelNameTaken': (p: { name: string; owner?: string }) =>
    `"${p.name}" is already a model of ${p.owner ?? 'another provider'}; choose another name`,
  'init.modelNameUsedAbove': (p: { name: string }) => `"${p.name}" is already used above`,
  'init.modelRenamed': (p: { id: string; name: string }) =>
    `A model named ${p.id} exists already; this one is called ${p.name}.`,
  'init.missingKeys': (p: { n: number; names: string }) =>
    `${p.n} provider${p.n === 1 ? ' has' : 's have'} no key yet: ${p.names}.`,
  'init.askTypeKeys': 'Type their keys now (hidden; kept in the secrets file, mode 0600)?',
  'init.askKeyFor': (p: { name: string }) => `Key for ${p.name} (empty: skip)`,
  'init.keysLater': (p: { n: number; names: string }) =>
    `Later: \`llmctl keys set NAME\` for ${p.names}, or export ` +
    `${p.n === 1 ? 'its variable' : 'their variables'} before \`llmctl serve\`.`,

  // Model listing (src/init/models.ts)
  'init.noBaseUrl': 'no base URL',
  'init.httpStatus': (p: { status: number; refused: boolean }) =>
    `HTTP ${p.status}${p.refused ? ' (the key was refused)' : ''}`,
  'init.noModelsListed': 'the answer listed no models',
  'init.noAnswerWithin': (p: { time: string }) => `no answer within ${p.time}`,
  'init.hostNotFound': (p: { host: string }) =>
    `the host ${p.host} was not found (check the address for typos, or your DNS and VPN)`,
  'init.connRefused': (p: { host: string }) =>
    `nothing is listening at ${p.host} (is the server running, and is the port right?)`,
  'init.connReset': (p: { host: string }) => `${p.host} closed the connection (is it an http:// or https:// server?)`,
  'init.unreachable': (p: { host: string }) => `${p.host} cannot be reached from this machine (network or firewall)`,
  'init.tlsFailed': (p: { host: string; code: string }) =>
    `the TLS certificate of ${p.host} was not accepted (${p.code})`,

  // The review and the writes (src/commands/init.ts)
  'init.summaryTitle': 'Summary',
  'init.summaryProvider': (p: { name: string; preset: string; apiBase?: string; key?: string }) =>
    `  provider ${p.name}: ${p.preset}${p.apiBase ? ` at ${p.apiBase}` : ''}${p.key ? `, key ${p.key}` : ''}`,
  'init.summaryModel': (p: { name: string; provider?: string; model?: string; roles?: string }) =>
    `  model ${p.name}${p.provider ? ` (${p.provider}${p.model ? ` ${p.model}` : ''})` : ''}` +
    `${p.roles ? ` [${p.roles}]` : ''}`,
  'init.summaryClaude': (p: { enabled: boolean; model?: string; haiku?: string }) =>
    `  Claude Code: ` +
    (p.enabled ? `model ${p.model ?? '(default)'}, background ${p.haiku ?? p.model ?? '(default)'}` : 'not configured'),
  'init.summaryContinue': (p: { enabled: boolean; via: string; chat?: string }) =>
    `  Continue: ${p.enabled ? `via ${p.via}${p.chat ? `, chat model ${p.chat}` : ''}` : 'not configured'}`,
  'init.summaryPort': (p: { port: number }) => `  proxy port: ${p.port}`,
  'init.summaryKey': (p: { name: string; masked: string; replaced: boolean }) =>
    `  key ${p.name}: ${p.masked}${p.replaced ? ' (replaces the stored one)' : ''}`,
  'init.filesTitle': 'Files:',
  'init.nothingToChange': 'Nothing to change: everything is already as answered.',
  'init.fileCreate': 'create',
  'init.fileUpdate': 'update',
  'init.fileLines': (p: { added: number; removed: number }) => `+${p.added} −${p.removed} lines`,
  'init.keysLabel': 'keys',
  'init.syncedFile': (p: { label: string; path: string }) => `${p.label}: ${p.path}`,
  'init.askWrite': 'Write these files?',
  'init.writeYes': 'yes, write them',
  'init.writeDiff': 'show the changes first (keys masked)',
  'init.writeNo': 'no, write nothing',
  'init.nothingWritten': 'Nothing was written.',
  'init.configWritten': (p: { created: boolean; path: string }) =>
    `${p.created ? 'created' : 'updated'} llmctl.yaml: ${p.path}`,
  'init.keysStored': (p: { n: number; path: string }) => `stored ${p.n} key${s(p.n)} in ${p.path} (mode 0600)`,
  'init.backup': (p: { id: string }) => `Backup ${p.id} — undo with \`llmctl restore\`.`,
  'init.listing': (p: { name: string }) => `Asking ${p.name} for its models…`,
  'init.listed': (p: { n: number; url: string }) => `${p.n} models listed by ${p.url}`,
  'init.nextInstall': (p: { install: string; serve: string; port: number }) =>
    `Next: ${p.install} (LiteLLM is not installed yet), then ${p.serve} starts the proxy on port ${p.port}.`,
  'init.askStart': (p: { port: number }) => `Start the proxy now on port ${p.port}?`,
  'init.startNo': 'not now (start it later with `llmctl serve`)',
  'init.startDetach': 'in the background (`llmctl stop` stops it)',
  'init.startHere': 'here, in this terminal (Ctrl-C stops it)',
  'init.interruptedAfterWrite': '\nInterrupted: the files above were written; start the proxy with `llmctl serve`.',
  'init.nextServe': (p: { serve: string; port: number }) =>
    `Next: ${p.serve} starts the proxy on port ${p.port}; your tools are pointed at it.`,
  'init.configInvalid': (p: { file: string; n: number }) =>
    `${p.file} has ${p.n} problem${s(p.n)}; init edits it and will not guess`,
  'init.configInvalidHint':
    'fix them (or move the file away to start afresh) and run `llmctl init` again; nothing was changed',
  'init.answersInvalid': (p: { file: string }) => `the answers would make an invalid ${p.file}; nothing was written`,
  'init.answersInvalidHint': 'run `llmctl init` again and change the answer named above',
  'init.keyStdinTty': '--key-stdin reads the key from a pipe, and standard input is a terminal',
  'init.keyStdinTtyHint': 'pipe it in: `printf %s "$KEY" | llmctl init --yes --key-stdin …`, or use --key-env VAR',
  'init.keyStdinEmpty': '--key-stdin: standard input was empty',
  'init.keyStdinEmptyHint': 'pipe the key in, e.g. `printf %s "$KEY" | llmctl init --yes --key-stdin …`',

  // Flags instead of questions (src/init/flags.ts)
  'init.noSuchProvider': (p: { name: string }) =>
    `--remove-provider ${p.name}: there is no provider "${p.name}" in llmctl.yaml`,
  'init.useOneOf': (p: { names: string }) => `use one of: ${p.names || '(none yet)'}`,
  'init.unknownPreset': (p: { id: string }) => `unknown provider preset "${p.id}"`,
  'init.needApiBase': (p: { preset: string }) =>
    `--api-base URL (${p.preset} has no default address; e.g. http://10.0.0.5:8000/v1)`,
  'init.badKeyEnv': (p: { value: string }) => `--key-env takes a variable name, not "${p.value}"`,
  'init.badKeyEnvHint': 'e.g. --key-env SILICONFLOW_API_KEY',
  'init.needKey': (p: { preset: string }) => `--key-env VAR or --key-stdin (the key for ${p.preset})`,
  'init.needKeyLater': (p: { id: string; name: string }) =>
    `a key for ${p.id}: add it later with \`llmctl keys set ${p.name}\` ` +
    `(only the first --provider takes --key-env/--key-stdin)`,
  'init.needProviderFor': (p: { spec: string }) => `--provider NAME (for --model ${p.spec})`,
  'init.whichProvider': (p: { spec: string }) => `--model ${p.spec}: which provider? there are several`,
  'init.whichProviderHint': (p: { provider: string; spec: string }) =>
    `write it as --model PROVIDER:ID, e.g. --model ${p.provider}:${p.spec}`,
  'init.emptyModel': (p: { spec: string }) => `--model "${p.spec}" is empty`,
  'init.emptyModelHint': 'use --model ID or --model NAME=ID',
  'init.needModel': (p: { provider: string }) => `--model ID (at least one model of ${p.provider})`,
  'init.needProvider': '--provider NAME (a preset, or custom with --api-base URL; or --from FILE)',
  'init.needItsKey': '--key-env VAR or --key-stdin (its key)',
  'init.needModels': '--model ID (repeatable)',
  'init.missingFlags': (p: { missing: string }) => `init without questions needs: ${p.missing}`,
  'init.missingSeparator': '; ',
  'init.missingFlagsHint':
    'pass those flags (see `llmctl init --help`), or run `llmctl init` in a terminal to be asked',
  'init.badProviderName': (p: { name: string }) => `bad provider name "${p.name}"`,
  'init.noSuchModel': (p: { flag: string; value: string }) => `${p.flag} ${p.value}: no such model`,
  'init.useModel': (p: { names: string }) => `use one of: ${p.names || '(none yet: add --model)'}`,
  'init.unknownTool': (p: { tool: string }) => `--tools: unknown tool "${p.tool}"`,
  'init.unknownToolHint':
    'use continue, claude, codex, opencode, qwen, gemini (several with commas, e.g. continue,claude) or none',
} satisfies Messages;
