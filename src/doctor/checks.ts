import { formatLocation, formatProblem, type Problem } from '../errors.js';
import { proxyConfigCurrent } from './proxy-config.js';
import { ROTATE_KEYS_HINT, isCompromised, versionAtLeast } from '../proxy/versions.js';
import { LOOPBACK_HOSTS, isLoopback, mergeNoProxy } from '../proxy/url.js';
import { keyRefsInConfig, parseKeyRef, resolveKeyRef } from '../secrets/refs.js';
import { changedFiles } from '../sync/engine.js';
import { TARGET_NAMES, type TargetName } from '../targets/types.js';
import { describeDuplicate } from '../targets/duplicate-keys.js';
import { continueShapeEdit, continueShapeProblems } from './continue-shape.js';
import type { Facts, ModeFact } from './facts.js';
import { type Check, fail, pass, skip, warn } from './types.js';

/** Each check is a small named function of the gathered facts. */
export type CheckFn = (f: Facts) => Check | Check[];

export const MIN_NODE = '20.19.0';
/** LiteLLM's proxy needs Python 3.9 or newer (its package metadata; 3.9.7 is excluded upstream). */
export const MIN_PYTHON = '3.9.0';

const isWin = (f: Facts) => f.platform.os === 'win32';
/** Why a check that needs llmctl.yaml is skipped. */
export const noConfig = (f: Facts): string =>
  f.configText === null ? 'no llmctl.yaml (see config.valid)' : 'llmctl.yaml is not valid (see config.valid)';

export const nodeVersion: CheckFn = (f) => {
  const t = 'Node.js version';
  return versionAtLeast(f.nodeVersion, MIN_NODE)
    ? pass('node.version', t, `v${f.nodeVersion}`)
    : fail(
        'node.version',
        t,
        `v${f.nodeVersion} (llmctl needs ${MIN_NODE} or newer)`,
        'install Node.js 20.19+ or 22 LTS from https://nodejs.org',
      );
};

export const configValid: CheckFn = (f) => {
  const id = 'config.valid';
  const t = 'llmctl.yaml is valid';
  if (f.configText === null)
    return fail(id, t, `no llmctl.yaml at ${f.paths.config}`, 'llmctl init   (or: llmctl import litellm FILE)');
  const v = f.validation!;
  if (v.errors.length) {
    const n = v.errors.length;
    const first = v.errors[0]!;
    return fail(
      id,
      t,
      `${n} problem${n === 1 ? '' : 's'}: ${formatProblem({ ...first, hint: '' })}${n > 1 ? ` (+${n - 1} more)` : ''}`,
      configEdit(first, f.paths.config),
    );
  }
  if (v.warnings.length)
    return warn(id, t, `${v.warnings.length} warning(s): ${formatProblem(v.warnings[0]!)}`, v.warnings[0]!.hint);
  return pass(
    id,
    t,
    `${f.paths.config}: ${f.config!.models.length} model(s), ${Object.keys(f.config!.providers).length} provider(s)`,
  );
};

/**
 * The edit that clears a problem in llmctl.yaml, at its place (the finding says what is wrong, this
 * says what to write). A key pasted in place of a reference is stored first, then referenced.
 */
function configEdit(p: Problem, file: string): string {
  const at = formatLocation({ ...p, file: p.file ?? file });
  const field = p.path ? ` ${p.path}` : '';
  const pasted = /^providers\.([^.]+)\.apiKey$/.exec(p.path ?? '');
  if (pasted && /key reference/.test(p.message))
    return `llmctl keys set ${pasted[1]}   (paste the key there), then edit ${at}: set${field} to secret:${pasted[1]}`;
  if (p.path && /^unknown field/.test(p.message))
    return `edit ${at}: remove${field}, or correct its spelling (${p.hint ?? 'see the schema'})`;
  return `edit ${at}${field}: ${p.hint ?? p.message}`;
}

