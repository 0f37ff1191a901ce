import type { Messages } from '../message.js';

/**
 * English messages of the proxy area (serve, the restart after sync, proxy install, proxy status). Ids start with
 * `proxy.`.
 */
export const proxy = {
  // joining words and reasons inside a message
  'proxy.join.and': ' and ',
  'proxy.join.list': ', ',
  'proxy.join.reasons': '; ',

  // serve: what refuses before a file is written
  'proxy.serve.notRunning': 'no proxy started by `llmctl serve` is running',
  'proxy.serve.notRunningHint': 'start one with `llmctl serve --detach` (or `llmctl serve` in a terminal of its own)',
  'proxy.serve.alreadyRunning': (p: { pid: number; url: string }) =>
    `a proxy started by llmctl is already running (pid ${p.pid}, ${p.url})`,
  'proxy.serve.alreadyRunningHint': (p: { command: string }) =>
    `\`${p.command}\` restarts it with the current config; \`llmctl stop\` stops it`,
  'proxy.serve.noMasterKey': (p: { host: string }) =>
    `refusing to listen on ${p.host} without a proxy master key: anyone on the network could use your providers' keys`,
  'proxy.serve.noMasterKeyHint': 'set proxy.masterKey (secret:proxy is generated for you) or use --host 127.0.0.1',
  'proxy.serve.configMissing': (p: { file: string }) => `${p.file} does not exist`,
  'proxy.serve.configMissingHint': 'run `llmctl init` (or `llmctl import litellm FILE`) first',

  // serve: the config it writes
  'proxy.serve.recorded': (p: { address: string; file: string }) =>
    `Recorded the proxy address ${p.address} in ${p.file} (the next \`llmctl serve\` uses it too).`,
  'proxy.serve.created': (p: { label: string; path: string }) => `created ${p.label}: ${p.path}`,
  'proxy.serve.updated': (p: { label: string; path: string }) => `updated ${p.label}: ${p.path}`,
  'proxy.serve.toolsMoved': (p: { tools: string; n: number; url: string }) =>
    `${p.tools} now point${p.n === 1 ? 's' : ''} at ${p.url}.`,
  'proxy.serve.toolsSame': (p: { tools: string; n: number; url: string }) =>
    `${p.tools} ${p.n === 1 ? 'is' : 'are'} unchanged ` +
    `(${p.n === 1 ? 'it reaches' : 'they reach'} the proxy at ${p.url}).`,

  // serve: start and addresses
  'proxy.start.starting': (p: { label: string; url: string }) => `Starting ${p.label} on ${p.url}`,
  'proxy.start.waiting': (p: { label: string; url: string; probe: string }) =>
    `Starting ${p.label} on ${p.url} (waiting for ${p.probe})`,
  'proxy.start.up': (p: { label: string; url: string; seconds: string }) =>
    `${p.label} is up at ${p.url} (ready in ${p.seconds} s)`,
  'proxy.start.exited': (p: { code: number }) => `LiteLLM exited during start (code ${p.code})`,
  'proxy.start.timeout': (p: { seconds: number }) => `LiteLLM did not become ready within ${p.seconds} s`,
  'proxy.start.didNotStart': 'the proxy did not start',
  'proxy.start.notReady': 'the proxy did not become ready',
  'proxy.start.likelyCause': (p: { cause: string }) => `likely cause: ${p.cause}`,
  'proxy.start.fullLog': (p: { file: string }) => `full log: ${p.file}`,
  'proxy.start.seeAbove': 'see the log lines above',
  'proxy.start.openaiUrl': (p: { url: string }) => `OpenAI base URL:    ${p.url}/v1`,
  'proxy.start.anthropicUrl': (p: { url: string }) =>
    `Anthropic base URL: ${p.url}   (ANTHROPIC_BASE_URL for Claude Code)`,
  'proxy.start.modelsKey': (p: { models: number; pid: number }) =>
    `Models: ${p.models}   Key: the proxy master key (\`llmctl keys list\`)   pid ${p.pid}`,
  'proxy.start.lanHeading': 'From other machines (OpenAI base URL):',
  'proxy.start.lanWarning': (p: { host: string }) =>
    `listening on ${p.host}: other machines can reach the proxy (the master key guards it)`,
  'proxy.start.detachedLogs': (p: { file: string }) => `Logs: ${p.file}. Stop with \`llmctl stop\`.`,

  // serve in the foreground
  'proxy.fg.stopping': (p: { signal: string }) => `\n${p.signal}: stopping LiteLLM (again to kill it at once)…`,
  'proxy.fg.logsFollow': 'LiteLLM logs follow. Ctrl-C (or `llmctl stop`) stops the proxy.',
  'proxy.fg.stopped': (p: { code: number }) => `LiteLLM stopped (exit code ${p.code}).`,
  'proxy.fg.stoppedByCommand': (p: { code: number }) => `LiteLLM stopped by \`llmctl stop\` (exit code ${p.code}).`,
  'proxy.fg.exited': (p: { code: number }) => `LiteLLM exited with code ${p.code}`,
  'proxy.fg.restarting': (p: { pid: number }) => `\nRestarting LiteLLM with the new config (asked by pid ${p.pid})…`,
  'proxy.fg.restarted': (p: { from: number; to: number; downtime: string }) =>
    `LiteLLM restarted (pid ${p.from} → ${p.to}): ${p.downtime}`,
  'proxy.fg.restartFailed': (p: { message: string }) => `restart failed: ${p.message}`,

  // restart after sync (and serve --restart)
  'proxy.follow.olderConfig': (p: { pid: number; reasons: string }) =>
    `the proxy (pid ${p.pid}) is running an older config: ${p.reasons}`,
  'proxy.follow.runRestart': (p: { command: string }) =>
    `Run \`${p.command}\` to load the new one (the proxy is unavailable for about a second).`,
  'proxy.follow.keysMissingHere': (p: { pid: number; reasons: string; missing: string; n: number }) =>
    `the proxy (pid ${p.pid}) is running an older config (${p.reasons}) and was not ` +
    `restarted: ${p.missing} ${p.n === 1 ? 'is' : 'are'} set for it but not in this shell`,
  'proxy.follow.exportThen': (p: { n: number; command: string }) =>
    `Export ${p.n === 1 ? 'it' : 'them'} and run \`${p.command}\`.`,
  'proxy.follow.restartingOlder': (p: { pid: number; reasons: string }) =>
    `The proxy (pid ${p.pid}) was running an older config: ${p.reasons}.`,
  'proxy.restart.foregroundDone': (p: { pid: number; downtime: string }) =>
    `Restarted the proxy in the foreground \`llmctl serve\` (pid ${p.pid}): ${p.downtime}`,
  'proxy.restart.spinner': 'Restarting the proxy with the new config',
  'proxy.restart.done': (p: { from: number; to: number; url: string; downtime: string }) =>
    `Restarted the proxy (pid ${p.from} → ${p.to}, ${p.url}): ${p.downtime}`,
  'proxy.restart.notRestarted': 'The proxy was not restarted',
  'proxy.restart.asking': (p: { pid: number }) =>
    `Asking the foreground \`llmctl serve\` (pid ${p.pid}) to restart the proxy`,
  'proxy.restart.foregroundCouldNot': 'The foreground `llmctl serve` could not restart the proxy',
  'proxy.restart.failed': 'the restart failed',
  'proxy.restart.foregroundCouldNotHint': (p: { command: string }) =>
    `see the terminal of that \`llmctl serve\`; fix the cause, then \`${p.command}\``,
  'proxy.restart.noAnswer': 'No answer from the foreground `llmctl serve`',
  'proxy.restart.noAnswerError': (p: { pid: number }) =>
    `the foreground \`llmctl serve\` (pid ${p.pid}) did not restart the proxy`,
  'proxy.restart.noAnswerHint':
    'stop it (Ctrl-C in its terminal, or `llmctl stop`) and start it again with `llmctl serve`',
  'proxy.restart.loading': (p: { label: string }) => `Loading ${p.label} while the old proxy still serves`,
  'proxy.restart.switching': 'Switching to the new proxy',
  'proxy.restart.newExited': (p: { code: number }) => `the new LiteLLM exited during start (code ${p.code})`,
  'proxy.restart.newTimeout': (p: { seconds: number }) => `the new LiteLLM did not become ready within ${p.seconds} s`,
  'proxy.restart.newFailed': (p: { what: string; oldRuns: boolean }) =>
    `${p.what}; ${p.oldRuns ? 'the old proxy keeps running with the old config' : 'the proxy is down'}`,
  'proxy.restart.log': (p: { file: string }) => `log: ${p.file}`,
  'proxy.restart.fixThen': 'fix it, then `llmctl serve --restart`',
  'proxy.downtime.moved': 'no downtime (the new proxy was ready at its new address before the old one stopped)',
  'proxy.downtime.unavailable': (p: { seconds: string; warm: boolean }) =>
    `unavailable for ${p.seconds}${p.warm ? ' (LiteLLM loaded while the old proxy still served)' : ''}`,
  'proxy.downtime.seconds': (p: { seconds: string }) => `${p.seconds} s`,

  // why a running proxy is on an older config (status, sync, doctor)
  'proxy.stale.address': (p: { running: string; wanted: string }) =>
    `it listens on ${p.running}, llmctl.yaml says ${p.wanted}`,
  'proxy.stale.configFile': (p: { running: string; wanted: string }) =>
    `it was started from ${p.running}, not ${p.wanted}`,
  'proxy.stale.unrecorded': 'it was started by an llmctl that did not record its config',
  'proxy.stale.configChanged': 'the LiteLLM config changed since it started',
  'proxy.stale.changed': (p: { what: string }) => `${p.what} changed since it started`,
  'proxy.stale.wouldChange': 'the LiteLLM config would change',
  'proxy.key.master': 'the proxy master key',
  'proxy.key.ofProvider': (p: { provider: string }) => `the key of ${p.provider}`,
  'proxy.key.variable': (p: { name: string }) => `the key ${p.name}`,

  // proxy status (status, doctor)
  'proxy.status.stuck': (p: { pid: number; url: string; log: string }) =>
    `pid ${p.pid} runs but ${p.url}/health/liveliness does not answer (starting, or stuck: see ${p.log})`,
  'proxy.status.nothingAnswers': (p: { url: string }) => `nothing answers at ${p.url}`,
  'proxy.status.stalePidFile': (p: { url: string; file: string; pid: number }) =>
    `nothing answers at ${p.url} (stale pid file ${p.file}: pid ${p.pid} is gone)`,
  'proxy.status.readinessAnswered': (p: { url: string; status: string }) =>
    `${p.url}/health/readiness answered ${p.status}`,
  'proxy.status.nothing': 'nothing',
  'proxy.status.ready': 'ready',
  'proxy.status.readyOlder': (p: { reasons: string }) => `ready, but running an older config (${p.reasons})`,
  'proxy.status.upFor': (p: { state: string; uptime: string }) => `${p.state}, up ${p.uptime}`,
  'proxy.status.foreground': (p: { pid: number }) => ` (foreground \`llmctl serve\`, pid ${p.pid})`,
  'proxy.status.notOurs': 'ready; not started by `llmctl serve` (another LiteLLM on that address)',
  'proxy.status.terminalOf': (p: { pid: number }) => `the terminal running \`llmctl serve\` (pid ${p.pid})`,
  'proxy.uptime.s': (p: { s: number }) => `${p.s} s`,
  'proxy.uptime.min': (p: { m: number; s: number }) => `${p.m} min ${p.s} s`,
  'proxy.uptime.h': (p: { h: number; m: number }) => `${p.h} h ${p.m} min`,
  'proxy.uptime.days': (p: { d: number; h: number }) => `${p.d} days ${p.h} h`,

  // which LiteLLM runs
  'proxy.litellm.notInstalled': 'LiteLLM is not installed',
  'proxy.litellm.notInstalledHint':
    'run `llmctl proxy install` (or set LLMCTL_LITELLM to the path of a litellm program)',
  'proxy.litellm.lookedAt': (p: { place: string }) => `looked at ${p.place}`,
  'proxy.litellm.onPath': 'litellm on PATH',
  'proxy.litellm.envMissing': (p: { value: string; path: string }) =>
    `LLMCTL_LITELLM=${p.value} does not exist; using ${p.path} instead`,
  'proxy.litellm.compromised': (p: { version: string; path: string }) =>
    `refusing to run LiteLLM ${p.version} from ${p.path}: it is a compromised release`,
  'proxy.litellm.unknownVersion': (p: { path: string }) => `could not tell which LiteLLM version ${p.path} is`,
  'proxy.litellm.old': (p: { version: string; path: string; min: string }) =>
    `LiteLLM ${p.version} at ${p.path} is older than ${p.min}; \`llmctl proxy install\` gives the tested version`,
  'proxy.rotateKeysHint':
    'LiteLLM 1.82.7 and 1.82.8 were malicious uploads that steal credentials: uninstall ' +
    'it, rotate every API key that machine held, and run `llmctl proxy install`',

  // listening and starting the process
  'proxy.port.inUse': (p: { port: number; owner?: string }) =>
    `port ${p.port} is already in use${p.owner ? ` by ${p.owner}` : ''}`,
  'proxy.port.inUseHint': (p: { other: number }) =>
    `stop that program, or pick another port: \`llmctl serve --port ${p.other}\` (llmctl.yaml and the tools follow)`,
  'proxy.port.denied': (p: { port: number }) => `not allowed to listen on port ${p.port}`,
  'proxy.port.deniedHint': 'ports below 1024 need administrator rights: use a port such as 4000',
  'proxy.port.notHere': (p: { host: string }) => `${p.host} is not an address of this machine`,
  'proxy.port.notHereHint': 'use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  'proxy.port.cannotListen': (p: { address: string; message: string }) => `cannot listen on ${p.address}: ${p.message}`,
  'proxy.port.owner': (p: { command: string; pid: string }) => `${p.command} (pid ${p.pid})`,
  'proxy.port.ownerUnknown': (p: { pid: string }) => `a process (pid ${p.pid})`,
  'proxy.spawn.failed': (p: { command: string; error?: string }) =>
    `cannot start ${p.command}: ${p.error ?? 'unknown error'}`,
  'proxy.spawn.failedHint': 'run `llmctl proxy install`, or point LLMCTL_LITELLM at a working litellm',
  'proxy.cause.portTaken': (p: { port: number }) => `port ${p.port} is taken by another program`,
  'proxy.cause.incomplete':
    'the LiteLLM install is incomplete (the proxy extra is missing): run `llmctl proxy install`',
  'proxy.cause.yaml': 'the generated LiteLLM config does not parse: run `llmctl sync` and check llmctl.yaml',
  'proxy.cause.masterKey': 'the proxy master key was refused (it must start with sk-): `llmctl keys set proxy`',
  'proxy.cause.badHost': 'the host is not an address of this machine',
  'proxy.cause.permission': 'permission denied (a port below 1024, or a file LiteLLM cannot read)',
  'proxy.cause.database': 'the config asks for a database that is not set up',
  'proxy.cause.envVar': 'a key environment variable is not set',

  // proxy install
  'proxy.install.badVersion': (p: { version: string }) => `"${p.version}" is not a LiteLLM version`,
  'proxy.install.badVersionHint': (p: { default: string }) => `give one like ${p.default} (the default)`,
  'proxy.install.compromised': (p: { version: string }) =>
    `LiteLLM ${p.version} is a compromised release (a credential stealer ` +
    `was uploaded to PyPI as 1.82.7 and 1.82.8); llmctl never installs it`,
  'proxy.install.compromisedHint': (p: { default: string }) =>
    `install the tested version instead: \`llmctl proxy install\` (${p.default})`,
  'proxy.install.tooOld': (p: { version: string; min: string }) =>
    `LiteLLM ${p.version} is older than ${p.min}, the first clean release after the compromised ones`,
  'proxy.install.tooOldHint': (p: { min: string; default: string }) =>
    `use ${p.min} or newer; the tested default is ${p.default}`,
  'proxy.install.pythonIs': (p: { command: string; version: string }) => `${p.command} is Python ${p.version}`,
  'proxy.install.pythonTooOld': (p: { min: string; found: string }) =>
    `LiteLLM needs Python ${p.min} or newer: ${p.found}`,
  'proxy.install.pythonTooOldHint':
    'install a newer Python (python.org, pyenv, or your package manager) and pass it with `--python PATH`',
  'proxy.install.notPython': (p: { command: string }) => `${p.command} does not run as Python`,
  'proxy.install.noPython': (p: { tried: string }) => `no Python found (tried ${p.tried})`,
  'proxy.install.noPythonHintWindows':
    'install Python 3.9+ from python.org (tick "Add python.exe to PATH"), or pass `--python C:\\path\\to\\python.exe`',
  'proxy.install.noPythonHint':
    'install Python 3.9+ (e.g. `apt install python3 python3-venv`), or pass `--python /path/to/python3`',
  'proxy.install.stepVenvUv': (p: { venv: string }) => `Creating a virtual environment in ${p.venv} (uv)`,
  'proxy.install.stepVenv': (p: { venv: string }) => `Creating a virtual environment in ${p.venv}`,
  'proxy.install.stepUv': (p: { spec: string }) => `Installing ${p.spec} (uv)`,
  'proxy.install.stepPip': (p: { spec: string }) => `Installing ${p.spec} with pip (about a minute)`,
  'proxy.install.mirrorHint':
    'set PIP_INDEX_URL to a PyPI mirror you can reach (e.g. PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple; ' +
    'for uv also UV_INDEX_URL), then run `llmctl proxy install` again',
  'proxy.install.unreachable': (p: { version: string }) =>
    `could not download LiteLLM ${p.version}: the package index is not reachable`,
  'proxy.install.unavailable': (p: { version: string }) =>
    `LiteLLM ${p.version} (with its proxy extra) is not available from the package index`,
  'proxy.install.unavailableHint': (p: { default: string; mirror: string }) =>
    `mirrors often lag behind PyPI for the packages the proxy extra pins; try ` +
    `the tested default (\`llmctl proxy install\`, ${p.default}) or ${p.mirror}`,
  'proxy.install.noVenv': 'this Python cannot create virtual environments',
  'proxy.install.noVenvHint':
    'install the venv module (Debian/Ubuntu: `apt install python3-venv`) or pass another `--python`',
  'proxy.install.stepFailed': (p: { step: string }) => `${p.step} failed`,
  'proxy.install.stepFailedHint': 'see the output above; set PIP_INDEX_URL if you need a mirror',
  'proxy.install.lookingForPython': 'Looking for Python',
  'proxy.install.checking': 'Checking the installed LiteLLM',
  'proxy.install.couldNotRun': (p: { command: string }) => `could not run ${p.command}`,
  'proxy.install.couldNotRunHint': 'check that the Python (or uv) named above exists and runs',
  'proxy.install.verifying': 'Verifying with `litellm --version`',
  'proxy.install.doesNotRun': (p: { litellm: string }) => `LiteLLM was installed but ${p.litellm} does not run`,
  'proxy.install.wrongVersion': (p: { version: string; litellm: string; got: string }) =>
    `asked for LiteLLM ${p.version} but ${p.litellm} reports ${p.got}`,
  'proxy.install.reinstallHint': (p: { venv: string }) => `remove ${p.venv} and run \`llmctl proxy install\` again`,
} satisfies Messages;
