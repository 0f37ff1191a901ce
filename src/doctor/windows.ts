import { t } from '../i18n/index.js';
import { detectWindowsShell, setxFor } from '../platform/shell.js';
import { pathextHasExe } from '../platform/windows.js';
import { describeBashProblem, gitBashPathProblem } from '../platform/windows-traps.js';
import { claudeEnv, type CheckFn } from './checks.js';
import type { Facts } from './facts.js';
import { gatherWindowsFacts, type WindowsFacts } from './windows-facts.js';
import { WINDOWS_TRAP_CHECKS } from './windows-traps.js';
import { type Check, fail, pass, skip, warn } from './types.js';
import { compareVersions } from '../proxy/versions.js';

/** Claude Code on Windows: native from 1.0.51 (needing Git Bash); Git Bash optional from 2.1.120. */
export const CLAUDE_NATIVE_WINDOWS = '1.0.51';
export const CLAUDE_GIT_BASH_OPTIONAL = '2.1.120';
/** The Git for Windows install command (a function: the locale is set after this module loads). */
export const installGit = (): string => t('platform.gitBash.install');

type Need = 'none' | 'required' | 'optional' | 'unknown';

/** How much Claude Code needs Git Bash, from its version. */
export function gitBashNeed(f: Facts): Need {
  if (f.config && !f.config.tools.claude.enabled) return 'none';
  if (f.config?.tools.claude.gitBashPath === 'off') return 'none';
  if (!f.claudeVersion) return f.claudeInstalled ? 'required' : 'unknown';
  return compareVersions(f.claudeVersion, CLAUDE_GIT_BASH_OPTIONAL) < 0 ? 'required' : 'optional';
}

const severity = (need: Need) => (need === 'required' ? fail : warn);

/** The shell the printed commands are for (PowerShell, cmd, Git Bash). */
export const shellOf = (f: Facts) => detectWindowsShell(f.platform.env);

export const claudeNative: CheckFn = (f) => {
  const id = 'windows.claude-native';
  const title = t('platform.native.title');
  if (f.config && !f.config.tools.claude.enabled) return skip(id, title, t('platform.native.disabled'));
  if (!f.claudeVersion)
    return skip(id, title, f.claudeInstalled ? t('platform.native.versionUnknown') : t('platform.native.notInstalled'));
  if (compareVersions(f.claudeVersion, CLAUDE_NATIVE_WINDOWS) < 0) {
    return fail(
      id,
      title,
      t('platform.native.tooOld', { version: f.claudeVersion, min: CLAUDE_NATIVE_WINDOWS }),
      // i18n-ignore: a command
      'npm install -g @anthropic-ai/claude-code@latest',
    );
  }
  return pass(id, title, t('platform.native.ok', { version: f.claudeVersion }));
};

function notFoundWhy(f: Facts, need: Need): string {
  if (need === 'required') return t('platform.gitBash.needsRequired', { version: f.claudeVersion ?? '' });
  if (need === 'optional') return t('platform.gitBash.needsOptional', { version: f.claudeVersion ?? '' });
  return t('platform.gitBash.needsUnknown', { min: CLAUDE_GIT_BASH_OPTIONAL });
}

export const gitBashFound: CheckFn = (f) => {
  const id = 'windows.git-bash';
  const title = t('platform.gitBash.title');
  const need = gitBashNeed(f);
  if (need === 'none') return skip(id, title, t('platform.gitBash.notUsed'));
  const g = f.gitBash!;
  const configured = g.candidates.find((c) => c.source === 'configured');
  if (g.path) {
    const source = g.candidates.find((c) => c.path === g.path)?.source ?? t('platform.gitBash.foundSource');
    return pass(id, title, t('platform.gitBash.found', { path: g.path, source }));
  }
  const other = g.candidates.find((c) => c.exists && !c.rejected && c.source !== 'configured');
  const why = configured ? (configured.rejected ?? t('platform.bash.missing')) : '';
  if (configured && other) {
    return fail(
      id,
      title,
      t('platform.gitBash.configuredElsewhere', { configured: configured.path, why, other: other.path }),
      t('platform.gitBash.configuredElsewhereFix', { path: other.path }),
    );
  }
  if (configured)
    return fail(
      id,
      title,
      t('platform.gitBash.configuredBad', { configured: configured.path, why }),
      t('platform.gitBash.configuredBadFix', { install: installGit() }),
    );
  const found = t('platform.gitBash.notFound', { looked: g.candidates.length, why: notFoundWhy(f, need) });
  return severity(need)(id, title, found, installGit());
};

