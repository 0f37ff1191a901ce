import { isWslBash, pathextHasExe, setxCommand } from '../platform/windows.js';
import { claudeEnv, type CheckFn } from './checks.js';
import type { Facts } from './facts.js';
import { type Check, fail, pass, skip, warn } from './types.js';
import { compareVersions } from '../proxy/versions.js';

/** Claude Code on Windows: native from 1.0.51 (needing Git Bash); Git Bash optional from 2.1.120. */
export const CLAUDE_NATIVE_WINDOWS = '1.0.51';
export const CLAUDE_GIT_BASH_OPTIONAL = '2.1.120';
export const INSTALL_GIT = 'winget install --id Git.Git -e --source winget   (or https://git-scm.com/download/win)';

type Need = 'none' | 'required' | 'optional' | 'unknown';

/** How much Claude Code needs Git Bash, from its version. */
export function gitBashNeed(f: Facts): Need {
  if (f.config && !f.config.tools.claude.enabled) return 'none';
  if (f.config?.tools.claude.gitBashPath === 'off') return 'none';
  if (!f.claudeVersion) return f.claudeInstalled ? 'required' : 'unknown';
  return compareVersions(f.claudeVersion, CLAUDE_GIT_BASH_OPTIONAL) < 0 ? 'required' : 'optional';
}

const severity = (need: Need) => (need === 'required' ? fail : warn);

export const claudeNative: CheckFn = (f) => {
  const id = 'windows.claude-native';
  const t = 'Claude Code runs natively on Windows';
  if (f.config && !f.config.tools.claude.enabled) return skip(id, t, 'Claude Code is not enabled in llmctl.yaml');
  if (!f.claudeVersion)
    return skip(id, t, f.claudeInstalled ? 'version unknown' : 'Claude Code not installed (see claude.installed)');
  if (compareVersions(f.claudeVersion, CLAUDE_NATIVE_WINDOWS) < 0) {
    return fail(
      id,
      t,
      `Claude Code ${f.claudeVersion} has no native Windows support (needs ${CLAUDE_NATIVE_WINDOWS}+)`,
      'npm install -g @anthropic-ai/claude-code@latest',
    );
  }
  return pass(id, t, `Claude Code ${f.claudeVersion}`);
};

export const gitBashFound: CheckFn = (f) => {
  const id = 'windows.git-bash';
  const t = 'Git for Windows (bash.exe) found';
  const need = gitBashNeed(f);
  if (need === 'none') return skip(id, t, 'Claude Code does not use Git Bash here (not enabled, or gitBashPath: off)');
  const g = f.gitBash!;
  const configured = g.candidates.find((c) => c.source === 'configured');
  if (g.path) return pass(id, t, `${g.path} (${g.candidates.find((c) => c.path === g.path)?.source ?? 'found'})`);
  const other = g.candidates.find((c) => c.exists && !c.rejected && c.source !== 'configured');
  if (configured && other) {
    return fail(
      id,
      t,
      `tools.claude.gitBashPath is ${configured.path}, which ${configured.rejected ?? 'does not exist'}; Git Bash is at ${other.path}`,
      `set tools.claude.gitBashPath: auto (or "${other.path}") in llmctl.yaml, then: llmctl sync --only claude`,
    );
  }
  if (configured)
    return fail(
      id,
      t,
      `tools.claude.gitBashPath is ${configured.path}, which ${configured.rejected ?? 'does not exist'}`,
      `${INSTALL_GIT}; then set tools.claude.gitBashPath: auto`,
    );
  const looked = g.candidates.length;
  const why =
    need === 'required'
      ? `Claude Code${f.claudeVersion ? ` ${f.claudeVersion}` : ''} needs Git Bash`
      : need === 'optional'
        ? `Claude Code ${f.claudeVersion} falls back to PowerShell`
        : `Claude Code before ${CLAUDE_GIT_BASH_OPTIONAL} needs it`;
  return severity(need)(id, t, `not found (where.exe git, registry, ${looked} usual folders); ${why}`, INSTALL_GIT);
};

