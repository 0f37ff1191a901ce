import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic.js';
import { createBackup } from '../fs/backup.js';
import { withLock } from '../fs/lock.js';
import { t, tEn } from '../i18n/index.js';
import { detectWindowsShell, regAddFor, setxFor } from '../platform/shell.js';
import { expandWindowsEnv } from '../platform/windows.js';
import {
  bypassesProxy,
  missingGitParts,
  profilePathProblem,
  proxyUrlProblem,
  regValue,
  syncedPlace,
} from '../platform/windows-traps.js';
import { claudeEnv } from './checks.js';
import type { Facts } from './facts.js';
import { INTERNET_KEY, WATCHED_VARS, gatherWindowsFacts, type WindowsFacts } from './windows-facts.js';
import { type Check, type AppliedFix, fail, pass, skip, warn } from './types.js';

/**
 * Doctor checks for the Windows traps in docs/windows-traps.md that the Git Bash checks
 * (windows.ts) do not cover. Each is a pure function of the facts and the Windows facts.
 */
export type TrapCheck = (f: Facts, w: WindowsFacts) => Check;

const shell = (f: Facts) => detectWindowsShell(f.platform.env);

/** A proxy URL's user:password is a credential: a placeholder stands in what doctor prints. */
export const withoutPassword = (v: string): string =>
  v.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?[^@/\s]+@/i,
    (_m, scheme: string | undefined) => `${scheme ?? ''}USER:PASSWORD@`,
  );

/** Git Bash found, but without the MSYS bash and cygpath that Claude Code's Bash tool runs. */
export const gitInstall: TrapCheck = (f) => {
  const id = 'windows.git-install';
  const title = t('platform.gitInstall.title');
  const bash = f.gitBash?.path;
  if (!bash) return skip(id, title, t('platform.gitInstall.skip'));
  const missing = missingGitParts(bash, f.platform.exists);
  if (missing.length)
    return warn(
      id,
      title,
      t('platform.gitInstall.missing', { files: missing.join(', ') }),
      t('platform.gitInstall.fix'),
    );
  return pass(id, title, t('platform.gitInstall.ok', { root: bash.replace(/\\bin\\bash\.exe$/i, '') }));
};

/** Saved (HKCU, what setx wrote) and running (this process) values of the variables llmctl reads. */
function envDrift(f: Facts, w: WindowsFacts): { stale: string[]; sessionOnly: string[]; compared: number } {
  const user = w.userEnv ?? {};
  const machine = w.machineEnv ?? {};
  const stale: string[] = [];
  const sessionOnly: string[] = [];
  let compared = 0;
  for (const name of WATCHED_VARS) {
    const running = f.platform.env[name];
    const savedRaw = regValue(user, name) ?? regValue(machine, name);
    const saved = savedRaw === undefined ? undefined : expandWindowsEnv(savedRaw, f.platform.env);
    if (running === undefined && saved === undefined) continue;
    compared++;
    if (saved !== undefined && running !== saved) stale.push(name);
    else if (saved === undefined && running !== undefined) sessionOnly.push(name);
  }
  return { stale, sessionOnly, compared };
}

/** setx changes only programs started afterwards: a running editor keeps the old value. */
export const envFresh: TrapCheck = (f, w) => {
  const id = 'windows.env-fresh';
  const title = t('platform.envFresh.title');
  if (!w.userEnv) return skip(id, title, t('platform.envFresh.skip'));
  const { stale, sessionOnly, compared } = envDrift(f, w);
  if (stale.length)
    return warn(id, title, t('platform.envFresh.stale', { names: stale.join(', ') }), t('platform.envFresh.staleFix'));
  if (sessionOnly.length) {
    // Names only: a value may be a token or a proxy password.
    const fixes = sessionOnly.map((n) => setxFor(n, withoutPassword(f.platform.env[n] ?? ''), shell(f)));
    return warn(id, title, t('platform.envFresh.sessionOnly', { names: sessionOnly.join(', ') }), fixes.join('; '));
  }
  return pass(id, title, t('platform.envFresh.ok', { n: compared }));
};

/** WinINet's proxy (Clash "System Proxy", a company proxy or PAC): VS Code and Continue follow it. */
export const systemProxyWin: TrapCheck = (f, w) => {
  const id = 'windows.system-proxy';
  const title = t('platform.sysProxy.title');
  const i = w.internet;
  if (!i) return skip(id, title, t('platform.sysProxy.unknown'));
  if (i.enabled && i.server) {
    if (bypassesProxy(i.override, '127.0.0.1') && bypassesProxy(i.override, 'localhost'))
      return pass(id, title, t('platform.sysProxy.bypassed', { server: i.server }));
    const override = [i.override, '127.0.0.1', 'localhost'].filter(Boolean).join(';');
    const command = regAddFor(INTERNET_KEY, 'ProxyOverride', override, shell(f));
    return warn(
      id,
      title,
      t('platform.sysProxy.notBypassed', { server: i.server, override: i.override ?? '' }),
      t('platform.sysProxy.fix', { command }),
    );
  }
  if (i.pac) return warn(id, title, t('platform.sysProxy.pac', { pac: i.pac }), t('platform.sysProxy.pacFix'));
  return pass(id, title, t('platform.sysProxy.off'));
};

const PROXY_NAMES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'];

