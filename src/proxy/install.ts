import { promises as fs } from 'node:fs';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { installerEnv } from '../platform/env.js';
import type { Paths } from '../platform/paths.js';
import { findOnPath, litellmVersion, metadataVersion, venvLitellm, venvPython } from './resolve.js';
import {
  DEFAULT_LITELLM_VERSION,
  EXTRA_PACKAGES,
  MIN_LITELLM_VERSION,
  compareVersions,
  isCompromised,
} from './versions.js';
import { ensureDir } from '../fs/dir.js';

/** litellm[proxy] needs Python 3.9 or newer (its wheels and FastAPI stack). */
export const MIN_PYTHON = '3.9.0';

export interface PythonCommand {
  command: string;
  args: string[];
  version: string;
}

export interface InstallStep {
  /** What the spinner says. */
  label: string;
  command: string;
  args: string[];
}

export interface InstallPlan {
  version: string;
  python: PythonCommand;
  /** 'uv' when uv is on PATH, else venv + pip. */
  tool: 'uv' | 'pip';
  steps: InstallStep[];
  venv: string;
  litellm: string;
}

export function checkRequestedVersion(v: string | undefined): string {
  const version = (v ?? DEFAULT_LITELLM_VERSION).trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+(\.post\d+)?$/.test(version)) {
    throw new LlmctlError(t('proxy.install.badVersion', { version }), {
      exitCode: 2,
      hint: t('proxy.install.badVersionHint', { default: DEFAULT_LITELLM_VERSION }),
    });
  }
  if (isCompromised(version)) {
    throw new LlmctlError(t('proxy.install.compromised', { version }), {
      exitCode: 2,
      hint: t('proxy.install.compromisedHint', { default: DEFAULT_LITELLM_VERSION }),
    });
  }
  if (compareVersions(version, MIN_LITELLM_VERSION) < 0) {
    throw new LlmctlError(t('proxy.install.tooOld', { version, min: MIN_LITELLM_VERSION }), {
      exitCode: 2,
      hint: t('proxy.install.tooOldHint', { min: MIN_LITELLM_VERSION, default: DEFAULT_LITELLM_VERSION }),
    });
  }
  return version;
}

// i18n-ignore: Python source
const VERSION_SNIPPET = "import sys; print('%d.%d.%d' % sys.version_info[:3])";

/** The version (x.y.z) of a Python command, or undefined when it does not run as Python. */
export async function pythonVersion(
  platform: Platform,
  c: { command: string; args: string[] },
): Promise<string | undefined> {
  const r = await platform.run(c.command, [...c.args, '-c', VERSION_SNIPPET], { timeoutMs: 30_000 });
  return r.code === 0 ? /^(\d+\.\d+\.\d+)/.exec(r.stdout.trim())?.[1] : undefined;
}

/** The Python to build the venv with: --python, else python3/python (`py -3`/python on Windows). */
export async function findPython(platform: Platform, explicit?: string): Promise<PythonCommand> {
  const candidates: { command: string; args: string[] }[] = explicit
    ? [{ command: explicit, args: [] }]
    : platform.os === 'win32'
      ? [
          { command: 'py', args: ['-3'] },
          { command: 'python', args: [] },
        ]
      : [
          { command: 'python3', args: [] },
          { command: 'python', args: [] },
        ];
  const tooOld: string[] = [];
  for (const c of candidates) {
    const version = await pythonVersion(platform, c);
    if (!version) continue;
    if (compareVersions(version, MIN_PYTHON) < 0) {
      tooOld.push(t('proxy.install.pythonIs', { command: [c.command, ...c.args].join(' '), version }));
      continue;
    }
    return { ...c, version };
  }
  const names = candidates.map((c) => [c.command, ...c.args].join(' ')).join(', ');
  if (tooOld.length) {
    const found = tooOld.join(t('proxy.join.reasons'));
    throw new LlmctlError(t('proxy.install.pythonTooOld', { min: MIN_PYTHON.replace(/\.0$/, ''), found }), {
      hint: t('proxy.install.pythonTooOldHint'),
    });
  }
  throw new LlmctlError(
    explicit ? t('proxy.install.notPython', { command: explicit }) : t('proxy.install.noPython', { tried: names }),
    { hint: t(platform.os === 'win32' ? 'proxy.install.noPythonHintWindows' : 'proxy.install.noPythonHint') },
  );
}