export const wslShadowing: CheckFn = (f) => {
  const id = 'windows.wsl-bash';
  const title = t('platform.wsl.title');
  if (!f.gitBash!.wslShadowing) return pass(id, title, t('platform.wsl.ok'));
  const target = f.gitBash!.path;
  return warn(
    id,
    title,
    t('platform.wsl.shadowing'),
    target ? t('platform.wsl.fix', { path: target }) : t('platform.wsl.fixInstall', { install: installGit() }),
  );
};

/** The settings.json env value and the user environment value of CLAUDE_CODE_GIT_BASH_PATH, judged. */
export const gitBashPathSet: CheckFn = (f) => {
  const id = 'windows.git-bash-path';
  const title = t('platform.bashPath.title');
  const need = gitBashNeed(f);
  if (need === 'none') return skip(id, title, t('platform.bashPath.notUsed'));
  const g = f.gitBash!;
  const inSettings = claudeEnv(f).CLAUDE_CODE_GIT_BASH_PATH;
  // This process's environment first; else what setx saved (seen by programs started from now on).
  const inUserEnv = f.platform.env.CLAUDE_CODE_GIT_BASH_PATH ?? f.savedUserEnvGitBash;
  const problem = (v: string) => gitBashPathProblem(v, f.platform);
  const target = g.path;
  const setx = target ? setxFor('CLAUDE_CODE_GIT_BASH_PATH', target, shellOf(f)) : '';
  const fixSettings = target
    ? t('platform.bashPath.fixSettings', { path: target, settings: f.paths.claudeSettings, setx })
    : t('platform.wsl.fixInstall', { install: installGit() });
  const bad = inSettings !== undefined ? problem(inSettings) : undefined;
  if (bad)
    return fail(
      id,
      title,
      t('platform.bashPath.inSettings', { value: inSettings!, why: describeBashProblem(bad) }),
      fixSettings,
    );
  const badUser = inUserEnv !== undefined ? problem(inUserEnv) : undefined;
  if (badUser) {
    return fail(
      id,
      title,
      t('platform.bashPath.inUserEnv', { value: inUserEnv!, why: describeBashProblem(badUser) }),
      target ? t('platform.bashPath.setxThenTerminal', { setx }) : installGit(),
    );
  }
  if (inSettings !== undefined)
    return pass(id, title, t('platform.bashPath.okSettings', { value: inSettings, agrees: !!inUserEnv }));
  if (inUserEnv !== undefined) return pass(id, title, t('platform.bashPath.okUserEnv', { value: inUserEnv }));
  if (!target) return skip(id, title, t('platform.bashPath.noTarget'));
  return severity(need === 'unknown' ? 'required' : need)(
    id,
    title,
    t('platform.bashPath.unset', { path: target }),
    fixSettings,
  );
};

export const pathext: CheckFn = (f) => {
  const id = 'windows.pathext';
  const title = t('platform.pathext.title');
  const has = pathextHasExe(f.platform.env);
  const shell = shellOf(f);
  if (has === undefined)
    return warn(
      id,
      title,
      t('platform.pathext.unset'),
      setxFor('PATHEXT', '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC', shell),
    );
  if (!has)
    return warn(
      id,
      title,
      t('platform.pathext.noExe', { value: f.platform.env.PATHEXT ?? '' }),
      setxFor('PATHEXT', `${f.platform.env.PATHEXT};.EXE`, shell),
    );
  return pass(id, title, t('platform.pathext.ok'));
};

export const WINDOWS_CHECKS: CheckFn[] = [claudeNative, gitBashFound, wslShadowing, gitBashPathSet, pathext];

/** On other systems the Windows checks collapse into one SKIP line. */
export async function windowsChecks(f: Facts): Promise<Check[]> {
  if (f.platform.os !== 'win32')
    return [skip('windows', t('platform.windows.title'), t('platform.windows.notWindows', { os: f.platform.os }))];
  const w = await gatherWindowsFacts(f.platform, f.paths);
  return [...WINDOWS_CHECKS.flatMap((c) => c(f)), ...WINDOWS_TRAP_CHECKS.flatMap((c) => c(f, w))];
}

export type { WindowsFacts };
