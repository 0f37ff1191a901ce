import type { Platform } from '../platform/index.js';

/** The tools init offers when their program is on PATH (Claude Code and Continue are always offered). */
export const NEW_TOOLS = ['codex', 'opencode', 'qwen', 'gemini'] as const;
export type NewTool = (typeof NEW_TOOLS)[number];

/** The program each tool installs (npm bin names). */
const PROGRAM: Record<NewTool, string> = { codex: 'codex', opencode: 'opencode', qwen: 'qwen', gemini: 'gemini' };

/** Product names, the same in every language. */
// i18n-ignore: product names
export const TOOL_NAME: Record<NewTool, string> = {
  codex: 'Codex CLI', // i18n-ignore: a product name
  opencode: 'opencode', // i18n-ignore: a product name
  qwen: 'Qwen Code', // i18n-ignore: a product name
  gemini: 'Gemini CLI', // i18n-ignore: a product name
};

/** Whether `name` is a program on PATH (with PATHEXT's extensions on Windows); nothing is run. */
export function onPath(platform: Platform, name: string): boolean {
  const { env, path } = platform;
  const dirs = (env.PATH ?? env.Path ?? '').split(platform.os === 'win32' ? ';' : ':').filter(Boolean);
  const exts = platform.os === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';')] : [''];
  return dirs.some((d) =>
    exts.some(
      (x) => platform.exists(path.join(d, name + x.toLowerCase())) || (x && platform.exists(path.join(d, name + x))),
    ),
  );
}

/** The new tools whose program is on PATH. */
export function installedTools(platform: Platform): NewTool[] {
  return NEW_TOOLS.filter((tool) => onPath(platform, PROGRAM[tool]));
}