export const wslShadowing: CheckFn = (f) => {
  const id = 'windows.wsl-bash';
  const t = "WSL's bash.exe does not shadow Git's";
  if (!f.gitBash!.wslShadowing) return pass(id, t, 'first bash.exe on PATH is not WSL’s');
  const target = f.gitBash!.path;
  return warn(
    id,
    t,
    'C:\\Windows\\System32\\bash.exe (WSL) comes first on PATH: tools that run `bash` get WSL, not Git Bash',
    target
      ? `keep CLAUDE_CODE_GIT_BASH_PATH set to ${target} (llmctl doctor --fix), or move Git's folder before System32 in PATH`
      : `${INSTALL_GIT}; then llmctl doctor --fix`,
  );
};

/** The settings.json env value and the user environment value of CLAUDE_CODE_GIT_BASH_PATH, judged. */
export const gitBashPathSet: CheckFn = (f) => {
  const id = 'windows.git-bash-path';
  const t = 'CLAUDE_CODE_GIT_BASH_PATH points to Git bash.exe';
  const need = gitBashNeed(f);
  if (need === 'none') return skip(id, t, 'Claude Code does not use Git Bash here');
  const g = f.gitBash!;
  const inSettings = claudeEnv(f).CLAUDE_CODE_GIT_BASH_PATH;
  // This process's environment first; else what setx saved (seen by programs started from now on).
  const inUserEnv = f.platform.env.CLAUDE_CODE_GIT_BASH_PATH ?? f.savedUserEnvGitBash;
  const good = (p: string) => /bash\.exe$/i.test(p) && !isWslBash(p, f.platform.env) && f.platform.exists(p);
  const what = (p: string) =>
    isWslBash(p, f.platform.env)
      ? "is WSL's bash, not Git's"
      : !/bash\.exe$/i.test(p)
        ? 'is not a bash.exe'
        : 'does not exist';
  const target = g.path;
  const fixSettings = target
    ? `llmctl doctor --fix   (writes "${target}" into ${f.paths.claudeSettings} env); for programs that do not read settings.json: ${setxCommand('CLAUDE_CODE_GIT_BASH_PATH', target)}`
    : `${INSTALL_GIT}; then: llmctl doctor --fix`;
  if (inSettings !== undefined && !good(inSettings))
    return fail(id, t, `settings.json env has ${inSettings}, which ${what(inSettings)}`, fixSettings);
  if (inUserEnv !== undefined && !good(inUserEnv)) {
    return fail(
      id,
      t,
      `the user environment has ${inUserEnv}, which ${what(inUserEnv)}`,
      target ? `${setxCommand('CLAUDE_CODE_GIT_BASH_PATH', target)}   (then open a new terminal)` : INSTALL_GIT,
    );
  }
  if (inSettings !== undefined)
    return pass(id, t, `settings.json env: ${inSettings}${inUserEnv ? '; user environment agrees' : ''}`);
  if (inUserEnv !== undefined) return pass(id, t, `user environment: ${inUserEnv} (settings.json does not set it)`);
  if (!target) return skip(id, t, 'no Git Bash to point at (see windows.git-bash)');
  return severity(need === 'unknown' ? 'required' : need)(
    id,
    t,
    `not set in settings.json env nor the user environment; Git Bash is at ${target}`,
    fixSettings,
  );
};

export const pathext: CheckFn = (f) => {
  const id = 'windows.pathext';
  const t = 'PATHEXT includes .EXE';
  const has = pathextHasExe(f.platform.env);
  if (has === undefined)
    return warn(
      id,
      t,
      'PATHEXT is not set: programs are not found by name',
      'setx PATHEXT ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC"',
    );
  if (!has)
    return warn(
      id,
      t,
      `PATHEXT is ${f.platform.env.PATHEXT}: \`claude\`, \`git\`, \`python\` are not found by name`,
      `setx PATHEXT "${f.platform.env.PATHEXT};.EXE"`,
    );
  return pass(id, t, 'yes');
};

export const WINDOWS_CHECKS: CheckFn[] = [claudeNative, gitBashFound, wslShadowing, gitBashPathSet, pathext];

/** On other systems the Windows checks collapse into one SKIP line. */
export function windowsChecks(f: Facts): Check[] {
  if (f.platform.os !== 'win32')
    return [skip('windows', 'Windows checks (Git Bash, PATHEXT)', `not Windows (${f.platform.os})`)];
  return WINDOWS_CHECKS.flatMap((c) => c(f));
}