export const secretsPresent: CheckFn = (f) => {
  const id = 'secrets.present';
  const t = 'Every referenced key is present';
  if (!f.config) return skip(id, t, noConfig(f));
  if (!f.secrets)
    return fail(
      id,
      t,
      f.secretsError ?? 'cannot read the secrets file',
      `move ${f.paths.secrets} away and set the keys again with \`llmctl keys set NAME\``,
    );
  const missingSecret: string[] = [];
  const missingEnv: string[] = [];
  let masterMissing = false;
  for (const { ref, usedBy } of keyRefsInConfig(f.config)) {
    if (resolveKeyRef(ref, f.secrets, f.platform.env) !== undefined) continue;
    const r = parseKeyRef(ref);
    if (r.kind === 'secret') missingSecret.push(`${r.name} (${usedBy})`);
    else missingEnv.push(`${r.name} (${usedBy})`);
  }
  if (!f.config.proxy.masterKey && f.masterKey === undefined) masterMissing = true;
  if (missingSecret.length) {
    const names = missingSecret.map((s) => s.split(' ')[0]);
    return fail(
      id,
      t,
      `not in the secrets store: ${missingSecret.join(', ')}`,
      names.map((n) => `llmctl keys set ${n}`).join('; '),
    );
  }
  if (missingEnv.length) {
    const names = missingEnv.map((s) => s.split(' ')[0]!);
    const setIt = isWin(f)
      ? names.map((n) => `setx ${n} "…"`).join('; ')
      : names.map((n) => `export ${n}=…`).join('; ');
    return warn(
      id,
      t,
      `environment variable not set here: ${missingEnv.join(', ')}`,
      `${setIt} before \`llmctl serve\` (or store it: \`llmctl keys set PROVIDER\`, which points llmctl.yaml at it)`,
    );
  }
  if (masterMissing) return warn(id, t, 'no proxy master key yet', 'llmctl sync   (generates secret:proxy)');
  const n = keyRefsInConfig(f.config).length;
  return pass(
    id,
    t,
    `${n} key reference${n === 1 ? '' : 's'} resolved${f.config.proxy.masterKey ? '' : ', proxy master key stored'}`,
  );
};

export const secretsPermissions: CheckFn = (f) => {
  const id = 'secrets.permissions';
  const t = 'Secrets file readable only by you';
  if (isWin(f)) return skip(id, t, 'Windows: protected by the user profile ACL');
  if (f.secretsMode === undefined) return skip(id, t, `no secrets file yet (${f.paths.secrets})`);
  const mode = f.secretsMode.toString(8).padStart(4, '0');
  if (f.secretsMode & 0o077)
    return fail(
      id,
      t,
      `${f.paths.secrets} has mode ${mode}: other users can read your keys`,
      `chmod 600 ${quote(f.paths.secrets)}   (then consider rotating the keys)`,
    );
  return pass(id, t, `mode ${mode}`);
};

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

/** Files that hold a key: settings.json with the proxy token, Continue's .env (the secrets file has its own check). */
export function looseKeyFiles(f: Facts): ModeFact[] {
  return f.modes.filter(
    (m) =>
      m.kind === 'key' &&
      m.mode & 0o077 &&
      m.nonEmpty &&
      (m.path !== f.paths.claudeSettings || claudeEnv(f).ANTHROPIC_AUTH_TOKEN !== undefined),
  );
}

export const keyFilesPermissions: CheckFn = (f) => {
  const id = 'files.permissions';
  const t = 'Tool files holding keys readable only by you';
  if (isWin(f)) return skip(id, t, 'Windows: protected by the user profile ACL');
  const loose = looseKeyFiles(f);
  if (loose.length) {
    return fail(
      id,
      t,
      `other users can read the proxy key in: ${loose.map((m) => `${m.path} (mode ${octal(m.mode)})`).join(', ')}`,
      `chmod 600 ${loose.map((m) => quote(m.path)).join(' ')}   (llmctl doctor --fix does it)`,
    );
  }
  const keys = f.modes.filter((m) => m.kind === 'key');
  return keys.length
    ? pass(id, t, keys.map((m) => `${m.path} ${octal(m.mode)}`).join(', '))
    : skip(id, t, 'no settings.json or Continue .env yet');
};

