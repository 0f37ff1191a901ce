import { promises as fs } from 'node:fs';
import { LlmctlError } from '../errors.js';
import { ensureDir } from '../fs/dir.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import {
  looksLikeNetworkFailure,
  pythonVersion,
  runInstaller,
  type InstallStep,
  type PythonCommand,
} from '../proxy/install.js';
import { findOnPath, metadataVersion, venvBin, venvPython } from '../proxy/resolve.js';
import { compareVersions } from '../proxy/versions.js';
import { openwebuiFiles } from '../targets/openwebui.js';

/**
 * `llmctl webui install`: Open WebUI (PyPI `open-webui`) in a venv of its own, never LiteLLM's (their
 * pins clash, and Open WebUI brings PyTorch). uv when it is on PATH; else uv is first put into a tiny
 * venv of its own with pip (seconds), because pip alone resolves and installs Open WebUI's ~260
 * packages many times slower; `--pip` (or a failed uv bootstrap) uses pip all the way.
 */

/** The version installed when none is asked for: the one the end-to-end test runs. */
export const DEFAULT_WEBUI_VERSION = '0.12.4';
/** open-webui 0.12 declares requires-python >=3.11, <3.13. */
export const WEBUI_PYTHON = { min: '3.11.0', below: '3.13.0' } as const;
/** What the venv takes on disk (measured: 0.12.4 with its CUDA PyTorch wheels on Linux x86-64). */
export const WEBUI_SIZE_GB = 8;

export function webuiExe(platform: Platform, venv: string): string {
  return platform.path.join(venvBin(platform, venv), platform.os === 'win32' ? 'open-webui.exe' : 'open-webui');
}

/** The installed Open WebUI version (from its package metadata), or undefined. */
export function installedWebuiVersion(platform: Platform, paths: Paths): string | undefined {
  const exe = webuiExe(platform, openwebuiFiles(platform, paths).venv);
  return platform.exists(exe) ? metadataVersion(platform, exe, 'open_webui') : undefined;
}

export function checkWebuiVersion(v: string | undefined): string {
  const version = (v ?? DEFAULT_WEBUI_VERSION).trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new LlmctlError(t('webui.install.badVersion', { version }), {
      exitCode: 2,
      hint: t('webui.install.badVersionHint', { default: DEFAULT_WEBUI_VERSION }),
    });
  return version;
}

/** A Python in Open WebUI's range: --python, else python3.12, python3.11, python3 (py -3.12/-3.11 on Windows). */
export async function findWebuiPython(platform: Platform, explicit?: string): Promise<PythonCommand> {
  const candidates = explicit
    ? [{ command: explicit, args: [] as string[] }]
    : platform.os === 'win32'
      ? [
          { command: 'py', args: ['-3.12'] },
          { command: 'py', args: ['-3.11'] },
          { command: 'python', args: [] },
        ]
      : ['python3.12', 'python3.11', 'python3', 'python'].map((command) => ({ command, args: [] as string[] }));
  const found: string[] = [];
  for (const c of candidates) {
    const version = await pythonVersion(platform, c);
    if (!version) continue;
    if (compareVersions(version, WEBUI_PYTHON.min) >= 0 && compareVersions(version, WEBUI_PYTHON.below) < 0)
      return { ...c, version };
    found.push(t('webui.install.pythonIs', { command: [c.command, ...c.args].join(' '), version }));
  }
  const tried = candidates.map((c) => [c.command, ...c.args].join(' ')).join(', ');
  throw new LlmctlError(
    found.length
      ? t('webui.install.pythonOutOfRange', { found: found.join('; ') })
      : t('webui.install.noPython', { tried }),
    { hint: t('webui.install.pythonHint') },
  );
}

export interface WebuiInstallPlan {
  version: string;
  venv: string;
  tool: 'uv' | 'pip';
  steps: InstallStep[];
}

