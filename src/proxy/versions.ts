import { tEn } from '../i18n/index.js';

/**
 * The LiteLLM version `llmctl proxy install` installs by default: the newest release whose
 * `litellm[proxy]` extra resolves on the PyPI mirror this was tested from and whose proxy passed the
 * end-to-end tests. Newer releases pin sibling packages (litellm-proxy, litellm-enterprise,
 * litellm-proxy-extras) that mirrors publish later, so "latest" often fails to install.
 */
export const DEFAULT_LITELLM_VERSION = '1.108.7';

/** The first clean release after the compromised ones. */
export const MIN_LITELLM_VERSION = '1.83.0';

/** Malicious uploads to PyPI (a credential stealer): never installed, never run. */
export const COMPROMISED_LITELLM_VERSIONS: readonly string[] = ['1.82.7', '1.82.8'];

export function isCompromised(version: string): boolean {
  return COMPROMISED_LITELLM_VERSIONS.includes(version.trim());
}

/**
 * Compares dotted numeric versions (1.83.0 < 1.108.7, v20.9 <
 * v20.19); a suffix such as .post1 counts after the numbers.
 */
export function compareVersions(a: string, b: string): number {
  // Node prints v20.19.0: a leading v is not part of the number.
  const pa = a.replace(/^v/, '').split(/[.+-]/);
  const pb = b.replace(/^v/, '').split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Pulls "1.108.7" out of whatever `litellm --version` prints (its wording changed between releases). */
export function parseLitellmVersion(output: string): string | undefined {
  return /(\d+\.\d+\.\d+(?:\.post\d+)?)/.exec(output)?.[1];
}

/**
 * @deprecated The English text, for callers not yet on the catalog: say `t('proxy.rotateKeysHint')`
 * (the user's language). Goes once src/doctor/checks.ts uses the catalog id.
 */
export const ROTATE_KEYS_HINT: string = tEn('proxy.rotateKeysHint');

/**
 * Installed next to litellm[proxy]: without it, LiteLLM (1.90 to at least 1.108) answers a request
 * that carries no key with 500 instead of 401, because its auth error path imports prisma
 * (BerriAI/litellm PR #39244). The package is only imported, no database is set up.
 */
export const EXTRA_PACKAGES: readonly string[] = ['prisma==0.15.0'];

export const versionAtLeast = (v: string, min: string): boolean => compareVersions(v, min) >= 0;