/** Folders (and the auth module) others could write to: LiteLLM imports llmctl_auth.py, so that is code execution. */
export function writableByOthers(f: Facts): ModeFact[] {
  return f.modes.filter((m) => m.kind !== 'key' && m.mode & 0o022);
}

export const homePermissions: CheckFn = (f) => {
  const id = 'home.permissions';
  const t = "llmctl's folder and auth module writable only by you";
  if (isWin(f)) return skip(id, t, 'Windows: protected by the user profile ACL');
  const writable = writableByOthers(f);
  const fixCmd = (ms: ModeFact[]) =>
    ms.map((m) => `chmod ${m.kind === 'code' ? 'go-w' : '700'} ${quote(m.path)}`).join('; ');
  if (writable.length) {
    return fail(
      id,
      t,
      `writable by other users: ${writable.map((m) => `${m.path} (mode ${octal(m.mode)})`).join(', ')} — LiteLLM imports ${writable[0]!.kind === 'code' ? 'this file' : 'llmctl_auth.py from it'}, so they could run code as you`,
      `${fixCmd(writable)}   (llmctl doctor --fix does it)`,
    );
  }
  const dirs = f.modes.filter((m) => m.kind === 'code-dir');
  return dirs.length
    ? pass(id, t, dirs.map((m) => `${m.path} ${octal(m.mode)}`).join(', '))
    : skip(id, t, `no ${f.paths.home} yet`);
};

function targetCheck(name: TargetName): CheckFn {
  return (f) => {
    const id = `target.${name}`;
    const t = `${TARGET_TITLES[name]} in sync with llmctl.yaml`;
    if (!f.config) return skip(id, t, noConfig(f));
    if (!f.session) return skip(id, t, `cannot plan a sync: ${f.sessionError ?? 'unknown reason'}`);
    const plan = f.session.plans.find((p) => p.target === name);
    if (!plan) return skip(id, t, 'not enabled in llmctl.yaml');
    const changed = changedFiles([plan]);
    // The words status and sync use (src/ui/drift.ts): never "in sync" while an entry differs.
    const n = plan.conflicts.length;
    const conflicts = n
      ? `${n} managed entr${n === 1 ? 'y differs' : 'ies differ'} from llmctl.yaml: edited by hand, so llmctl keeps ${n === 1 ? 'it' : 'them'}`
      : '';
    if (changed.length === 0) {
      return conflicts
        ? warn(
            id,
            t,
            `${conflicts}: ${formatProblem(plan.conflicts[0]!)}`,
            `llmctl sync --only ${name} --force   (overwrites your edits; backed up)`,
          )
        : pass(id, t, `in sync: ${plan.files.map((x) => x.path).join(', ')}`);
    }
    const missing = changed.filter((x) => x.before === null);
    if (missing.length)
      return fail(id, t, `missing: ${missing.map((x) => x.path).join(', ')}`, `llmctl sync --only ${name}`);
    return warn(
      id,
      t,
      `drifted: ${changed.map((x) => x.path).join(', ')}${conflicts}`,
      `llmctl sync --dry-run --only ${name}   (see the diff), then: llmctl sync --only ${name}`,
    );
  };
}

const TARGET_TITLES: Record<TargetName, string> = {
  litellm: 'LiteLLM config',
  continue: 'Continue config',
  claude: 'Claude Code settings',
  // i18n-ignore: issue 15 registration line; moves to the catalog with the titles above (tools.codex.title)
  codex: 'Codex CLI config',
  // i18n-ignore: issue 15 registration line; moves to the catalog with the titles above (tools.opencode.title)
  opencode: 'opencode config',
  // i18n-ignore: issue 15 registration line; moves to the catalog with the titles above (tools.qwen.title)
  qwen: 'Qwen Code settings',
  // i18n-ignore: issue 15 registration line; moves to the catalog with the titles above (tools.gemini.title)
  gemini: 'Gemini CLI settings',
};
export const targetChecks: CheckFn[] = TARGET_NAMES.map(targetCheck);