/** The steps, as data: a uv on PATH, else a uv bootstrapped beside the venv, else pip. */
export function planWebuiInstall(
  platform: Platform,
  venv: string,
  python: PythonCommand,
  version: string,
  options: { uv?: string; pip?: boolean },
): WebuiInstallPlan {
  const spec = `open-webui==${version}`;
  const py = venvPython(platform, venv);
  const pythonArg = python.command === 'py' ? python.version : python.command;
  if (options.pip) {
    return {
      version,
      venv,
      tool: 'pip',
      steps: [
        {
          label: t('webui.install.stepVenv', { venv }),
          command: python.command,
          args: [...python.args, '-m', 'venv', venv],
        },
        { label: t('webui.install.stepPip', { spec }), command: py, args: ['-m', 'pip', 'install', spec] },
      ],
    };
  }
  const steps: InstallStep[] = [];
  let uv = options.uv;
  if (!uv) {
    const boot = `${venv}-uv`;
    steps.push(
      {
        label: t('webui.install.stepUvBoot', { venv: boot }),
        command: python.command,
        args: [...python.args, '-m', 'venv', boot],
      },
      {
        label: t('webui.install.stepUvBootPip'),
        command: venvPython(platform, boot),
        args: ['-m', 'pip', 'install', 'uv'],
      },
    );
    uv = platform.path.join(venvBin(platform, boot), platform.os === 'win32' ? 'uv.exe' : 'uv');
  }
  steps.push(
    { label: t('webui.install.stepVenvUv', { venv }), command: uv, args: ['venv', '--python', pythonArg, venv] },
    // Bytecode now, not at the first start (thousands of modules: minutes on a busy machine).
    {
      label: t('webui.install.stepUv', { spec }),
      command: uv,
      args: ['pip', 'install', '--compile-bytecode', '--python', py, spec],
    },
  );
  return { version, venv, tool: 'uv', steps };
}

export interface WebuiInstallResult {
  version: string;
  venv: string;
  tool: 'uv' | 'pip';
  changed: boolean;
  seconds: number;
}

/** Installs Open WebUI into its venv; a no-op when that version is there. */
export async function installWebui(
  platform: Platform,
  paths: Paths,
  options: { version?: string; python?: string; pip?: boolean },
  progress: { step(label: string): void },
): Promise<WebuiInstallResult> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const version = checkWebuiVersion(options.version);
  const venv = openwebuiFiles(platform, paths).venv;
  if (installedWebuiVersion(platform, paths) === version)
    return { version, venv, tool: 'uv', changed: false, seconds: seconds() };
  progress.step(t('webui.install.lookingForPython'));
  const python = await findWebuiPython(platform, options.python);
  const uv = options.pip ? undefined : findOnPath(platform, 'uv');
  const plan = planWebuiInstall(platform, venv, python, version, { ...(uv ? { uv } : {}), pip: Boolean(options.pip) });
  await ensureDir(platform.path.dirname(venv));
  // A venv left by an older version or a failed run is made again from nothing.
  await fs.rm(venv, { recursive: true, force: true });
  for (const step of plan.steps) await runInstallStep(platform, venv, step, progress);
  const got = installedWebuiVersion(platform, paths);
  if (got !== version)
    throw new LlmctlError(t('webui.install.notThere', { version, venv }), { hint: t('webui.install.retryHint') });
  return { version, venv, tool: plan.tool, changed: true, seconds: seconds() };
}

async function runInstallStep(
  platform: Platform,
  venv: string,
  step: InstallStep,
  progress: { step(label: string): void },
): Promise<void> {
  progress.step(step.label);
  const r = await runInstaller(platform, step);
  if (r.exitCode === 0) return;
  // A half-made venv would pass for a working one next time.
  await fs.rm(venv, { recursive: true, force: true });
  const output = String(r.all ?? r.shortMessage ?? '');
  const tail = output.trim().split(/\r?\n/).slice(-12).join('\n');
  throw new LlmctlError(
    looksLikeNetworkFailure(output)
      ? t('webui.install.unreachable')
      : t('webui.install.stepFailed', { step: step.label }),
    { hint: t('webui.install.failedHint'), problems: [{ message: tail }] },
  );
}
