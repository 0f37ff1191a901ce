import { readFileSync, readdirSync } from 'node:fs';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { t } from '../i18n/index.js';
import { isCompromised, parseLitellmVersion } from './versions.js';

export type LitellmSource = 'LLMCTL_LITELLM' | 'venv' | 'PATH';

export interface ResolvedLitellm {
  path?: string;
  source?: LitellmSource;
  version?: string;
  /** The version found is one of the malicious releases: it must not run. */
  compromised: boolean;
  /** Every place looked at, in order (for error messages and doctor). */
  tried: string[];
}

/** Where a virtual environment keeps its programs. */
export function venvBin(platform: Platform, venv: string): string {
  return platform.os === 'win32' ? platform.path.join(venv, 'Scripts') : platform.path.join(venv, 'bin');
}

export function venvPython(platform: Platform, venv: string): string {
  return platform.path.join(venvBin(platform, venv), platform.os === 'win32' ? 'python.exe' : 'python');
}

export function venvLitellm(platform: Platform, venv: string): string {
  return platform.path.join(venvBin(platform, venv), platform.os === 'win32' ? 'litellm.exe' : 'litellm');
}

/** A program on PATH, honouring PATHEXT on Windows. */
export function findOnPath(platform: Platform, name: string): string | undefined {
  const { env, path } = platform;
  const pathVar = env.PATH ?? env.Path ?? '';
  const sep = platform.os === 'win32' ? ';' : ':';
  const exts =
    platform.os === 'win32'
      ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM')
          .split(';')
          .filter(Boolean)
          .map((e) => e.toLowerCase())
      : [''];
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir.replace(/^"|"$/g, ''), name + ext);
      if (platform.exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** `litellm --version`, or undefined when it cannot be run. Importing litellm takes a few seconds. */
export async function litellmVersion(platform: Platform, exe: string): Promise<string | undefined> {
  // Without the local cost map, importing litellm tries the internet first (seconds behind a firewall).
  const r = await platform.run(exe, ['--version'], {
    timeoutMs: 60_000,
    env: { LITELLM_LOCAL_MODEL_COST_MAP: 'True' },
  });
  if (r.error) return undefined;
  return parseLitellmVersion(`${r.stdout}\n${r.stderr}`);
}

/**
 * The installed version from the package metadata next to the program, without starting Python
 * (importing litellm takes seconds, and `serve` should not pay that twice). Follows a script's
 * shebang to its interpreter's environment for a litellm on PATH.
 */
export function metadataVersion(platform: Platform, exe: string, pkg = 'litellm'): string | undefined {
  const { path } = platform;
  const prefixes = [path.dirname(path.dirname(exe))];
  try {
    const head = readFileSync(exe, { encoding: 'latin1' }).slice(0, 300);
    const shebang = /^#!\s*(\S+)/.exec(head)?.[1];
    if (shebang) prefixes.push(path.dirname(path.dirname(shebang)));
  } catch {
    // not readable: only the folder guess remains
  }
  for (const prefix of prefixes) {
    const sites: string[] = [path.join(prefix, 'Lib', 'site-packages')];
    try {
      for (const d of readdirSync(path.join(prefix, 'lib')))
        if (/^python\d/.test(d)) sites.push(path.join(prefix, 'lib', d, 'site-packages'));
    } catch {
      // no lib/ (Windows layout)
    }
    for (const site of sites) {
      try {
        const re = new RegExp(`^${pkg}-(\\d[^-]*)\\.dist-info$`);
        const info = readdirSync(site).find((d) => re.test(d));
        if (info) return re.exec(info)![1];
      } catch {
        // not there
      }
    }
  }
  return undefined;
}

/**
 * Which `litellm` llmctl runs, in order: LLMCTL_LITELLM (a path), the managed venv, `litellm` on PATH.
 * The first that exists wins; a compromised version is reported, not skipped, so the user hears of it.
 */
export async function resolveLitellm(
  platform: Platform,
  paths: Paths,
  options: { version?: boolean } = {},
): Promise<ResolvedLitellm> {
  const tried: string[] = [];
  const found = async (path: string, source: LitellmSource): Promise<ResolvedLitellm> => {
    const version =
      options.version === false
        ? undefined
        : (metadataVersion(platform, path) ?? (await litellmVersion(platform, path)));
    return {
      path,
      source,
      ...(version ? { version } : {}),
      compromised: version ? isCompromised(version) : false,
      tried,
    };
  };
  const fromEnv = platform.env.LLMCTL_LITELLM;
  if (fromEnv) {
    const p = platform.path.resolve(fromEnv);
    tried.push(`LLMCTL_LITELLM=${p}`);
    if (platform.exists(p)) return found(p, 'LLMCTL_LITELLM');
  }
  const v = venvLitellm(platform, paths.venv);
  tried.push(v);
  if (platform.exists(v)) return found(v, 'venv');
  tried.push(t('proxy.litellm.onPath'));
  const onPath = findOnPath(platform, 'litellm');
  if (onPath) return found(onPath, 'PATH');
  return { compromised: false, tried };
}