/** Two `env` objects (or two `models:`): the tool reads one, llmctl would edit the other. */
export const duplicateKeys: CheckFn = (f) => {
  const id = 'files.duplicate-keys';
  const t = 'No duplicate keys where llmctl edits the tools’ files';
  const files = [
    f.claudeSettingsText !== null ? f.paths.claudeSettings : undefined,
    f.continueText !== null ? f.paths.continueConfig : undefined,
  ].filter(Boolean);
  if (!files.length) return skip(id, t, 'no settings.json or Continue config yet');
  if (!f.duplicateKeys.length) return pass(id, t, `none in ${files.join(', ')}`);
  const found = f.duplicateKeys.map((d) => `${d.file}: ${d.dups.map(describeDuplicate).join(', ')}`).join('; ');
  return fail(
    id,
    t,
    `${found}: the tool uses only one of each, llmctl refuses to guess`,
    'merge each duplicate into one key by hand (keep the value you want), then: llmctl sync',
  );
};

export const continueValid: CheckFn = (f) => {
  const id = 'continue.valid';
  const t = "Continue config passes Continue's rules";
  if (f.config && !f.config.tools.continue.enabled) return skip(id, t, 'Continue is not enabled in llmctl.yaml');
  if (f.continueText === null) return skip(id, t, `no ${f.paths.continueConfig} (see target.continue)`);
  if (f.continueParseError)
    return fail(
      id,
      t,
      `${f.paths.continueConfig} is not valid YAML: ${f.continueParseError}`,
      // A backup may predate the file (restore would delete it); a fresh file is always a way out.
      `fix the YAML by hand, or: mv ${quote(f.paths.continueConfig)} ${quote(`${f.paths.continueConfig}.broken`)} && llmctl sync --only continue   (a new file with llmctl's models; the old one stays as .broken)`,
    );
  const problems = continueShapeProblems(f.continueDoc);
  if (problems.length)
    return fail(
      id,
      t,
      `${f.paths.continueConfig}: ${problems.join('; ')}`,
      `edit ${f.paths.continueConfig}: ${[...new Set(problems.map(continueShapeEdit))].join('; ')}`,
    );
  return pass(id, t, `${f.paths.continueConfig}: name, version, schema v1 and lists as Continue expects`);
};

export const litellmInstall: CheckFn = (f) => {
  const id = 'litellm.installed';
  const t = 'LiteLLM that `llmctl serve` would run';
  if (f.litellmError !== undefined && !f.litellm)
    return warn(id, t, `cannot tell: ${f.litellmError}`, 'llmctl proxy install');
  const l = f.litellm!;
  if (!l.path) return warn(id, t, `not found (looked in: ${l.tried.join(', ') || 'nowhere'})`, 'llmctl proxy install');
  const where = `${l.path}${l.source ? ` (${l.source})` : ''}`;
  if (l.compromised || (l.version !== undefined && isCompromised(l.version))) {
    return fail(
      id,
      t,
      `LiteLLM ${l.version ?? '?'} at ${where} is a MALICIOUS release (credential stealer)`,
      `rotate your keys NOW (every provider key and the proxy master key). ${ROTATE_KEYS_HINT}`,
    );
  }
  return pass(id, t, `LiteLLM ${l.version ?? '(version unknown)'} at ${where}`);
};