export function planInstall(
  platform: Platform,
  paths: Paths,
  python: PythonCommand,
  version: string,
  options: { uv?: string; venvExists: boolean },
): InstallPlan {
  const venv = paths.venv;
  const py = venvPython(platform, venv);
  const spec = `litellm[proxy]==${version}`;
  const steps: InstallStep[] = [];
  if (options.uv) {
    if (!options.venvExists)
      steps.push({
        label: t('proxy.install.stepVenvUv', { venv }),
        command: options.uv,
        args: ['venv', '--python', python.command === 'py' ? python.version : python.command, venv],
      });
    // uv skips compiling bytecode (pip does it): the first `litellm` run would then compile ~1000
    // modules, long enough on a busy machine to fail the verification and slow the first serve.
    steps.push({
      label: t('proxy.install.stepUv', { spec }),
      command: options.uv,
      args: ['pip', 'install', '--compile-bytecode', '--python', py, spec, ...EXTRA_PACKAGES],
    });
  } else {
    if (!options.venvExists)
      steps.push({
        label: t('proxy.install.stepVenv', { venv }),
        command: python.command,
        args: [...python.args, '-m', 'venv', venv],
      });
    steps.push({
      label: t('proxy.install.stepPip', { spec }),
      command: py,
      args: ['-m', 'pip', 'install', '--disable-pip-version-check', spec, ...EXTRA_PACKAGES],
    });
  }
  return { version, python, tool: options.uv ? 'uv' : 'pip', steps, venv, litellm: venvLitellm(platform, venv) };
}

const NETWORK_PATTERNS = [
  /NewConnectionError/i,
  /Failed to establish a new connection/i,
  /Temporary failure in name resolution/i,
  /Name or service not known/i,
  /getaddrinfo failed/i,
  /Connection refused/i,
  /Network is unreachable/i,
  /ConnectTimeout|Read timed out|ReadTimeoutError/i,
  /SSLError|CERTIFICATE_VERIFY_FAILED/i,
  /ProxyError/i,
  /error sending request|dns error|tcp connect error|Failed to fetch/i,
];

/** pip's or uv's output says the package index could not be reached. */
export function looksLikeNetworkFailure(output: string): boolean {
  return NETWORK_PATTERNS.some((re) => re.test(output));
}

/** Turns a failed pip/uv run into an error the user can act on. */
export function explainInstallFailure(output: string, version: string, step: InstallStep): LlmctlError {
  const tail = output.trim().split(/\r?\n/).slice(-12).join('\n');
  const mirror = t('proxy.install.mirrorHint');
  // An index that lists no litellm at all is unreachable (pip with retries off says nothing more) or not a PyPI mirror.
  const noLitellmAtAll = /requirement litellm(\[proxy\])?==\S+ \(from versions: none\)/.test(output);
  if (NETWORK_PATTERNS.some((re) => re.test(output)) || noLitellmAtAll) {
    return new LlmctlError(t('proxy.install.unreachable', { version }), {
      hint: mirror,
      problems: [{ message: tail }],
    });
  }
  if (
    /No matching distribution found|Could not find a version that satisfies/i.test(output) ||
    /No solution found|not found in the package registry/i.test(output)
  ) {
    return new LlmctlError(t('proxy.install.unavailable', { version }), {
      hint: t('proxy.install.unavailableHint', { default: DEFAULT_LITELLM_VERSION, mirror }),
      problems: [{ message: tail }],
    });
  }
  if (/No module named venv|ensurepip is not available/i.test(output)) {
    return new LlmctlError(t('proxy.install.noVenv'), {
      hint: t('proxy.install.noVenvHint'),
      problems: [{ message: tail }],
    });
  }
  return new LlmctlError(t('proxy.install.stepFailed', { step: step.label }), {
    problems: [{ message: tail }],
    hint: t('proxy.install.stepFailedHint'),
  });
}

