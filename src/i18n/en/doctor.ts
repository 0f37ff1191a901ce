import type { Messages } from '../message.js';

/**
 * English messages of the doctor area. Ids start with `doctor.`. Check ids and statuses are not
 * here: they are data (`doctor --json`), as is everything `--json` prints (doctor runs its checks in
 * English for it).
 */
export const doctor = {
  // Shared findings
  'doctor.skip.noConfig': 'no llmctl.yaml (see config.valid)',
  'doctor.skip.configInvalid': 'llmctl.yaml is not valid (see config.valid)',
  'doctor.skip.windowsAcl': 'Windows: protected by the user profile ACL',
  'doctor.skip.claudeDisabled': 'Claude Code is not enabled in llmctl.yaml',
  'doctor.facts.tooDeep': 'nested too deeply to be read',
  'doctor.facts.notObject': 'not a JSON object',
  'doctor.unknownReason': 'unknown reason',
  'doctor.versionUnknown': '(version unknown)',

  // node.version
  'doctor.node.title': 'Node.js version',
  'doctor.node.tooOld': (p: { version: string; min: string }) => `v${p.version} (llmctl needs ${p.min} or newer)`,
  'doctor.node.fix': 'install Node.js 20.19+ or 22 LTS from https://nodejs.org',

  // config.valid
  'doctor.config.title': 'llmctl.yaml is valid',
  'doctor.config.missing': (p: { file: string }) => `no llmctl.yaml at ${p.file}`,
  'doctor.config.missingFix': 'llmctl init   (or: llmctl import litellm FILE)',
  'doctor.config.problems': (p: { n: number; first: string }) =>
    `${p.n} problem${p.n === 1 ? '' : 's'}: ${p.first}${p.n > 1 ? ` (+${p.n - 1} more)` : ''}`,
  'doctor.config.warnings': (p: { n: number; first: string }) => `${p.n} warning(s): ${p.first}`,
  'doctor.config.ok': (p: { file: string; models: number; providers: number }) =>
    `${p.file}: ${p.models} model(s), ${p.providers} provider(s)`,
  'doctor.config.pastedKeyFix': (p: { name: string; at: string; field: string }) =>
    `llmctl keys set ${p.name}   (paste the key there), then edit ${p.at}: set${p.field} to secret:${p.name}`,
  'doctor.config.unknownFieldFix': (p: { at: string; field: string; hint: string }) =>
    `edit ${p.at}: remove${p.field}, or correct its spelling (${p.hint})`,
  'doctor.config.seeSchema': 'see the schema',
  'doctor.config.editFix': (p: { at: string; field: string; what: string }) => `edit ${p.at}${p.field}: ${p.what}`,

  // secrets.present
  'doctor.secrets.title': 'Every referenced key is present',
  'doctor.secrets.unreadable': 'cannot read the secrets file',
  'doctor.secrets.unreadableFix': (p: { file: string }) =>
    `move ${p.file} away and set the keys again with \`llmctl keys set NAME\``,
  'doctor.secrets.notStored': (p: { list: string }) => `not in the secrets store: ${p.list}`,
  'doctor.secrets.usedBy': (p: { name: string; usedBy: string }) => `${p.name} (${p.usedBy})`,
  'doctor.secrets.envNotSet': (p: { list: string }) => `environment variable not set here: ${p.list}`,
  'doctor.secrets.envNotSetFix': (p: { setIt: string }) =>
    `${p.setIt} before \`llmctl serve\` (or store it: \`llmctl keys set PROVIDER\`, which points llmctl.yaml at it)`,
  'doctor.secrets.noMasterKey': 'no proxy master key yet',
  'doctor.secrets.noMasterKeyFix': 'llmctl sync   (generates secret:proxy)',
  'doctor.secrets.resolved': (p: { n: number; masterStored: boolean }) =>
    `${p.n} key reference${p.n === 1 ? '' : 's'} resolved${p.masterStored ? ', proxy master key stored' : ''}`,

  // secrets.permissions, files.permissions, home.permissions
  'doctor.secretsMode.title': 'Secrets file readable only by you',
  'doctor.secretsMode.none': (p: { file: string }) => `no secrets file yet (${p.file})`,
  'doctor.secretsMode.loose': (p: { file: string; mode: string }) =>
    `${p.file} has mode ${p.mode}: other users can read your keys`,
  'doctor.secretsMode.fix': (p: { command: string }) => `${p.command}   (then consider rotating the keys)`,
  'doctor.secretsMode.ok': (p: { mode: string }) => `mode ${p.mode}`,
  'doctor.modes.fileMode': (p: { file: string; mode: string }) => `${p.file} (mode ${p.mode})`,
  'doctor.modes.fixDoes': (p: { command: string }) => `${p.command}   (llmctl doctor --fix does it)`,
  'doctor.keyFiles.title': 'Tool files holding keys readable only by you',
  'doctor.keyFiles.loose': (p: { list: string }) => `other users can read the proxy key in: ${p.list}`,
  'doctor.keyFiles.none': 'no settings.json or Continue .env yet',
  'doctor.home.title': "llmctl's folder and auth module writable only by you",
  'doctor.home.writable': (p: { list: string; file: boolean }) =>
    `writable by other users: ${p.list} — LiteLLM imports ` +
    `${p.file ? 'this file' : 'llmctl_auth.py from it'}, so they could run code as you`,
  'doctor.home.none': (p: { dir: string }) => `no ${p.dir} yet`,

  // target.*
  'doctor.target.title': (p: { tool: string }) => `${p.tool} in sync with llmctl.yaml`,
  'doctor.target.litellm': 'LiteLLM config',
  'doctor.target.continue': 'Continue config',
  'doctor.target.claude': 'Claude Code settings',
  'doctor.target.cannotPlan': (p: { why: string }) => `cannot plan a sync: ${p.why}`,
  'doctor.target.notEnabled': 'not enabled in llmctl.yaml',
  'doctor.target.handEdited': (p: { n: number }) =>
    `${p.n} managed entr${p.n === 1 ? 'y differs' : 'ies differ'} from ` +
    `llmctl.yaml: edited by hand, so llmctl keeps ${p.n === 1 ? 'it' : 'them'}`,
  'doctor.target.forceFix': (p: { name: string }) =>
    `llmctl sync --only ${p.name} --force   (overwrites your edits; backed up)`,
  'doctor.target.inSync': (p: { files: string }) => `in sync: ${p.files}`,
  'doctor.target.missing': (p: { files: string }) => `missing: ${p.files}`,
  // The hand-edited entries follow the files after "; " (they used to run into the last file name).
  'doctor.target.drifted': (p: { files: string; conflicts: string }) =>
    `drifted: ${p.files}${p.conflicts ? `; ${p.conflicts}` : ''}`,
  'doctor.target.driftFix': (p: { name: string }) =>
    `llmctl sync --dry-run --only ${p.name}   (see the diff), then: llmctl sync --only ${p.name}`,

  // files.duplicate-keys
  'doctor.duplicates.title': 'No duplicate keys where llmctl edits the tools’ files',
  'doctor.duplicates.noFiles': 'no settings.json or Continue config yet',
  'doctor.duplicates.none': (p: { files: string }) => `none in ${p.files}`,
  'doctor.duplicates.found': (p: { found: string }) =>
    `${p.found}: the tool uses only one of each, llmctl refuses to guess`,
  'doctor.duplicates.fix': 'merge each duplicate into one key by hand (keep the value you want), then: llmctl sync',

  // continue.valid (the shape problems are in src/doctor/continue-shape.ts)
  'doctor.continue.title': "Continue config passes Continue's rules",
  'doctor.continue.notEnabled': 'Continue is not enabled in llmctl.yaml',
  'doctor.continue.none': (p: { file: string }) => `no ${p.file} (see target.continue)`,
  'doctor.continue.badYaml': (p: { file: string; error: string }) => `${p.file} is not valid YAML: ${p.error}`,
  'doctor.continue.badYamlFix': (p: { file: string; broken: string }) =>
    `fix the YAML by hand, or: mv ${p.file} ${p.broken} && llmctl sync --only ` +
    `continue   (a new file with llmctl's models; the old one stays as .broken)`,
  'doctor.continue.editFix': (p: { file: string; edits: string }) => `edit ${p.file}: ${p.edits}`,
  'doctor.continue.ok': (p: { file: string }) => `${p.file}: name, version, schema v1 and lists as Continue expects`,
  'doctor.shape.notMapping': 'the file is not a YAML mapping',
  'doctor.shape.noName': '`name` is missing (a string is required)',
  'doctor.shape.noVersion': '`version` is missing',
  'doctor.shape.versionNotString': '`version` must be a string, e.g. version: "1.0.0"',
  'doctor.shape.schemaNotString': '`schema` must be a string such as v1',
  'doctor.shape.notList': (p: { field: string }) => `\`${p.field}\` must be a list`,
  'doctor.shape.modelNotMapping': (p: { at: string }) => `${p.at} is not a mapping`,
  'doctor.shape.modelField': (p: { at: string; field: string }) => `${p.at}.${p.field} is missing`,
  'doctor.shape.setVersion': 'set version: "1.0.0"',
  'doctor.shape.setName': 'set name: to any text (e.g. name: My config)',
  'doctor.shape.setSchema': 'set schema: v1',
  'doctor.shape.makeList': (p: { field: string }) => `make ${p.field} a list (each item on a "- " line) or remove it`,
  'doctor.shape.addField': (p: { at: string; field: string }) => `add ${p.field}: to ${p.at}, or remove that entry`,
  'doctor.shape.fixModel': (p: { at: string }) => `${p.at}: remove it or write it as a mapping`,
  'doctor.shape.makeMapping': 'make it a YAML mapping (name:, version:, models: …)',

  // litellm.installed, python.version
  'doctor.litellm.title': 'LiteLLM that `llmctl serve` would run',
  'doctor.litellm.cannotTell': (p: { error: string }) => `cannot tell: ${p.error}`,
  'doctor.litellm.notFound': (p: { tried: string }) => `not found (looked in: ${p.tried})`,
  'doctor.litellm.nowhere': 'nowhere',
  'doctor.litellm.malicious': (p: { version: string; where: string }) =>
    `LiteLLM ${p.version} at ${p.where} is a MALICIOUS release (credential stealer)`,
  'doctor.litellm.rotateFix': (p: { hint: string }) =>
    `rotate your keys NOW (every provider key and the proxy master key). ${p.hint}`,
  'doctor.litellm.ok': (p: { version: string; where: string }) => `LiteLLM ${p.version} at ${p.where}`,
  'doctor.python.title': (p: { min: string }) => `Python ${p.min}+ (for LiteLLM)`,
  'doctor.python.installFix':
    'install Python 3.9+ (e.g. apt install python3 python3-venv), or set --python for `llmctl proxy install`',
  'doctor.python.ok': (p: { version: string; command: string }) => `Python ${p.version} (${p.command})`,
  'doctor.python.notNeeded': 'no Python on PATH, but LiteLLM is installed',
  'doctor.python.none': 'no Python found',
  'doctor.python.tooOld': (p: { version: string; command: string }) =>
    `Python ${p.version} (${p.command}) is too old for LiteLLM`,
  'doctor.python.excluded': 'Python 3.9.7 is excluded by LiteLLM',

  // proxy.port, proxy.config, proxy.exposure, network.system-proxy
  'doctor.port.title': 'Proxy port free, or our proxy up and healthy',
  'doctor.port.up': (p: { url: string; pid?: number | undefined }) =>
    `llmctl's proxy is up at ${p.url}${p.pid ? ` (pid ${p.pid})` : ''}, ready`,
  'doctor.port.notReady': (p: { url: string; detail?: string | undefined }) =>
    `llmctl's proxy at ${p.url} is not ready${p.detail ? `: ${p.detail}` : ''}`,
  'doctor.port.notReadyFix': (p: { log: string }) =>
    `llmctl stop && llmctl serve --detach   (why it is not ready: ${p.log})`,
  'doctor.port.taken': (p: { port: number; host: string }) => `port ${p.port} on ${p.host} is taken by another program`,
  'doctor.port.takenFix': 'stop that program, or choose another port: set proxy.port in llmctl.yaml, then llmctl sync',
  'doctor.port.free': (p: { port: number }) => `proxy not running; port ${p.port} is free`,
  'doctor.proxyConfig.title': 'Running proxy serves the current config',
  'doctor.proxyConfig.noConfig': 'no valid llmctl.yaml (see config.valid)',
  'doctor.proxyConfig.notRunning': 'no proxy started by `llmctl serve` is running',
  'doctor.proxyConfig.stale': (p: { pid: number; why: string }) =>
    `the proxy (pid ${p.pid}) is running an older config: ${p.why}`,
  'doctor.proxyConfig.ok': (p: { pid: number }) =>
    `the proxy (pid ${p.pid}) started from the current LiteLLM config and keys`,
  'doctor.exposure.title': 'Proxy reachable beyond this machine only with a key',
  'doctor.exposure.loopback': (p: { host: string }) => `bound to ${p.host} (this machine only)`,
  'doctor.exposure.generate': 'llmctl sync   (generates the master key)',
  'doctor.exposure.exportKey': (p: { command: string }) => `${p.command} (the key clients will use)`,
  'doctor.exposure.open': (p: { host: string }) =>
    `bound to ${p.host} with no master key: anyone on the network can spend your provider keys`,
  'doctor.exposure.openFix': (p: { provide: string }) => `${p.provide}, or set proxy.host: 127.0.0.1 in llmctl.yaml`,
  'doctor.exposure.keyed': (p: { host: string }) => `bound to ${p.host}; clients need the master key`,
  'doctor.systemProxy.title': 'Local proxy traffic not sent to a system HTTP proxy',
  'doctor.systemProxy.none': 'no HTTP(S)_PROXY set',
  'doctor.systemProxy.covered': (p: { vars: string; host: string }) => `${p.vars} set; ${p.host} is in NO_PROXY`,
  'doctor.systemProxy.notCovered': (p: { vars: string; host: string }) =>
    `${p.vars} set but ${p.host} is not in NO_PROXY: requests to the local proxy go to the system proxy (Clash…)`,
  'doctor.systemProxy.setxFix': (p: { value: string }) =>
    `setx NO_PROXY "${p.value}"   (then open a new terminal / restart the IDE)`,
  'doctor.systemProxy.exportFix': (p: { value: string }) =>
    `export NO_PROXY="${p.value}"   (add it to your shell profile)`,

  // claude.installed, claude.settings, claude.models
  'doctor.claude.syncForceFix': (p: { target: string }) =>
    `llmctl sync --only ${p.target} --force   (puts back llmctl's values over your edits; backed up)`,
  'doctor.claudeInstalled.title': 'Claude Code installed',
  'doctor.claudeInstalled.notFound': '`claude` not found on PATH',
  'doctor.claudeSettings.title': 'Claude Code settings point at the proxy with a token',
  'doctor.claudeSettings.none': (p: { file: string }) => `no ${p.file}`,
  'doctor.claudeSettings.badJson': (p: { file: string; error: string }) => `${p.file} is not valid JSON: ${p.error}`,
  'doctor.claudeSettings.badJsonFix':
    'fix the JSON by hand (llmctl never rewrites a file it cannot parse), or `llmctl restore`',
  'doctor.claudeSettings.noBase':
    'env.ANTHROPIC_BASE_URL is not set: Claude Code talks to api.anthropic.com, bypassing the proxy',
  'doctor.claudeSettings.elsewhere': (p: { base: string; port: number }) =>
    `env.ANTHROPIC_BASE_URL is ${p.base}, not llmctl's proxy (port ${p.port})`,
  'doctor.claudeSettings.endsInV1': (p: { base: string }) =>
    `env.ANTHROPIC_BASE_URL ends in /v1 (${p.base}): Claude Code adds /v1 itself`,
  'doctor.claudeSettings.apiKeyInstead':
    'uses ANTHROPIC_API_KEY (sent as x-api-key, asks for approval) instead of ANTHROPIC_AUTH_TOKEN',
  'doctor.claudeSettings.noToken': 'env.ANTHROPIC_AUTH_TOKEN is not set: the proxy will answer 401',
  'doctor.claudeSettings.wrongToken':
    "env.ANTHROPIC_AUTH_TOKEN is not the proxy's master key: the proxy will answer 401",
  'doctor.claudeSettings.ok': (p: { base: string }) => `${p.base} with a token`,
  'doctor.claudeModels.title': 'Every model Claude Code may ask for exists on the proxy',
  'doctor.claudeModels.noSettings': 'no readable settings.json (see claude.settings)',
  'doctor.claudeModels.fix':
    'set tools.claude.model / haikuModel / sonnetModel / opusModel in ' +
    'llmctl.yaml to models it defines, then: llmctl sync --only claude',
  'doctor.claudeModels.missing': (p: { list: string }) => `not on the proxy: ${p.list}`,
  'doctor.claudeModels.forceFix': (p: { fix: string }) =>
    `llmctl sync --only claude --force   (puts back the models from llmctl.yaml; backed up) — or ${p.fix}`,
  'doctor.claudeModels.noMain': 'main model (no `model`)',
  'doctor.claudeModels.noHaiku': 'haiku (background calls)',
  'doctor.claudeModels.unmapped': (p: { list: string }) =>
    `${p.list} not set: Claude Code asks for its own model name, which the proxy does not have`,

  // online.* (doctor --online)
  'doctor.online.title': 'Online checks',
  'doctor.online.timeout': (p: { seconds: number }) => `no answer in ${p.seconds}s`,
  'doctor.online.providerTitle': (p: { name: string }) => `Provider ${p.name} answers /models with its key`,
  'doctor.online.noApiBase': 'no apiBase',
  'doctor.online.noKey': 'key not available (see secrets.present)',
  'doctor.online.networkFix': 'check the network / VPN and apiBase; behind a proxy set HTTPS_PROXY for `llmctl serve`',
  'doctor.online.keyRejected': (p: { url: string; status: number }) =>
    `${p.url}: HTTP ${p.status}, the key was rejected`,
  'doctor.online.setKeyFix': (p: { what: string }) => `set ${p.what} to a valid key`,
  'doctor.online.theKey': 'the key',
  'doctor.online.apiBaseFix': 'check apiBase in llmctl.yaml',
  'doctor.online.listed': (p: { url: string; n: number }) => `${p.url}: 200, ${p.n} models`,
  'doctor.online.proxyDown': 'proxy not running: llmctl serve --detach',
  'doctor.online.modelsTitle': 'The running proxy serves every model in llmctl.yaml',
  'doctor.online.masterKeyRefused': (p: { command: string }) =>
    `the proxy does not accept the master key llmctl has: ${p.command}`,
  'doctor.online.seeOutput': (p: { log: string }) => `see the proxy's output in ${p.log}`,
  'doctor.online.notServed': (p: { list: string }) => `the proxy does not serve: ${p.list} (it runs an older config)`,
  'doctor.online.restartFix': (p: { command: string }) =>
    `${p.command}   (it loads the current config; \`llmctl sync\` does it too)`,
  'doctor.online.served': (p: { n: number }) => `${p.n} model name(s) served`,
  'doctor.online.chatTitle': 'A chat completion through the proxy',
  'doctor.online.noModels': 'no models',
  'doctor.online.messagesTitle': 'An Anthropic /v1/messages request through the proxy (Claude Code’s path)',
  'doctor.online.responsesFix': (p: { model: string }) =>
    `LiteLLM sent ${p.model} to the upstream's /responses, which it lacks: ` +
    `remove use_chat_completions_url_for_anthropic_messages: false from ` +
    `proxy.settings in llmctl.yaml (llmctl writes true), then llmctl sync`,
  'doctor.online.providerKeyRefused': (p: { provider: string; log: string }) =>
    `the key of provider ${p.provider} was refused: see ` +
    `online.provider.${p.provider}; details in the proxy's output in ${p.log}`,
  'doctor.online.upstreamFix': (p: { provider: string; log: string }) =>
    `the answer above is from provider ${p.provider} (or the proxy): check that server and the model's \`model:\` ` +
    `in llmctl.yaml (online.provider.${p.provider} lists what it serves); details in the proxy's output in ${p.log}`,

  // doctor --fix
  'doctor.fix.gitBashAuto': (p: { file: string; found: string }) =>
    `set tools.claude.gitBashPath: auto in ${p.file} (Git Bash found at ${p.found})`,
  'doctor.fix.gitBashPath': (p: { path: string; file: string }) =>
    `set env.CLAUDE_CODE_GIT_BASH_PATH = ${p.path} in ${p.file}`,
  'doctor.fix.setxAsk': (p: { command: string }) =>
    `Also run \`${p.command}\` for programs that do not read settings.json?`,
  'doctor.fix.setxSuggest': (p: { command: string }) =>
    `for programs that do not read settings.json, run: ${p.command}`,
  'doctor.fix.fixing': (p: { action: string }) => `fixing: ${p.action}`,
  'doctor.fix.doneBackup': (p: { action: string; backup: string }) =>
    `${p.action} (backup ${p.backup}; undo: llmctl restore ${p.backup})`,
  'doctor.fix.failed': (p: { action: string; error: string }) => `could not ${p.action}: ${p.error}`,
  'doctor.fix.unknownError': 'unknown error',
  'doctor.fix.nothing': 'nothing that doctor can fix safely; see the fixes below',

  // The table
  'doctor.table.fixLabel': 'fix:',
  'doctor.table.summary': (p: { pass: number; warn: number; fail: number; skip: number }) =>
    `${p.pass} passed, ${p.warn} warning${p.warn === 1 ? '' : 's'}, ${p.fail} failed, ${p.skip} skipped`,
  'doctor.presetNote': (p: { preset: string; note: string }) => `note (preset ${p.preset}, unconfirmed): ${p.note}`,
} satisfies Messages;
