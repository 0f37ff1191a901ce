import type { Messages } from '../message.js';

type Path = { path: string };

/** English messages of the platform area. Ids start with `platform.`. */
export const platform = {
  // Why a Git Bash candidate or a CLAUDE_CODE_GIT_BASH_PATH value is not usable (after "which …").
  'platform.bash.quoted': 'has quotes inside the value (Claude Code takes them as part of the path)',
  'platform.bash.forwardSlashes': 'uses forward slashes (Claude Code needs C:\\…\\bin\\bash.exe with backslashes)',
  'platform.bash.relative': 'is not a full path',
  'platform.bash.unexpanded': 'holds a %VARIABLE% that is not expanded there',
  'platform.bash.wsl': "is WSL's bash, not Git's",
  'platform.bash.cygwin': "is Cygwin's bash, not Git's",
  'platform.bash.msys2': "is MSYS2's bash, not Git's",
  'platform.bash.notBash': 'is not a bash.exe',
  'platform.bash.usrBin': "is Git's usr\\bin\\bash.exe; Claude Code needs Git\\bin\\bash.exe",
  'platform.bash.missing': 'does not exist',
  // The same reasons as a candidate's "rejected" note (kept as they were for WSL and non-bash files).
  'platform.reject.wsl': "WSL's bash.exe, not Git Bash",
  'platform.reject.notBash': 'not a bash.exe',

  // windows.claude-native
  'platform.native.title': 'Claude Code runs natively on Windows',
  'platform.native.disabled': 'Claude Code is not enabled in llmctl.yaml',
  'platform.native.versionUnknown': 'version unknown',
  'platform.native.notInstalled': 'Claude Code not installed (see claude.installed)',
  'platform.native.tooOld': (p: { version: string; min: string }) =>
    `Claude Code ${p.version} has no native Windows support (needs ${p.min}+)`,
  'platform.native.ok': (p: { version: string }) => `Claude Code ${p.version}`,

  // windows.git-bash
  'platform.gitBash.title': 'Git for Windows (bash.exe) found',
  'platform.gitBash.notUsed': 'Claude Code does not use Git Bash here (not enabled, or gitBashPath: off)',
  'platform.gitBash.found': (p: { path: string; source: string }) => `${p.path} (${p.source})`,
  'platform.gitBash.foundSource': 'found',
  'platform.gitBash.configuredElsewhere': (p: { configured: string; why: string; other: string }) =>
    `tools.claude.gitBashPath is ${p.configured}, which ${p.why}; Git Bash is at ${p.other}`,
  'platform.gitBash.configuredElsewhereFix': (p: Path) =>
    `set tools.claude.gitBashPath: auto (or "${p.path}") in llmctl.yaml, then: llmctl sync --only claude`,
  'platform.gitBash.configuredBad': (p: { configured: string; why: string }) =>
    `tools.claude.gitBashPath is ${p.configured}, which ${p.why}`,
  'platform.gitBash.configuredBadFix': (p: { install: string }) =>
    `${p.install}; then set tools.claude.gitBashPath: auto`,
  'platform.gitBash.needsRequired': (p: { version: string }) =>
    `Claude Code${p.version ? ` ${p.version}` : ''} needs Git Bash`,
  'platform.gitBash.needsOptional': (p: { version: string }) => `Claude Code ${p.version} falls back to PowerShell`,
  'platform.gitBash.needsUnknown': (p: { min: string }) => `Claude Code before ${p.min} needs it`,
  'platform.gitBash.notFound': (p: { looked: number; why: string }) =>
    `not found (where.exe git, registry, ${p.looked} usual folders); ${p.why}`,
  'platform.gitBash.install': 'winget install --id Git.Git -e --source winget   (or https://git-scm.com/download/win)',

  // windows.wsl-bash
  'platform.wsl.title': "WSL's bash.exe does not shadow Git's",
  'platform.wsl.ok': 'first bash.exe on PATH is not WSL’s',
  'platform.wsl.shadowing':
    'C:\\Windows\\System32\\bash.exe (WSL) comes first on PATH: tools that run `bash` get WSL, not Git Bash',
  'platform.wsl.fix': (p: Path) =>
    `keep CLAUDE_CODE_GIT_BASH_PATH set to ${p.path} (llmctl ` +
    `doctor --fix), or move Git's folder before System32 in PATH`,
  'platform.wsl.fixInstall': (p: { install: string }) => `${p.install}; then llmctl doctor --fix`,

  // windows.git-bash-path
  'platform.bashPath.title': 'CLAUDE_CODE_GIT_BASH_PATH points to Git bash.exe',
  'platform.bashPath.notUsed': 'Claude Code does not use Git Bash here',
  'platform.bashPath.fixSettings': (p: { path: string; settings: string; setx: string }) =>
    `llmctl doctor --fix   (writes "${p.path}" into ${p.settings} ` +
    `env); for programs that do not read settings.json: ${p.setx}`,
  'platform.bashPath.inSettings': (p: { value: string; why: string }) =>
    `settings.json env has ${p.value}, which ${p.why}`,
  'platform.bashPath.inUserEnv': (p: { value: string; why: string }) =>
    `the user environment has ${p.value}, which ${p.why}`,
  'platform.bashPath.setxThenTerminal': (p: { setx: string }) => `${p.setx}   (then open a new terminal)`,
  'platform.bashPath.okSettings': (p: { value: string; agrees: boolean }) =>
    `settings.json env: ${p.value}${p.agrees ? '; user environment agrees' : ''}`,
  'platform.bashPath.okUserEnv': (p: { value: string }) =>
    `user environment: ${p.value} (settings.json does not set it)`,
  'platform.bashPath.noTarget': 'no Git Bash to point at (see windows.git-bash)',
  'platform.bashPath.unset': (p: Path) =>
    `not set in settings.json env nor the user environment; Git Bash is at ${p.path}`,

  // windows.git-install
  'platform.gitInstall.title': "Git for Windows has the parts Claude Code's Bash tool runs",
  'platform.gitInstall.skip': 'no Git Bash in use (see windows.git-bash)',
  'platform.gitInstall.missing': (p: { files: string }) =>
    `missing ${p.files}: Claude Code's Bash tool fails ("cygpath: command not found", ` +
    `"usr\\bin\\bash.exe not found"); MinGit and an interrupted Git update look like this`,
  'platform.gitInstall.fix':
    'winget install --id Git.Git -e --source winget --force   (repairs the full Git for Windows), then: llmctl doctor',
  'platform.gitInstall.ok': (p: { root: string }) => `${p.root} has usr\\bin\\bash.exe and usr\\bin\\cygpath.exe`,

  // windows.pathext
  'platform.pathext.title': 'PATHEXT includes .EXE',
  'platform.pathext.unset': 'PATHEXT is not set: programs are not found by name',
  'platform.pathext.noExe': (p: { value: string }) =>
    `PATHEXT is ${p.value}: \`claude\`, \`git\`, \`python\` are not found by name`,
  'platform.pathext.ok': 'yes',

  // windows.env-fresh
  'platform.envFresh.title': 'Running programs see the environment as saved',
  'platform.envFresh.skip': 'cannot read HKCU\\Environment',
  'platform.envFresh.stale': (p: { names: string }) =>
    `saved with setx but different in this terminal: ${p.names}; programs started before the change ` +
    `(this terminal, VS Code, JetBrains IDEs, the Claude desktop app) still have the old value`,
  'platform.envFresh.staleFix':
    'close and reopen this terminal and every window of VS Code / JetBrains / the Claude desktop app ' +
    '(they read the environment only when they start); if Explorer started them, sign out and in',
  'platform.envFresh.sessionOnly': (p: { names: string }) =>
    `set in this terminal only (set / $env:), not saved: ${p.names}; editors started from the Start menu do not see it`,
  'platform.envFresh.ok': (p: { n: number }) =>
    `this terminal and the saved user environment agree (${p.n} variable${p.n === 1 ? '' : 's'} llmctl reads)`,

  // windows.system-proxy
  'platform.sysProxy.title': 'The Windows system proxy sends 127.0.0.1 direct',
  'platform.sysProxy.off': 'no system proxy (Internet Settings)',
  'platform.sysProxy.unknown': 'cannot read Internet Settings',
  'platform.sysProxy.bypassed': (p: { server: string }) =>
    `system proxy ${p.server}; 127.0.0.1 and localhost bypass it`,
  'platform.sysProxy.notBypassed': (p: { server: string; override: string }) =>
    `system proxy ${p.server} (Clash, a company proxy…) with bypass list "${p.override}": VS Code ` +
    `and Continue send requests to 127.0.0.1 through it, so they never reach llmctl's proxy`,
  'platform.sysProxy.fix': (p: { command: string }) =>
    `${p.command}   (or add 127.0.0.1;localhost to your proxy app's bypass list), then restart VS Code`,
  'platform.sysProxy.pac': (p: { pac: string }) =>
    `a PAC script (${p.pac}) chooses the proxy: if it does not answer ` +
    `DIRECT for 127.0.0.1, VS Code and Continue cannot reach llmctl's proxy`,
  'platform.sysProxy.pacFix':
    'in VS Code settings.json add "http.noProxy": ["127.0.0.1", ' +
    '"localhost"], or ask for DIRECT for 127.0.0.1 in the PAC script',

  // windows.proxy-url
  'platform.proxyUrl.title': 'HTTP(S)_PROXY values are full URLs',
  'platform.proxyUrl.none': 'no HTTP(S)_PROXY set',
  'platform.proxyUrl.bad': (p: { name: string; value: string; where: string }) =>
    `${p.name} is ${p.value} (${p.where}) without http://: Claude Code cannot parse it and hangs without a message`,
  'platform.proxyUrl.ok': (p: { names: string }) => `${p.names}: full URLs`,
  'platform.where.process': 'this terminal',
  'platform.where.user': 'user environment',
  'platform.where.settings': 'settings.json env',

  // windows.bom
  'platform.bom.title': 'No byte order mark (BOM) in files the tools parse',
  'platform.bom.found': (p: { files: string }) =>
    `${p.files} start${p.files.includes(', ') ? '' : 's'} with a UTF-8 BOM (Notepad, PowerShell 5 Set-Content): ` +
    `the Claude desktop app ignores such a settings.json, dotenv readers lose the first key of such a .env`,
  'platform.bom.fix': 'llmctl doctor --fix   (removes the 3 bytes, keeps everything else; backed up)',
  'platform.bom.ok': 'settings.json and Continue .env have no BOM',
  'platform.bom.fixAction': (p: Path) => `remove the UTF-8 BOM from ${p.path}`,

  // windows.profile-path
  'platform.profile.title': 'User profile path is plain ASCII',
  'platform.profile.nonAscii': (p: Path) =>
    `${p.path} has non-ASCII characters: Python venvs, pip and Claude Code's project folders garble such paths`,
  'platform.profile.quote': (p: Path) =>
    `${p.path} has an apostrophe: Claude Code's Bash tool breaks on every command run from inside it`,
  'platform.profile.fix': (p: { setx: string }) =>
    `${p.setx}   (keeps llmctl and its LiteLLM venv outside the profile; then llmctl ` +
    `proxy install), and start Claude Code from a project folder such as C:\\dev\\project`,
  'platform.profile.ok': (p: { path: string; spaces: boolean }) =>
    `${p.path}${p.spaces ? ' (spaces: fine, llmctl quotes every path it writes)' : ''}`,

  // windows.synced-folders
  'platform.synced.title': "llmctl's and the tools' folders are not in OneDrive or on a network share",
  'platform.synced.found': (p: { places: string }) =>
    `${p.places}: sync uploads secrets.json and the proxy key, and can lock or roll back files while tools write them`,
  'platform.synced.onedrive': 'OneDrive',
  'platform.synced.network': 'a network share',
  'platform.synced.fix': (p: { setx: string }) =>
    `move the folder, then: ${p.setx}   (for llmctl's folder; for CLAUDE_CONFIG_DIR ` +
    `/ CONTINUE_GLOBAL_DIR, point them at a local folder the same way)`,
  'platform.synced.ok': 'local folders',

  // Collapsed line on other systems.
  'platform.windows.title': 'Windows checks (Git Bash, PATHEXT)',
  'platform.windows.notWindows': (p: { os: string }) => `not Windows (${p.os})`,
} satisfies Messages;