/** HTTPS_PROXY=127.0.0.1:7890 (no scheme), as many Clash guides write it: Claude Code hangs on it. */
export const proxyUrl: TrapCheck = (f, w) => {
  const id = 'windows.proxy-url';
  const title = t('platform.proxyUrl.title');
  const settings = claudeEnv(f);
  const places: [string, (n: string) => string | undefined][] = [
    [t('platform.where.process'), (n) => f.platform.env[n] ?? f.platform.env[n.toLowerCase()]],
    [t('platform.where.user'), (n) => regValue(w.userEnv ?? {}, n)],
    [t('platform.where.settings'), (n) => settings[n] ?? settings[n.toLowerCase()]],
  ];
  const seen: string[] = [];
  for (const name of PROXY_NAMES) {
    for (const [where, get] of places) {
      const value = get(name);
      if (value === undefined || value.trim() === '') continue;
      if (!seen.includes(name)) seen.push(name);
      if (proxyUrlProblem(value)) {
        // A proxy password is a credential: never printed, a placeholder stands in the fix.
        const shown = withoutPassword(value.trim());
        const fixed = `http://${shown}`;
        return fail(
          id,
          title,
          t('platform.proxyUrl.bad', { name, value: shown, where }),
          setxFor(name, fixed, shell(f)),
        );
      }
    }
  }
  if (!seen.length) return pass(id, title, t('platform.proxyUrl.none'));
  return pass(id, title, t('platform.proxyUrl.ok', { names: seen.join(', ') }));
};

/** settings.json or Continue's .env saved "UTF-8 with BOM" by a Windows editor. */
export const bom: TrapCheck = (_f, w) => {
  const id = 'windows.bom';
  const title = t('platform.bom.title');
  if (!w.boms.length) return pass(id, title, t('platform.bom.ok'));
  return fail(
    id,
    title,
    t('platform.bom.found', { files: w.boms.map((b) => b.file).join(', ') }),
    t('platform.bom.fix'),
  );
};

/** A profile path with non-ASCII characters or an apostrophe. */
export const profilePath: TrapCheck = (f) => {
  const id = 'windows.profile-path';
  const title = t('platform.profile.title');
  const profile = f.platform.env.USERPROFILE ?? f.platform.homedir;
  const problem = profilePathProblem(profile);
  if (!problem) return pass(id, title, t('platform.profile.ok', { path: profile, spaces: profile.includes(' ') }));
  const found =
    problem === 'non-ascii'
      ? t('platform.profile.nonAscii', { path: profile })
      : t('platform.profile.quote', { path: profile });
  // i18n-ignore: a path
  return warn(id, title, found, t('platform.profile.fix', { setx: setxFor('LLMCTL_HOME', 'C:\\llmctl', shell(f)) }));
};

/** llmctl's folder (secrets, venv) or the tools' folders inside OneDrive or on a network share. */
export const syncedFolders: TrapCheck = (f) => {
  const id = 'windows.synced-folders';
  const title = t('platform.synced.title');
  const places: string[] = [];
  for (const dir of [f.paths.home, f.paths.claudeDir, f.paths.continueDir]) {
    const where = syncedPlace(dir, f.platform.env);
    if (where)
      places.push(`${dir} (${t(where === 'onedrive' ? 'platform.synced.onedrive' : 'platform.synced.network')})`);
  }
  if (!places.length) return pass(id, title, t('platform.synced.ok'));
  const local = f.platform.path.join(
    f.platform.env.LOCALAPPDATA ?? f.platform.path.join(f.platform.homedir, 'AppData', 'Local'),
    'llmctl',
  );
  return warn(
    id,
    title,
    t('platform.synced.found', { places: places.join(', ') }),
    t('platform.synced.fix', { setx: setxFor('LLMCTL_HOME', local, shell(f)) }),
  );
};

export const WINDOWS_TRAP_CHECKS: TrapCheck[] = [
  gitInstall,
  envFresh,
  systemProxyWin,
  proxyUrl,
  bom,
  profilePath,
  syncedFolders,
];

/**
 * The trap fixes doctor --fix can make safely: a BOM is 3 bytes llmctl removes (backed up, like a
 * sync). Everything else changes the machine (registry, installs) and stays a printed command.
 */
export async function applyWindowsFixes(
  f: Facts,
  checks: Check[],
  announce: (text: string) => void,
): Promise<AppliedFix[]> {
  if (f.platform.os !== 'win32') return [];
  if (!checks.some((c) => c.id === 'windows.bom' && c.status === 'FAIL')) return [];
  const w = await gatherWindowsFacts(f.platform, f.paths);
  const out: AppliedFix[] = [];
  for (const b of w.boms) {
    // --json records the English action; the screen shows the user's language.
    const action = tEn('platform.bom.fixAction', { path: b.file });
    const shown = t('platform.bom.fixAction', { path: b.file });
    announce(shown);
    try {
      const backup = await withLock(f.paths.lock, async () => {
        const bytes = await fs.readFile(b.file);
        const saved = await createBackup(f.paths.backups, [b.file], 'doctor --fix');
        await writeFileAtomic(b.file, bytes.subarray(3));
        return saved.id;
      });
      out.push({ id: 'windows.bom', action, shown, ok: true, ...(backup ? { backup } : {}) });
    } catch (e) {
      out.push({ id: 'windows.bom', action, shown, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