export const pythonVersion: CheckFn = (f) => {
  const id = 'python.version';
  const t = `Python ${MIN_PYTHON.replace(/\.0$/, '')}+ (for LiteLLM)`;
  const install = isWin(f)
    ? 'winget install Python.Python.3.12'
    : 'install Python 3.9+ (e.g. apt install python3 python3-venv), or set --python for `llmctl proxy install`';
  if (!f.python) {
    // LiteLLM already installed (its own venv) needs no Python on PATH.
    if (f.litellm?.path) return skip(id, t, 'no Python on PATH, but LiteLLM is installed');
    return fail(id, t, 'no Python found', install);
  }
  if (!versionAtLeast(f.python.version, MIN_PYTHON))
    return fail(id, t, `Python ${f.python.version} (${f.python.command}) is too old for LiteLLM`, install);
  if (f.python.version === '3.9.7') return warn(id, t, 'Python 3.9.7 is excluded by LiteLLM', install);
  return pass(id, t, `Python ${f.python.version} (${f.python.command})`);
};

export const proxyPort: CheckFn = (f) => {
  const id = 'proxy.port';
  const t = 'Proxy port free, or our proxy up and healthy';
  if (!f.config || !f.proxy) return skip(id, t, noConfig(f));
  const p = f.proxy;
  if (p.state === 'up' && p.healthy)
    return pass(id, t, `llmctl's proxy is up at ${p.url}${p.pid ? ` (pid ${p.pid})` : ''}, ready`);
  if (p.state === 'up' || p.state === 'unhealthy')
    return fail(
      id,
      t,
      `llmctl's proxy at ${p.url} is not ready${p.detail ? `: ${p.detail}` : ''}`,
      `llmctl stop && llmctl serve --detach   (why it is not ready: ${f.proxyLog})`,
    );
  if (f.portFree === false)
    return fail(
      id,
      t,
      `port ${p.port} on ${p.host} is taken by another program`,
      `stop that program, or choose another port: set proxy.port in llmctl.yaml, then llmctl sync`,
    );
  return pass(id, t, `proxy not running; port ${p.port} is free`);
};

export const proxyExposure: CheckFn = (f) => {
  const id = 'proxy.exposure';
  const t = 'Proxy reachable beyond this machine only with a key';
  if (!f.config) return skip(id, t, noConfig(f));
  const host = f.config.proxy.host;
  if (isLoopback(host)) return pass(id, t, `bound to ${host} (this machine only)`);
  if (f.masterKey === undefined) {
    // A master key named in llmctl.yaml but not set is the user's to provide; without one sync generates it.
    const ref = f.config.proxy.masterKey ? parseKeyRef(f.config.proxy.masterKey) : undefined;
    const provide = !ref
      ? 'llmctl sync   (generates the master key)'
      : ref.kind === 'env'
        ? `${isWin(f) ? `setx ${ref.name} "…"` : `export ${ref.name}=…`} (the key clients will use)`
        : `llmctl keys set ${ref.name}`;
    return fail(
      id,
      t,
      `bound to ${host} with no master key: anyone on the network can spend your provider keys`,
      `${provide}, or set proxy.host: 127.0.0.1 in llmctl.yaml`,
    );
  }
  return pass(id, t, `bound to ${host}; clients need the master key`);
};

const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'];

