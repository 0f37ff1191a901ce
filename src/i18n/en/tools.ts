import type { Messages } from '../message.js';

/** English messages of the tools area (Codex CLI, opencode, Qwen Code, Gemini CLI). Ids start with `tools.`. */
export const tools = {
  'tools.fixAndRetry': 'fix the file and run the command again; nothing was written (to no file at all)',
  'tools.editedByHand': 'edited by hand since llmctl wrote it: left as it is',
  'tools.forceHint': 'run `llmctl sync --force` to put llmctl’s value back, or make llmctl.yaml say what you want',
  'tools.replacedForeign': 'had a value llmctl did not write: replaced (the old file is in this sync’s backup)',
  'tools.nowYours': 'no longer managed by llmctl and edited by hand: left as it is (now yours)',
  'tools.toml.invalid': (p: { file: string; where: string; what: string }) =>
    `${p.file}${p.where}: not valid TOML (${p.what}); llmctl will not edit it`,
  'tools.toml.tooDeep': (p: { file: string }) => `${p.file}: nested too deeply to be read; llmctl will not edit it`,
  'tools.codex.label': 'Codex CLI config',
  'tools.codex.envLabel': 'Codex .env',
  'tools.codex.title': 'Codex CLI config in sync with llmctl.yaml',
  'tools.codex.foreignTable': 'a [model_providers.llmctl] table llmctl did not write is already there: left as it is',
  'tools.codex.unlinkGivesBack': 'undo with `llmctl restore`; `llmctl unlink codex` gives the old value back',
  'tools.codex.defaultLeft': (p: { provider: string }) =>
    `Codex’s default stays your own (model_provider "${p.provider}"): ` +
    `llmctl added its provider but did not make it the default`,
  'tools.codex.defaultHint':
    'set tools.codex.setDefault: true in llmctl.yaml to make llmctl ' +
    'the default, or run `codex -c model_provider=llmctl -m MODEL`',
  'tools.codex.notATable': (p: { file: string; key: string }) =>
    `${p.file}: "${p.key}" is not written as a [table], so llmctl cannot add its provider to it`,
  'tools.codex.notAString': (p: { file: string; key: string }) => `${p.file}: "${p.key}" must be a string`,
  'tools.codex.tableHint':
    'write the provider as a [model_providers.NAME] table (not inline ' +
    'or as dotted keys) and run the command again; nothing was written',
  'tools.codex.cannotPatch': (p: { file: string }) =>
    `${p.file}: llmctl could not add its provider without changing the meaning of the file`,
  'tools.codex.noModels': 'Codex CLI needs at least one model on the proxy, and llmctl.yaml has none',
  'tools.codex.noModelsHint': 'add a model under models:, or turn Codex off with tools.codex.enabled: false',
  'tools.codex.unknownModel': (p: { model: string }) =>
    `Codex would ask the proxy for "${p.model}", which is not one of its models`,
  'tools.useOneOf': (p: { names: string }) => `use one of: ${p.names}`,
  'tools.badModel': 'a tool would ask for a model the proxy does not have',
  'tools.badModelHint': 'fix tools in llmctl.yaml; nothing was written',
  'tools.loneSurrogate': (p: { name: string }) =>
    `model name ${p.name} has a broken Unicode character (a lone surrogate) no config file can hold`,
  'tools.loneSurrogateHint': 'rename the model in llmctl.yaml; nothing was written',
  'tools.import.noModel': 'no top-level model: Codex’s default model is not imported',
  'tools.import.noBaseUrl': (p: { id: string }) =>
    `model provider "${p.id}" has no base_url llmctl can use: not imported`,
  'tools.import.noBaseUrlOpencode': (p: { id: string }) =>
    `provider "${p.id}" has no options.baseURL llmctl can use: not imported`,
  'tools.import.noBaseUrlQwen': (p: { id: string }) => `model "${p.id}" has no baseUrl llmctl can use: not imported`,
  'tools.import.keyNotImported':
    'this key is read from a file or built from parts: not imported, set the provider’s apiKey by hand',
  'tools.import.geminiGateway': (p: { url: string }) =>
    `Gemini CLI talks to a gateway at ${p.url} in Gemini’s own API: nothing llmctl can import from it`,
  'tools.import.geminiGatewayHint':
    'if that gateway also serves OpenAI-compatible chat completions, ' +
    'add it under providers: in llmctl.yaml (preset: custom, apiBase)',
  'tools.import.geminiNothing': 'no GOOGLE_GEMINI_BASE_URL: Gemini CLI uses Google directly, nothing to import',
  'tools.import.geminiNothingHint': 'add your models to llmctl.yaml, then enable tools.gemini and run `llmctl sync`',
  'tools.jsonc.invalid': (p: { file: string; where: string; what: string }) =>
    `${p.file}${p.where}: not valid JSONC (${p.what}); llmctl will not edit it`,
  'tools.jsonc.notObject': (p: { file: string }) => `${p.file}: the top level is not a JSON object`,
  'tools.opencode.label': 'opencode config',
  'tools.opencode.keyLabel': 'opencode proxy key file',
  'tools.opencode.title': 'opencode config in sync with llmctl.yaml',
  'tools.opencode.providerNotObject': (p: { file: string }) =>
    `${p.file}: "provider" is not an object, so llmctl cannot add its provider to it`,
  'tools.opencode.foreignProvider': 'a provider "llmctl" llmctl did not write is already there: left as it is',
  'tools.opencode.defaultLeft': (p: { model: string }) =>
    `opencode’s default model stays your own ("${p.model}"): llmctl added its provider but did not make it the default`,
  'tools.opencode.defaultHint':
    'set tools.opencode.setDefault: true in llmctl.yaml to make llmctl ' +
    'the default, or pick llmctl/MODEL with /models in opencode',
  'tools.opencode.unknownModel': (p: { model: string }) =>
    `opencode would ask the proxy for "${p.model}", which is not one of the models llmctl gives it`,
  'tools.opencode.noModels': 'opencode needs at least one model on the proxy, and llmctl.yaml has none',
  'tools.opencode.noModelsHint': 'add a model under models:, or turn opencode off with tools.opencode.enabled: false',
  'tools.qwen.label': 'Qwen Code settings',
  'tools.qwen.envLabel': 'Qwen Code .env',
  'tools.qwen.title': 'Qwen Code settings in sync with llmctl.yaml',
  'tools.qwen.notObject': (p: { key: string }) =>
    `"${p.key}" is not an object in Qwen Code's settings.json, so llmctl cannot add its entries to it`,
  'tools.qwen.defaultLeft': (p: { model: string }) =>
    `Qwen Code’s default model stays your own ("${p.model}"): llmctl added its models but did not make one the default`,
  'tools.qwen.defaultHint':
    'set tools.qwen.setDefault: true in llmctl.yaml to make llmctl the default, or pick one with /model in Qwen Code',
  'tools.qwen.unknownModel': (p: { model: string }) =>
    `Qwen Code would ask the proxy for "${p.model}", which is not one of the models llmctl gives it`,
  'tools.qwen.noModels': 'Qwen Code needs at least one model on the proxy, and llmctl.yaml has none',
  'tools.qwen.noModelsHint': 'add a model under models:, or turn Qwen Code off with tools.qwen.enabled: false',
  'tools.gemini.label': 'Gemini CLI settings',
  'tools.gemini.envLabel': 'Gemini CLI .env',
  'tools.gemini.title': 'Gemini CLI settings in sync with llmctl.yaml',
  'tools.gemini.defaultLeft': (p: { model: string }) =>
    `Gemini CLI’s model stays your own ("${p.model}"): llmctl pointed it at the proxy but did not choose its model`,
  'tools.gemini.defaultHint':
    'set tools.gemini.setDefault: true in llmctl.yaml to let llmctl choose, or run `gemini -m MODEL`',
  'tools.gemini.unknownModel': (p: { model: string }) =>
    `Gemini CLI would ask the proxy for "${p.model}", which is not one of its models`,
  'tools.gemini.noModels': 'Gemini CLI needs at least one model on the proxy, and llmctl.yaml has none',
  'tools.gemini.noModelsHint': 'add a model under models:, or turn Gemini CLI off with tools.gemini.enabled: false',
  'tools.doctor.notEnabled': (p: { tool: string }) => `not enabled in llmctl.yaml (tools.${p.tool}.enabled)`,
  'tools.doctor.installedTitle': (p: { product: string }) => `${p.product} installed`,
  'tools.doctor.notFound': (p: { bin: string }) => `\`${p.bin}\` not found on PATH`,
  'tools.doctor.configTitle': (p: { product: string }) => `${p.product} config points at the proxy`,
  'tools.doctor.noFile': (p: { file: string }) => `${p.file} does not exist`,
  'tools.doctor.notJson': (p: { offset: number }) => `not valid JSON (at character ${p.offset})`,
  'tools.doctor.badFile': (p: { file: string; error: string }) => `${p.file} cannot be read: ${p.error}`,
  'tools.doctor.badFileFix': 'fix the file (or move it aside), then run `llmctl sync`',
  'tools.doctor.noBase': (p: { file: string }) => `${p.file} has no base URL of llmctl’s`,
  'tools.doctor.elsewhere': (p: { file: string; base: string; want: string }) =>
    `${p.file} sends requests to ${p.base}, not to the proxy (${p.want})`,
  'tools.doctor.pointsAtProxy': (p: { file: string; base: string }) => `${p.file} → ${p.base}`,
  'tools.doctor.modelsTitle': (p: { product: string }) => `${p.product} models exist on the proxy`,
  'tools.doctor.noModels': 'llmctl.yaml has no models to give it',
  'tools.doctor.noModelsFix': 'add a model under models: in llmctl.yaml, then run `llmctl sync`',
  'tools.doctor.modelsMissing': (p: { list: string }) => `not on the proxy: ${p.list}`,
  'tools.doctor.modelsFix': (p: { tool: string; names: string }) =>
    `name proxy models in tools.${p.tool} in llmctl.yaml (${p.names || 'none yet'}), then run \`llmctl sync\``,
  'tools.doctor.modelsOk': (p: { list: string }) => `${p.list} on the proxy`,
  'tools.doctor.apiTitle': (p: { product: string; path: string }) =>
    `${p.product}’s API answers through the proxy (${p.path})`,
} satisfies Messages;
