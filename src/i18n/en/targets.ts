import type { Messages } from '../message.js';

/** English messages of the targets area. Ids start with `targets.`. */
export const targets = {
  // Refusing a tool's file (read-tool-file, json-edit, duplicate-keys, continue-patch)
  'targets.tooDeep': (p: { max: number }) => `nested more than ${p.max} levels deep; llmctl will not edit it`,
  'targets.tooDeepStack': 'nested too deeply to be read (the parser ran out of stack); llmctl will not edit it',
  'targets.tooDeepHint': 'no real settings need that depth: remove the deeply nested value (or move the file away)',
  'targets.jsonNotObject': (p: { file: string }) => `${p.file}: the top level is not a JSON object`,
  'targets.jsonNotObjectHint':
    'it should start with {; fix or move the file away, then run the command again (nothing was written)',
  'targets.jsonInvalidAt': (p: { file: string; line: number; col: number; what: string }) =>
    `${p.file}:${p.line}:${p.col}: not valid JSON (${p.what})`,
  'targets.jsonInvalid': (p: { what: string }) => `not valid JSON: ${p.what}`,
  'targets.jsonInvalidHint': 'fix the JSON at that place (a missing comma or quote, a comment, a trailing comma)',
  'targets.duplicateKey': (p: { path: string; first: string; second: string }) =>
    `"${p.path}" appears twice (${p.first} and ${p.second})`,
  'targets.duplicateKeyReader': (p: { duplicate: string; reader: string }) =>
    `${p.duplicate}: ${p.reader} uses only one of them, llmctl cannot tell which you mean`,
  'targets.duplicateKeyHint': (p: { file: string; first: number; second: number }) =>
    `merge the two into one (keep the value you want) at ${p.file}:${p.first} and :${p.second}`,
  'targets.duplicateKeyMore': (p: { n: number }) => ` (+${p.n} more)`,
  'targets.duplicateKeysHint':
    'merge the duplicate keys into one and run the command again; nothing was written (to no file at all)',
  'targets.keyLeak': (p: { file: string }) =>
    `internal error: a key would have been written into ${p.file}; nothing was written`,

  // Continue's config.yaml (continue-patch.ts)
  'targets.yamlInvalid': (p: { error: string }) => `not valid YAML: ${p.error}`,
  'targets.yamlInvalidHint': 'fix the YAML syntax (indentation, quotes, colons) at that place',
  'targets.yamlNotMapping': 'the top level is not a mapping (name:, version:, models: …)',
  'targets.yamlNotMappingHint': 'start from a valid Continue config.yaml',
  'targets.modelsNotList': '`models` is not a list',
  'targets.modelsNotListHint': 'make it a list of models (- name: …)',
  'targets.modelsFlow': '`models` is written as a flow list ([...]); llmctl adds its models only to a block list',
  'targets.modelsFlowHint': 'write it as lines starting with "- "',
  'targets.whyForce': '(--force)',
  'targets.whyImported': '(it was imported into llmctl.yaml)',
  'targets.continueTakenOver': (p: { name: string; why: string }) =>
    `your model "${p.name}" is now managed by llmctl ${p.why}; the old file is in this sync’s backup`,
  'targets.undoRestore': 'undo with `llmctl restore`',
  'targets.continueEdited': (p: { name: string }) =>
    `model "${p.name}" was edited by hand since llmctl wrote it: left as it is`,
  'targets.continueEditedHint':
    'run `llmctl sync --force` to put llmctl’s version back, or change the model in llmctl.yaml',
  'targets.continueForeign': (p: { name: string }) =>
    `a model named "${p.name}" is already in your Continue config and llmctl did not create it: left as it is`,
  'targets.continueForeignHint':
    'rename or remove your entry, or run `llmctl sync --force` to let llmctl take it over (backed up first)',
  'targets.continueLetGoEdited': (p: { name: string }) =>
    `model "${p.name}" is no longer in llmctl.yaml but was edited by hand: left as it is (now yours)`,
  'targets.continueImportedAs': (p: { name: string; as: string }) =>
    `your model "${p.name}" was imported into llmctl.yaml as "${p.as}": llmctl's ` +
    `entry for it replaces yours (removed; the old file is in this sync’s backup)`,

  // The Continue target (continue.ts)
  'targets.continueUnknownModel': (p: { name: string }) => `"${p.name}" is not one of the models in llmctl.yaml`,
  'targets.useOneOf': (p: { names: string }) => `use one of: ${p.names}`,
  'targets.continueUnknownModels': 'tools.continue.models names a model llmctl does not have',
  'targets.fixConfig': 'fix llmctl.yaml; nothing was written',
  'targets.fixConfigNoFile': 'fix llmctl.yaml; nothing was written (to no file at all)',
  'targets.template':
    'contains "${{", which Continue expands as a template (${{ secrets.NAME }} becomes that secret\'s value)',
  'targets.templateHint': 'remove "${{" from this value; llmctl will not write it into Continue\'s config',
  'targets.templates': (p: { n: number }) =>
    `llmctl.yaml has ${p.n === 1 ? 'a value' : `${p.n} values`} that Continue would expand as a template`,
  'targets.firstDeployment': (p: { name: string; n: number }) =>
    `Continue talks to one upstream directly: "${p.name}" uses the first of its ${p.n} deployments`,
  'targets.firstDeploymentHint': 'use tools.continue.via: proxy to load-balance',
  'targets.continueNoKey': (p: { ref: string; name: string; model: string }) =>
    `${p.ref} is not set, so ~/.continue/.env gets no ${p.name}; Continue will fail to authenticate "${p.model}"`,
  'targets.continueNoKeyHint': 'set the key and run `llmctl sync` again',
  'targets.envChanged': 'changed: Continue reads it only at start',
  'targets.envChangedHint': 'restart VS Code / JetBrains (or reload the window) after this sync',

  // Claude Code (claude.ts, claude-patch.ts)
  'targets.claudeNoModels': 'Claude Code needs at least one model on the proxy, and llmctl.yaml has none',
  'targets.claudeNoModelsHint': 'add a model under models:, or turn Claude Code off with tools.claude.enabled: false',
  'targets.claudeUnknownModel': (p: { name: string }) =>
    `Claude Code would ask the proxy for "${p.name}", which is not one of its models`,
  'targets.claudeUnknownModels': 'Claude Code would ask for a model the proxy does not have',
  'targets.claudeUnknownModelsHint': 'fix tools.claude in llmctl.yaml; nothing was written',
  'targets.wslBash':
    'WSL’s C:\\Windows\\System32\\bash.exe comes first on PATH; llmctl points Claude Code at Git Bash explicitly',
  'targets.gitBashMissing': (p: { configured?: string; looked: string }) =>
    `Git Bash not found${p.configured !== undefined ? ` at the configured ${p.configured}` : ''} ` +
    `(looked at: ${p.looked || 'nothing'}); left unset`,
  'targets.gitBashMissingHint':
    'install Git for Windows (https://git-scm.com/download/win), or set tools.claude.gitBashPath to the full path ' +
    'of Git\\bin\\bash.exe, then run `llmctl sync` (Claude Code 2.1.120+ falls back to PowerShell without it)',
  'targets.onboardingQuestion': (p: { file: string }) =>
    `Mark Claude Code's onboarding as done in ${p.file} so it does not ask to log in ` +
    `to Anthropic? (a No is remembered; tools.claude.onboarding: true changes it)`,
  'targets.onboardingUnset': 'not set: a fresh Claude Code may ask to log in to Anthropic instead of using the proxy',
  'targets.onboardingUnsetHint': 'run `llmctl sync --yes`, or set tools.claude.onboarding: true (false silences this)',
  'targets.claudeEnvNotObject': (p: { file: string }) =>
    `${p.file}: "env" is not an object, so llmctl cannot add its variables to it`,
  'targets.claudeEnvShape': '"env" must be an object of NAME: "value" pairs',
  'targets.claudeEnvHint': 'fix or remove "env" in that file and run the command again; nothing was written',
  'targets.claudeEdited': 'edited by hand since llmctl wrote it: left as it is',
  'targets.claudeEditedHint':
    'run `llmctl sync --force` to put llmctl’s value back, or make llmctl.yaml say what you want',
  'targets.claudeReplaced': 'had a value llmctl did not write: replaced (the old file is in this sync’s backup)',
  'targets.claudeReplacedHint': 'undo with `llmctl restore`; `llmctl unlink claude` gives the old value back',
  'targets.claudeLetGoEdited': 'no longer managed by llmctl and edited by hand: left as it is (now yours)',
  'targets.claudeApiKeyToo':
    'is set too: Claude Code sends it as x-api-key next to llmctl’s ANTHROPIC_AUTH_TOKEN and asks to approve it',
  'targets.claudeApiKeyTooHint':
    'remove env.ANTHROPIC_API_KEY from settings.json; the proxy key is in ANTHROPIC_AUTH_TOKEN',
  'targets.claudeCannotGiveBack':
    'cannot be given back: llmctl replaced your value and did not keep it (only its hash)',
  'targets.claudeCannotGiveBackHint':
    'your old settings.json is in the backup of the sync that ' +
    'replaced it: `llmctl restore ID` (ids in ~/.llmctl/backups)',
  'targets.claudeLegacyUnlink':
    'an older llmctl did not record what these settings held before it managed them: removed, not given back',
  'targets.claudeLegacyUnlinkHint':
    'your settings.json from before llmctl is in the backup of its first sync: `llmctl restore ID`',

  // LiteLLM (litellm.ts)
  'targets.authFileTaken': (p: { file: string }) =>
    `${p.file}: a file llmctl did not write is where llmctl puts its proxy key check for LiteLLM`,
  'targets.authFileTakenHint':
    'move or rename that file and run the command again (nothing was written), or set ' +
    'proxy.configFile in llmctl.yaml to put the LiteLLM config in another folder',
} satisfies Messages;
