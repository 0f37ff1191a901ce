import { promises as fs } from 'node:fs';
import { LlmctlError } from '../errors.js';
import type { Platform } from '../platform/index.js';
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
    throw new LlmctlError(`"${version}" is not a LiteLLM version`, {
      exitCode: 2,
      hint: `give one like ${DEFAULT_LITELLM_VERSION} (the default)`,
    });
  }
  if (isCompromised(version)) {
    throw new LlmctlError(
      `LiteLLM ${version} is a compromised release (a credential stealer was uploaded to PyPI as 1.82.7 and 1.82.8); llmctl never installs it`,
      {
        exitCode: 2,
        hint: `install the tested version instead: \`llmctl proxy install\` (${DEFAULT_LITELLM_VERSION})`,
      },
    );
  }
  if (compareVersions(version, MIN_LITELLM_VERSION) < 0) {
    throw new LlmctlError(
      `LiteLLM ${version} is older than ${MIN_LITELLM_VERSION}, the first clean release after the compromised ones`,
      {
        exitCode: 2,
        hint: `use ${MIN_LITELLM_VERSION} or newer; the tested default is ${DEFAULT_LITELLM_VERSION}`,
      },
    );
  }
  return version;
}

const VERSION_SNIPPET = "import sys; print('%d.%d.%d' % sys.version_info[:3])";

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
    const r = await platform.run(c.command, [...c.args, '-c', VERSION_SNIPPET], { timeoutMs: 30_000 });
    const version = r.code === 0 ? /^(\d+\.\d+\.\d+)/.exec(r.stdout.trim())?.[1] : undefined;
    if (!version) continue;
    if (compareVersions(version, MIN_PYTHON) < 0) {
      tooOld.push(`${[c.command, ...c.args].join(' ')} is Python ${version}`);
      continue;
    }
    return { ...c, version };
  }
  const names = candidates.map((c) => [c.command, ...c.args].join(' ')).join(', ');
  if (tooOld.length) {
    throw new LlmctlError(`LiteLLM needs Python ${MIN_PYTHON.replace(/\.0$/, '')} or newer: ${tooOld.join('; ')}`, {
      hint: 'install a newer Python (python.org, pyenv, or your package manager) and pass it with `--python PATH`',
    });
  }
  throw new LlmctlError(explicit ? `${explicit} does not run as Python` : `no Python found (tried ${names})`, {
    hint:
      platform.os === 'win32'
        ? 'install Python 3.9+ from python.org (tick "Add python.exe to PATH"), or pass `--python C:\\path\\to\\python.exe`'
        : 'install Python 3.9+ (e.g. `apt install python3 python3-venv`), or pass `--python /path/to/python3`',
  });
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
        label: `Creating a virtual environment in ${venv} (uv)`,
        command: options.uv,
        args: ['venv', '--python', python.command === 'py' ? python.version : python.command, venv],
      });
    // uv skips compiling bytecode (pip does it): the first `litellm` run would then compile ~1000
    // modules, long enough on a busy machine to fail the verification and slow the first serve.
    steps.push({
      label: `Installing ${spec} (uv)`,
      command: options.uv,
      args: ['pip', 'install', '--compile-bytecode', '--python', py, spec, ...EXTRA_PACKAGES],
    });
  } else {
    if (!options.venvExists)
      steps.push({
        label: `Creating a virtual environment in ${venv}`,
        command: python.command,
        args: [...python.args, '-m', 'venv', venv],
      });
    steps.push({
      label: `Installing ${spec} with pip (about a minute)`,
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

/** Turns a failed pip/uv run into an error the user can act on. */
export function explainInstallFailure(output: string, version: string, step: InstallStep): LlmctlError {
  const tail = output.trim().split(/\r?\n/).slice(-12).join('\n');
  const mirror =
    'set PIP_INDEX_URL to a PyPI mirror you can reach (e.g. PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple; for uv also UV_INDEX_URL), then run `llmctl proxy install` again';
  // An index that lists no litellm at all is unreachable (pip with retries off says nothing more) or not a PyPI mirror.
  const noLitellmAtAll = /requirement litellm(\[proxy\])?==\S+ \(from versions: none\)/.test(output);
  if (NETWORK_PATTERNS.some((re) => re.test(output)) || noLitellmAtAll) {
    return new LlmctlError(`could not download LiteLLM ${version}: the package index is not reachable`, {
      hint: mirror,
      problems: [{ message: tail }],
    });
  }
  if (
    /No matching distribution found|Could not find a version that satisfies|No solution found|not found in the package registry/i.test(
      output,
    )
  ) {
    return new LlmctlError(`LiteLLM ${version} (with its proxy extra) is not available from the package index`, {
      hint: `mirrors often lag behind PyPI for the packages the proxy extra pins; try the tested default (\`llmctl proxy install\`, ${DEFAULT_LITELLM_VERSION}) or ${mirror}`,
      problems: [{ message: tail }],
    });
  }
  if (/No module named venv|ensurepip is not available/i.test(output)) {
    return new LlmctlError('this Python cannot create virtual environments', {
      hint: 'install the venv module (Debian/Ubuntu: `apt install python3-venv`) or pass another `--python`',
      problems: [{ message: tail }],
    });
  }
  return new LlmctlError(`${step.label} failed`, {
    problems: [{ message: tail }],
    hint: 'see the output above; set PIP_INDEX_URL if you need a mirror',
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
  progress.step('Looking for Python');
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
  progress.step('Checking the installed LiteLLM');
  const have = metadataVersion(platform, litellm) ?? (await litellmVersion(platform, litellm));
  const extrasThere = EXTRA_PACKAGES.every((spec) => {
    const [name, v] = spec.split('==') as [string, string];
    return metadataVersion(platform, litellm, name) === v;
  });
  return have === version && extrasThere;
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
  const { execa } = await import('execa');
  const r = await execa(step.command, step.args, {
    reject: false,
    all: true,
    env: platform.env,
    extendEnv: false,
    stdin: 'ignore',
    windowsHide: true,
  });
  if (r.exitCode === 0) return;
  // A venv half made by this run would be mistaken for a working one next time.
  if (!venvExists) await fs.rm(paths.venv, { recursive: true, force: true });
  if (r.exitCode === undefined) {
    throw new LlmctlError(`could not run ${step.command}`, {
      hint: 'check that the Python (or uv) named above exists and runs',
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
  progress.step('Verifying with `litellm --version`');
  const got = platform.exists(litellm) ? await litellmVersion(platform, litellm) : undefined;
  if (!got)
    throw new LlmctlError(`LiteLLM was installed but ${litellm} does not run`, {
      hint: `remove ${paths.venv} and run \`llmctl proxy install\` again`,
    });
  if (got !== version)
    throw new LlmctlError(`asked for LiteLLM ${version} but ${litellm} reports ${got}`, {
      hint: `remove ${paths.venv} and run \`llmctl proxy install\` again`,
    });
}
