import type { Platform } from './index.js';

/** Where llmctl keeps its own files. */
export function llmctlHome(p: Platform): string {
  const { env } = p;
  if (env.LLMCTL_HOME) return p.path.resolve(env.LLMCTL_HOME);
  if (p.os === 'win32') {
    const appData = env.APPDATA ?? p.path.join(p.homedir, 'AppData', 'Roaming');
    return p.path.join(appData, 'llmctl');
  }
  const xdg = env.XDG_CONFIG_HOME;
  return p.path.join(xdg && p.path.isAbsolute(xdg) ? xdg : p.path.join(p.homedir, '.config'), 'llmctl');
}

export interface Paths {
  home: string;
  config: string;
  secrets: string;
  state: string;
  backups: string;
  lock: string;
  litellmConfig: string;
  venv: string;
  logs: string;
  pidFile: string;
  /** Derived data only (validated llmctl.yaml, rendered output); safe to delete. */
  cache: string;
  continueDir: string;
  continueConfig: string;
  continueEnv: string;
  claudeDir: string;
  claudeSettings: string;
  /** Claude Code's own state file (onboarding flag); a different file from settings.json. */
  claudeJson: string;
}

export function resolvePaths(p: Platform, overrides: { config?: string } = {}): Paths {
  const home = llmctlHome(p);
  const j = p.path.join;
  const continueDir = p.env.CONTINUE_GLOBAL_DIR ? p.path.resolve(p.env.CONTINUE_GLOBAL_DIR) : j(p.homedir, '.continue');
  const claudeDir = p.env.CLAUDE_CONFIG_DIR ? p.path.resolve(p.env.CLAUDE_CONFIG_DIR) : j(p.homedir, '.claude');
  return {
    home,
    config: overrides.config ? p.path.resolve(overrides.config) : j(home, 'llmctl.yaml'),
    secrets: j(home, 'secrets.json'),
    state: j(home, 'state.json'),
    backups: j(home, 'backups'),
    lock: j(home, 'lock'),
    litellmConfig: j(home, 'litellm.config.yaml'),
    venv: j(home, 'venv'),
    logs: j(home, 'logs'),
    pidFile: j(home, 'proxy.pid'),
    cache: j(home, 'cache'),
    continueDir,
    continueConfig: j(continueDir, 'config.yaml'),
    continueEnv: j(continueDir, '.env'),
    claudeDir,
    claudeSettings: j(claudeDir, 'settings.json'),
    // With CLAUDE_CONFIG_DIR set, Claude Code keeps .claude.json inside that folder.
    claudeJson: p.env.CLAUDE_CONFIG_DIR ? j(claudeDir, '.claude.json') : j(p.homedir, '.claude.json'),
  };
}
