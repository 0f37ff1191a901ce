import type { Messages } from '../message.js';

/** English messages of the webui area. Ids start with `webui.`. */
export const webui = {
  'webui.cli.desc': 'Open WebUI: a chat UI for people, in front of the proxy',
  'webui.cli.installDesc': 'Install Open WebUI into an llmctl-managed Python virtual environment',
  'webui.cli.installVersion': 'Open WebUI version to install (default: the tested one)',
  'webui.cli.installPython': 'Python 3.11 or 3.12 to build the virtual environment with',
  'webui.cli.installPip': 'use pip only (slower), even when uv is available',
  'webui.cli.installYes': 'do not ask before the download (several GB)',
  'webui.cli.serveWebui': 'also start Open WebUI (tools.openwebui), connected to the proxy',
  'webui.cli.serveWebuiPort': 'port for Open WebUI (default: tools.openwebui.port, 8080)',

  'webui.cli.initWebui': 'a chat UI too: Open WebUI, with a client key of its own (`llmctl webui install` installs it)',
  'webui.init.choice': 'Open WebUI (a chat UI in the browser, with a client key of its own)',

  'webui.env.label': 'Open WebUI env file',
  'webui.env.badValue': (p: { name: string }) =>
    `the value for ${p.name} has characters an env file cannot hold as it stands (spaces, quotes, #, newlines)`,
  'webui.env.badValueHint':
    'use a key of plain characters (letters, digits, - _ . : / + @ % ~ ,): `llmctl keys client add` makes one',
  'webui.env.noSession': 'Open WebUI’s session key (WEBUI_SECRET_KEY) is not stored yet',
  'webui.env.noSessionHint': 'run `llmctl sync`: it generates the key once and keeps it in the secrets store',

  'webui.client.missing': (p: { name: string }) =>
    `Open WebUI uses the client "${p.name}" (tools.openwebui.client), but proxy.clients has no such client`,
  'webui.client.missingHint': (p: { name: string }) =>
    `create it with \`llmctl keys client add ${p.name}\` (Open ` +
    `WebUI never gets the master key), then run the command again`,
  'webui.client.noKey': (p: { name: string; ref: string }) => `the key of client "${p.name}" (${p.ref}) is not set`,
  'webui.client.noKeyHint': (p: { name: string }) =>
    `store it again with \`llmctl keys client add ${p.name}\`, or set the environment variable it names`,
  'webui.client.isMaster': (p: { name: string }) => `client "${p.name}" has the proxy’s master key as its key`,
  'webui.client.isMasterHint': (p: { name: string }) =>
    `give it a key of its own: \`llmctl keys client rm ${p.name}\`, then \`llmctl keys client add ${p.name}\``,

  'webui.install.size': (p: { version: string; venv: string; gb: number }) =>
    `Open WebUI ${p.version} with its dependencies (PyTorch among them) takes ` +
    `about ${p.gb} GB in ${p.venv}, downloaded from your Python package index.`,
  'webui.install.needsYes': 'installing Open WebUI downloads several GB: confirm with --yes',
  'webui.install.needsYesHint': 'run `llmctl webui install --yes`',
  'webui.install.confirm': 'Install Open WebUI now?',
  'webui.install.preparing': 'Preparing the Open WebUI install',
  'webui.install.installed': (p: { version: string; venv: string; tool: string; seconds: string }) =>
    `Open WebUI ${p.version} installed in ${p.venv} (${p.tool}, ${p.seconds} s)`,
  'webui.install.already': (p: { version: string; venv: string }) => `Open WebUI ${p.version} is already in ${p.venv}`,
  'webui.install.next': 'Next: `llmctl serve --webui` starts the proxy and Open WebUI.',
  'webui.install.failed': 'Open WebUI was not installed',
  'webui.install.badVersion': (p: { version: string }) => `"${p.version}" is not an Open WebUI version (like 0.12.4)`,
  'webui.install.badVersionHint': (p: { default: string }) => `leave --version out for ${p.default}, or give X.Y.Z`,
  'webui.install.lookingForPython': 'Looking for Python 3.11 or 3.12',
  'webui.install.pythonIs': (p: { command: string; version: string }) => `${p.command} is Python ${p.version}`,
  'webui.install.pythonOutOfRange': (p: { found: string }) =>
    `Open WebUI needs Python 3.11 or 3.12 (not 3.13): ${p.found}`,
  'webui.install.noPython': (p: { tried: string }) => `no Python found (tried ${p.tried})`,
  'webui.install.pythonHint':
    'install Python 3.12 or 3.11 (python.org, pyenv, `uv python install ' +
    '3.12`, your package manager) and pass it with `--python PATH`',
  'webui.install.stepVenv': (p: { venv: string }) => `Creating a virtual environment in ${p.venv}`,
  'webui.install.stepPip': (p: { spec: string }) => `Installing ${p.spec} with pip (this takes a long while)`,
  'webui.install.stepUvBoot': (p: { venv: string }) => `uv is not on PATH: putting it in ${p.venv}`,
  'webui.install.stepUvBootPip': 'Installing uv with pip',
  'webui.install.stepVenvUv': (p: { venv: string }) => `Creating a virtual environment in ${p.venv} (uv)`,
  'webui.install.stepUv': (p: { spec: string }) => `Installing ${p.spec} with uv`,
  'webui.install.notThere': (p: { version: string; venv: string }) =>
    `the install finished, but Open WebUI ${p.version} is not in ${p.venv}`,
  'webui.install.retryHint': 'run `llmctl webui install` again; with `-v` you see what it runs',
  'webui.install.unreachable': 'the Python package index could not be reached',
  'webui.install.stepFailed': (p: { step: string }) => `failed: ${p.step}`,
  'webui.install.failedHint':
    'a mirror helps behind a firewall: PIP_INDEX_URL / ' +
    'UV_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple llmctl webui install',

  'webui.run.disabled': (p: { file: string }) => `Open WebUI is off in ${p.file} (tools.openwebui.enabled)`,
  'webui.run.disabledHint':
    'set tools.openwebui.enabled: true (and create its client: `llmctl ' +
    'keys client add openwebui`), or run `llmctl init --webui`',
  'webui.run.notInstalled': (p: { venv: string }) => `Open WebUI is not installed (looked in ${p.venv})`,
  'webui.run.notInstalledHint': 'run `llmctl webui install`',
  'webui.run.alreadyRunning': (p: { pid: number; url: string }) =>
    `Open WebUI started by llmctl is already running (pid ${p.pid}, ${p.url})`,
  'webui.run.alreadyRunningHint': 'run `llmctl stop` first',
  'webui.run.noEnvFile': (p: { file: string }) => `${p.file} is missing`,
  'webui.run.noEnvFileHint': 'run `llmctl sync` to write it',
  'webui.run.starting': (p: { port: number }) => `Starting Open WebUI on port ${p.port} (it takes a minute or more)`,
  'webui.run.ready': (p: { url: string; pid: number }) => `Open WebUI is ready at ${p.url} (pid ${p.pid})`,
  'webui.run.logs': (p: { file: string }) => `Open WebUI log: ${p.file}`,
  'webui.run.exited': (p: { code: number; log: string }) =>
    `Open WebUI stopped during start (exit code ${p.code}); see ${p.log}`,
  'webui.run.timeout': (p: { seconds: number; log: string }) =>
    `Open WebUI did not answer /health within ${p.seconds} s; see ${p.log}`,
  'webui.run.failedHint': (p: { log: string }) => `read the end of ${p.log}; \`llmctl doctor\` checks the setup`,
  'webui.run.stopped': (p: { pid: number }) => `Open WebUI stopped (pid ${p.pid})`,

  'webui.status.running': (p: { url: string; pid: number }) => `running at ${p.url} (pid ${p.pid})`,
  'webui.status.down': 'not running (`llmctl serve --webui` starts it)',
  'webui.status.label': 'Open WebUI',

  'webui.doctor.targetTitle': 'Open WebUI env file in sync with llmctl.yaml',
  'webui.doctor.notEnabled': 'Open WebUI is off (tools.openwebui.enabled)',
  'webui.doctor.installedTitle': 'Open WebUI installed',
  'webui.doctor.notInstalled': (p: { venv: string }) => `not installed (looked in ${p.venv})`,
  'webui.doctor.installed': (p: { version: string; venv: string }) => `Open WebUI ${p.version} in ${p.venv}`,
  'webui.doctor.envTitle': 'Open WebUI points at the proxy with its own client key',
  'webui.doctor.noEnv': (p: { file: string }) => `${p.file} is missing`,
  'webui.doctor.wrongBase': (p: { file: string; got: string; want: string }) =>
    `${p.file}: OPENAI_API_BASE_URL is ${p.got}, the proxy is at ${p.want}`,
  'webui.doctor.masterKey': (p: { file: string }) => `${p.file}: OPENAI_API_KEY is the proxy’s master key`,
  'webui.doctor.wrongKey': (p: { file: string; name: string }) =>
    `${p.file}: OPENAI_API_KEY is not the key of client "${p.name}"`,
  'webui.doctor.envOk': (p: { file: string; url: string; name: string }) =>
    `${p.file}: ${p.url}, key of client "${p.name}"`,
  'webui.doctor.portTitle': 'Open WebUI port free',
  'webui.doctor.portOurs': (p: { port: number; pid: number }) =>
    `port ${p.port} is held by the Open WebUI llmctl started (pid ${p.pid})`,
  'webui.doctor.portFree': (p: { port: number }) => `port ${p.port} is free`,
  'webui.doctor.portTaken': (p: { port: number }) => `port ${p.port} is used by another program`,
  'webui.doctor.portFix': 'stop that program, or choose another port: tools.openwebui.port or `serve --webui-port N`',
  'webui.doctor.persistentTitle': 'Open WebUI takes its settings from the env file',
  'webui.doctor.noEnvYet': 'no env file yet',
  'webui.doctor.persistentOn': (p: { value: string }) =>
    `ENABLE_PERSISTENT_CONFIG is ${p.value}: after the first start, ` +
    `settings saved in Open WebUI’s database win over the env file`,
  'webui.doctor.persistentOnDb': (p: { value: string }) =>
    `ENABLE_PERSISTENT_CONFIG is ${p.value} and webui.db exists: ` +
    `Open WebUI uses the connection saved there, not the env file`,
  'webui.doctor.persistentOff': 'ENABLE_PERSISTENT_CONFIG=False: the env file is in charge',
} satisfies Messages;
