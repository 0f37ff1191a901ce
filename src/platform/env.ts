/**
 * The variables a child program (LiteLLM, a Python program) needs to run, by operating system. The
 * proxy gets these and nothing else of the shell's environment besides the keys llmctl.yaml names:
 * a shell's OPENAI_API_KEY, ANTHROPIC_API_KEY or AWS_* would otherwise be picked up by LiteLLM
 * and sent to whatever upstream lacks a key of its own.
 */
const COMMON = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  // Python: where it lives and how it talks (encoding); the venv LiteLLM runs from.
  'VIRTUAL_ENV',
  'PYTHONHOME',
  'PYTHONPATH',
  'PYTHONUTF8',
  'PYTHONIOENCODING',
  // TLS trust: a company CA bundle for the upstreams.
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  // The network proxy the upstreams are reached through (both spellings: Python reads either).
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'all_proxy',
  'no_proxy',
  // LiteLLM's log level: a debugging switch, not a credential.
  'LITELLM_LOG',
];
// pyenv's shims find the Python the user picked through PYENV_ROOT and PYENV_VERSION.
const COMMON_PREFIXES = ['LC_', 'XDG_', 'PYENV_'];

const WINDOWS = [
  'SystemRoot',
  'SystemDrive',
  'windir',
  'COMSPEC',
  'PATHEXT',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'USERNAME',
  'HOMEDRIVE',
  'HOMEPATH',
  'ProgramData',
  'ProgramFiles',
  'ProgramFiles(x86)',
  'CommonProgramFiles',
  'PUBLIC',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'OS',
];

export interface EnvAllowList {
  names: string[];
  prefixes: string[];
  /** Windows variable names ignore case. */
  ignoreCase: boolean;
}

export function runtimeEnvAllowList(os: NodeJS.Platform): EnvAllowList {
  const win = os === 'win32';
  return { names: win ? [...COMMON, ...WINDOWS] : COMMON, prefixes: COMMON_PREFIXES, ignoreCase: win };
}

/** The entries of `env` the allow-list lets through, plus exactly the `extra` names (keys llmctl.yaml references). */
export function pickEnv(env: NodeJS.ProcessEnv, allow: EnvAllowList, extra: Iterable<string> = []): NodeJS.ProcessEnv {
  const norm = (s: string) => (allow.ignoreCase ? s.toUpperCase() : s);
  const names = new Set([...allow.names, ...extra].map(norm));
  const prefixes = allow.prefixes.map(norm);
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) continue;
    const n = norm(k);
    if (names.has(n) || prefixes.some((p) => n.startsWith(p))) out[k] = v;
  }
  return out;
}

/**
 * For pip and uv (installing LiteLLM, Open WebUI): the runtime allow-list plus their own settings
 * (PIP_*, UV_*: a mirror, a cache). Never the whole shell: a package's build step runs its own code.
 */
export function installerEnv(platform: { os: NodeJS.Platform; env: NodeJS.ProcessEnv }): NodeJS.ProcessEnv {
  const allow = runtimeEnvAllowList(platform.os);
  return pickEnv(platform.env, { ...allow, prefixes: [...allow.prefixes, 'PIP_', 'UV_'] });
}