export interface InstallProgress {
  step(label: string): void;
}

export interface InstallResult {
  version: string;
  litellm: string;
  venv: string;
  tool: 'uv' | 'pip';
  /** False when the requested version was already there. */
  changed: boolean;
  seconds: number;
}

/** Creates the managed venv and installs litellm[proxy] into it; a no-op when that version is there. */
export async function installLitellm(
  platform: Platform,
  paths: Paths,
  options: { version?: string; python?: string },
  progress: InstallProgress,
): Promise<InstallResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const version = checkRequestedVersion(options.version);
  const litellm = venvLitellm(platform, paths.venv);
  if (await alreadyInstalled(platform, litellm, version, progress))
    return { version, litellm, venv: paths.venv, tool: 'pip', changed: false, seconds: seconds() };
  progress.step(t('proxy.install.lookingForPython'));
  const python = await findPython(platform, options.python);
  const uv = findOnPath(platform, 'uv');
  const venvExists = platform.exists(venvPython(platform, paths.venv));
  const plan = planInstall(platform, paths, python, version, { ...(uv ? { uv } : {}), venvExists });
  await ensureDir(platform.path.dirname(paths.venv));
  for (const step of plan.steps) await runStep(platform, paths, step, version, venvExists, progress);
  await verifyInstall(platform, paths, litellm, version, progress);
  return { version, litellm, venv: paths.venv, tool: plan.tool, changed: true, seconds: seconds() };
}

/** The venv's litellm is that version, and the extra packages are there too. */
async function alreadyInstalled(
  platform: Platform,
  litellm: string,
  version: string,
  progress: InstallProgress,
): Promise<boolean> {
  if (!platform.exists(litellm)) return false;
  progress.step(t('proxy.install.checking'));
  const have = metadataVersion(platform, litellm) ?? (await litellmVersion(platform, litellm));
  const extrasThere = EXTRA_PACKAGES.every((spec) => {
    const [name, v] = spec.split('==') as [string, string];
    return metadataVersion(platform, litellm, name) === v;
  });
  return have === version && extrasThere;
}

/** Runs one pip/uv command with the installer's allow-listed environment; its result, never a throw. */
export async function runInstaller(platform: Platform, step: InstallStep) {
  const { execa } = await import('execa');
  return execa(step.command, step.args, {
    reject: false,
    all: true,
    env: installerEnv(platform),
    extendEnv: false,
    stdin: 'ignore',
    windowsHide: true,
  });
}

/** Runs one pip/uv step; a failure removes a venv this run created and says what to do. */
async function runStep(
  platform: Platform,
  paths: Paths,
  step: InstallStep,
  version: string,
  venvExists: boolean,
  progress: InstallProgress,
): Promise<void> {
  progress.step(step.label);
  const r = await runInstaller(platform, step);
  if (r.exitCode === 0) return;
  // A venv half made by this run would be mistaken for a working one next time.
  if (!venvExists) await fs.rm(paths.venv, { recursive: true, force: true });
  if (r.exitCode === undefined) {
    throw new LlmctlError(t('proxy.install.couldNotRun', { command: step.command }), {
      hint: t('proxy.install.couldNotRunHint'),
      problems: [{ message: r.shortMessage ?? String(r.all ?? '') }],
    });
  }
  throw explainInstallFailure(String(r.all ?? ''), version, step);
}

/** `litellm --version` answers, with the version asked for. */
async function verifyInstall(
  platform: Platform,
  paths: Paths,
  litellm: string,
  version: string,
  progress: InstallProgress,
): Promise<void> {
  progress.step(t('proxy.install.verifying'));
  const got = platform.exists(litellm) ? await litellmVersion(platform, litellm) : undefined;
  if (!got)
    throw new LlmctlError(t('proxy.install.doesNotRun', { litellm }), {
      hint: t('proxy.install.reinstallHint', { venv: paths.venv }),
    });
  if (got !== version)
    throw new LlmctlError(t('proxy.install.wrongVersion', { version, litellm, got }), {
      hint: t('proxy.install.reinstallHint', { venv: paths.venv }),
    });
}
