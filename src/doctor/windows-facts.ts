import { promises as fs } from 'node:fs';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { hasBom, internetSettings, parseRegValues, type InternetSettings } from '../platform/windows-traps.js';

/** The variables whose saved value (setx) and running value doctor compares. */
export const WATCHED_VARS = [
  'CLAUDE_CODE_GIT_BASH_PATH',
  'ANTHROPIC_BASE_URL',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
] as const;

// i18n-ignore: registry key names (data)
export const USER_ENV_KEY = 'HKCU\\Environment';
// i18n-ignore: registry key names (data)
export const MACHINE_ENV_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment';
// i18n-ignore: registry key names (data)
export const INTERNET_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

/** Windows facts only the trap checks need, read once per doctor run. */
export interface WindowsFacts {
  /** HKCU\Environment (what setx wrote; what programs started from now on get), or undefined when unreadable. */
  userEnv?: Record<string, string>;
  /** HKLM's system environment, or undefined when unreadable. */
  machineEnv?: Record<string, string>;
  internet?: InternetSettings;
  /** Files llmctl or the tools read that start with a UTF-8 BOM. */
  boms: { file: string; kind: 'claude-settings' | 'continue-env' }[];
}

async function regKey(p: Platform, key: string): Promise<Record<string, string> | undefined> {
  const r = await p.run('reg', ['query', key], { timeoutMs: 5_000 });
  return r.code === 0 ? parseRegValues(r.stdout) : undefined;
}

async function startsWithBom(file: string): Promise<boolean> {
  try {
    const h = await fs.open(file, 'r');
    try {
      const b = Buffer.alloc(3);
      const { bytesRead } = await h.read(b, 0, 3, 0);
      return hasBom(b.subarray(0, bytesRead));
    } finally {
      await h.close();
    }
  } catch {
    return false;
  }
}

export async function gatherWindowsFacts(p: Platform, paths: Paths): Promise<WindowsFacts> {
  const [userEnv, machineEnv, internet] = await Promise.all([
    regKey(p, USER_ENV_KEY),
    regKey(p, MACHINE_ENV_KEY),
    regKey(p, INTERNET_KEY),
  ]);
  const boms: WindowsFacts['boms'] = [];
  if (await startsWithBom(paths.claudeSettings)) boms.push({ file: paths.claudeSettings, kind: 'claude-settings' });
  if (await startsWithBom(paths.continueEnv)) boms.push({ file: paths.continueEnv, kind: 'continue-env' });
  return {
    ...(userEnv ? { userEnv } : {}),
    ...(machineEnv ? { machineEnv } : {}),
    ...(internet ? { internet: internetSettings(internet) } : {}),
    boms,
  };
}