/** NO_PROXY entries that cover loopback (curl, undici and Python's requests agree on these forms). */
function coversLoopback(noProxy: string, host: string): boolean {
  const entries = noProxy
    .split(/[,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (entries.includes('*')) return true;
  const want = host === 'localhost' ? 'localhost' : '127.0.0.1';
  return entries.some(
    (e) => e === want || (want === '127.0.0.1' && (e === '127.0.0.0/8' || e === '127.0.0.1/8' || e === '127.')),
  );
}

export const systemProxy: CheckFn = (f) => {
  const id = 'network.system-proxy';
  const t = 'Local proxy traffic not sent to a system HTTP proxy';
  const env = f.platform.env;
  const settingsEnv = claudeEnv(f);
  const lookup = (name: string) =>
    env[name] ?? env[name.toLowerCase()] ?? settingsEnv[name] ?? settingsEnv[name.toLowerCase()];
  const set = PROXY_VARS.filter((v) => lookup(v));
  if (!set.length) return pass(id, t, 'no HTTP(S)_PROXY set');
  const noProxy = lookup('NO_PROXY') ?? '';
  const host =
    f.config && !isLoopback(f.config.proxy.host) && f.config.proxy.host !== '0.0.0.0'
      ? f.config.proxy.host
      : '127.0.0.1';
  if (coversLoopback(noProxy, host)) return pass(id, t, `${set.join(', ')} set; ${host} is in NO_PROXY`);
  const value = mergeNoProxy(noProxy, LOOPBACK_HOSTS);
  const fix = isWin(f)
    ? `setx NO_PROXY "${value}"   (then open a new terminal / restart the IDE)`
    : `export NO_PROXY="${value}"   (add it to your shell profile)`;
  return warn(
    id,
    t,
    `${set.join(', ')} set but ${host} is not in NO_PROXY: requests to the local proxy go to the system proxy (Clash…)`,
    fix,
  );
};

export function claudeEnv(f: Facts): Record<string, string> {
  const e = f.claudeSettings?.env;
  if (!e || typeof e !== 'object' || Array.isArray(e)) return {};
  return Object.fromEntries(
    Object.entries(e as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
}

const claudeEnabled = (f: Facts) => !f.config || f.config.tools.claude.enabled;

/**
 * The sync that puts back llmctl's values in a tool's file: a plain sync keeps entries edited by hand
 * (a base URL pointed elsewhere is one), so when the plan keeps any, only --force restores them.
 */
function syncFix(f: Facts, target: TargetName): string {
  const plan = f.session?.plans.find((p) => p.target === target);
  return plan?.conflicts.length
    ? `llmctl sync --only ${target} --force   (puts back llmctl's values over your edits; backed up)`
    : `llmctl sync --only ${target}`;
}

export const claudeInstalled: CheckFn = (f) => {
  const id = 'claude.installed';
  const t = 'Claude Code installed';
  if (!claudeEnabled(f)) return skip(id, t, 'Claude Code is not enabled in llmctl.yaml');
  if (!f.claudeInstalled) return warn(id, t, '`claude` not found on PATH', 'npm install -g @anthropic-ai/claude-code');
  return pass(id, t, `Claude Code ${f.claudeVersion ?? '(version unknown)'}`);
};

export const claudeSettings: CheckFn = (f) => {
  const id = 'claude.settings';
  const t = 'Claude Code settings point at the proxy with a token';
  if (!claudeEnabled(f)) return skip(id, t, 'Claude Code is not enabled in llmctl.yaml');
  if (!f.config) return skip(id, t, noConfig(f));
  const file = f.paths.claudeSettings;
  if (f.claudeSettingsText === null) return fail(id, t, `no ${file}`, syncFix(f, 'claude'));
  if (f.claudeSettingsError)
    return fail(
      id,
      t,
      `${file} is not valid JSON: ${f.claudeSettingsError}`,
      `fix the JSON by hand (llmctl never rewrites a file it cannot parse), or \`llmctl restore\``,
    );
  const env = claudeEnv(f);
  const base = env.ANTHROPIC_BASE_URL;
  const port = f.config.proxy.port;
  if (!base)
    return fail(
      id,
      t,
      'env.ANTHROPIC_BASE_URL is not set: Claude Code talks to api.anthropic.com, bypassing the proxy',
      syncFix(f, 'claude'),
    );
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    // reported below
  }
  const okHost = url && (isLoopback(url.hostname) || url.hostname === f.config.proxy.host);
  if (!url || !okHost || Number(url.port || (url.protocol === 'https:' ? 443 : 80)) !== port) {
    return fail(id, t, `env.ANTHROPIC_BASE_URL is ${base}, not llmctl's proxy (port ${port})`, syncFix(f, 'claude'));
  }
  if (/\/v1\/?$/.test(url.pathname))
    return fail(
      id,
      t,
      `env.ANTHROPIC_BASE_URL ends in /v1 (${base}): Claude Code adds /v1 itself`,
      syncFix(f, 'claude'),
    );
  const token = env.ANTHROPIC_AUTH_TOKEN;
  if (!token) {
    if (env.ANTHROPIC_API_KEY)
      return warn(
        id,
        t,
        'uses ANTHROPIC_API_KEY (sent as x-api-key, asks for approval) instead of ANTHROPIC_AUTH_TOKEN',
        syncFix(f, 'claude'),
      );
    return fail(id, t, 'env.ANTHROPIC_AUTH_TOKEN is not set: the proxy will answer 401', syncFix(f, 'claude'));
  }
  if (f.masterKey !== undefined && token !== f.masterKey)
    return fail(
      id,
      t,
      "env.ANTHROPIC_AUTH_TOKEN is not the proxy's master key: the proxy will answer 401",
      syncFix(f, 'claude'),
    );
  return pass(id, t, `${base} with a token`);
};

const CLAUDE_ALIASES: Record<string, string> = {
  sonnet: 'ANTHROPIC_DEFAULT_SONNET_MODEL',
  opus: 'ANTHROPIC_DEFAULT_OPUS_MODEL',
  haiku: 'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  opusplan: 'ANTHROPIC_DEFAULT_OPUS_MODEL',
};

export const claudeModels: CheckFn = (f) => {
  const id = 'claude.models';
  const t = 'Every model Claude Code may ask for exists on the proxy';
  if (!claudeEnabled(f)) return skip(id, t, 'Claude Code is not enabled in llmctl.yaml');
  if (!f.config) return skip(id, t, noConfig(f));
  if (!f.claudeSettings) return skip(id, t, 'no readable settings.json (see claude.settings)');
  const names = new Set(f.config.models.map((m) => m.name));
  const env = claudeEnv(f);
  const asked: [string, string | undefined][] = [
    ['model', typeof f.claudeSettings.model === 'string' ? f.claudeSettings.model : env.ANTHROPIC_MODEL],
    ['haiku', env.ANTHROPIC_DEFAULT_HAIKU_MODEL ?? env.ANTHROPIC_SMALL_FAST_MODEL],
    ['sonnet', env.ANTHROPIC_DEFAULT_SONNET_MODEL],
    ['opus', env.ANTHROPIC_DEFAULT_OPUS_MODEL],
  ];
  const missing: string[] = [];
  const present: string[] = [];
  for (const [role, raw] of asked) {
    if (!raw) continue;
    const name = CLAUDE_ALIASES[raw] ? env[CLAUDE_ALIASES[raw]] : raw;
    if (!name) continue; // an alias without a mapping: Claude's default, reported below
    (names.has(name) ? present : missing).push(`${role}=${name}`);
  }
  const fix =
    'set tools.claude.model / haikuModel / sonnetModel / opusModel in llmctl.yaml to models it defines, then: llmctl sync --only claude';
  // llmctl.yaml is valid, so what llmctl writes names only proxy models: a missing one was edited by hand.
  if (missing.length)
    return fail(
      id,
      t,
      `not on the proxy: ${missing.join(', ')}`,
      `llmctl sync --only claude --force   (puts back the models from llmctl.yaml; backed up) — or ${fix}`,
    );
  const unmapped: string[] = [];
  if (!asked[0]![1]) unmapped.push('main model (no `model`)');
  if (!asked[1]![1]) unmapped.push('haiku (background calls)');
  if (unmapped.length)
    return warn(
      id,
      t,
      `${unmapped.join(', ')} not set: Claude Code asks for its own model name, which the proxy does not have`,
      fix,
    );
  return pass(id, t, present.join(', '));
};

export const COMMON_CHECKS: CheckFn[] = [
  nodeVersion,
  configValid,
  secretsPresent,
  secretsPermissions,
  keyFilesPermissions,
  homePermissions,
  ...targetChecks,
  continueValid,
  duplicateKeys,
  litellmInstall,
  pythonVersion,
  proxyPort,
  proxyConfigCurrent,
  proxyExposure,
  systemProxy,
  claudeInstalled,
  claudeSettings,
  claudeModels,
];

function quote(p: string): string {
  return /[\s'"$]/.test(p) ? `'${p.replace(/'/g, "'\\''")}'` : p;
}
