import { formatLocation, formatProblem, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { proxyConfigCurrent } from './proxy-config.js';
import { localProxyOnly } from './client-mode.js';
import { isClientMode } from '../config/master-key.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { MIN_PYTHON } from '../proxy/install.js';
import { ROTATE_KEYS_HINT, isCompromised, versionAtLeast } from '../proxy/versions.js';
import { LOOPBACK_HOSTS, isLoopback, mergeNoProxy } from '../proxy/url.js';
import { keyRefsInConfig, parseKeyRef, resolveKeyRef } from '../secrets/refs.js';
import { changedFiles } from '../sync/engine.js';
import { TARGET_NAMES, type TargetName } from '../targets/types.js';
import { describeDuplicate } from '../targets/duplicate-keys.js';
import { continueShapeEdit, continueShapeIssues, describeShapeIssue } from './continue-shape.js';
import type { Facts, ModeFact } from './facts.js';
import { type Check, fail, pass, skip, warn } from './types.js';

/**
 * Each check is a small named function of the gathered facts. Titles, findings and fixes come from
 * the catalog (src/i18n/<locale>/doctor.ts); ids and statuses are data and stay English.
 */
export type CheckFn = (f: Facts) => Check | Check[];

export const MIN_NODE = '20.19.0';
/**
 * LiteLLM's proxy needs Python 3.9 or newer (its package metadata; 3.9.7 is excluded upstream): the
 * same floor `llmctl proxy install` holds the managed venv to.
 */
export { MIN_PYTHON };

// i18n-ignore: commands a fix names, the same in every language
const INSTALL_LITELLM = 'llmctl proxy install';
// i18n-ignore: a command
const INSTALL_CLAUDE = 'npm install -g @anthropic-ai/claude-code';
// i18n-ignore: a command
const INSTALL_PYTHON_WINDOWS = 'winget install Python.Python.3.12';
const keysSet = (name: string) => `llmctl keys set ${name}`; // i18n-ignore: a command
const syncOnly = (target: string) => `llmctl sync --only ${target}`; // i18n-ignore: a command

const isWin = (f: Facts) => f.platform.os === 'win32';
/** Why a check that needs llmctl.yaml is skipped. */
export const noConfig = (f: Facts): string =>
  f.configText === null ? t('doctor.skip.noConfig') : t('doctor.skip.configInvalid');

export const nodeVersion: CheckFn = (f) => {
  const title = t('doctor.node.title');
  return versionAtLeast(f.nodeVersion, MIN_NODE)
    ? pass('node.version', title, `v${f.nodeVersion}`)
    : fail(
        'node.version',
        title,
        t('doctor.node.tooOld', { version: f.nodeVersion, min: MIN_NODE }),
        t('doctor.node.fix'),
      );
};

export const configValid: CheckFn = (f) => {
  const id = 'config.valid';
  const title = t('doctor.config.title');
  if (f.configText === null)
    return fail(id, title, t('doctor.config.missing', { file: f.paths.config }), t('doctor.config.missingFix'));
  const v = f.validation!;
  if (v.errors.length) {
    const first = v.errors[0]!;
    return fail(
      id,
      title,
      t('doctor.config.problems', { n: v.errors.length, first: formatProblem({ ...first, hint: '' }) }),
      configEdit(first, f.paths.config),
    );
  }
  if (v.warnings.length)
    return warn(
      id,
      title,
      t('doctor.config.warnings', { n: v.warnings.length, first: formatProblem(v.warnings[0]!) }),
      v.warnings[0]!.hint,
    );
  const c = f.config!;
  return pass(
    id,
    title,
    t('doctor.config.ok', {
      file: f.paths.config,
      models: c.models.length,
      providers: Object.keys(c.providers).length,
    }),
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
  // The schema's English words (the config area may word them in Chinese too: any apiKey problem
  // is a value that is not a reference, so the path alone decides).
  if (pasted) return t('doctor.config.pastedKeyFix', { name: pasted[1]!, at, field });
  if (p.path && /^unknown field|未知字段/.test(p.message))
    return t('doctor.config.unknownFieldFix', { at, field, hint: p.hint ?? t('doctor.config.seeSchema') });
  return t('doctor.config.editFix', { at, field, what: p.hint ?? p.message });
}

export const secretsPresent: CheckFn = (f) => {
  const id = 'secrets.present';
  const title = t('doctor.secrets.title');
  if (!f.config) return skip(id, title, noConfig(f));
  if (!f.secrets)
    return fail(
      id,
      title,
      f.secretsError ?? t('doctor.secrets.unreadable'),
      t('doctor.secrets.unreadableFix', { file: f.paths.secrets }),
    );
  const missingSecret: { name: string; usedBy: string }[] = [];
  const missingEnv: { name: string; usedBy: string }[] = [];
  for (const { ref, usedBy } of keyRefsInConfig(f.config)) {
    if (resolveKeyRef(ref, f.secrets, f.platform.env) !== undefined) continue;
    const r = parseKeyRef(ref);
    (r.kind === 'secret' ? missingSecret : missingEnv).push({ name: r.name, usedBy });
  }
  const names = (list: { name: string }[]) => list.map((m) => m.name);
  const listed = (list: { name: string; usedBy: string }[]) =>
    list.map((m) => t('doctor.secrets.usedBy', m)).join(', ');
  if (missingSecret.length) {
    return fail(
      id,
      title,
      t('doctor.secrets.notStored', { list: listed(missingSecret) }),
      names(missingSecret).map(keysSet).join('; '),
    );
  }
  if (missingEnv.length) {
    const setIt = names(missingEnv)
      .map((n) => (isWin(f) ? `setx ${n} "…"` : `export ${n}=…`))
      .join('; ');
    return warn(
      id,
      title,
      t('doctor.secrets.envNotSet', { list: listed(missingEnv) }),
      t('doctor.secrets.envNotSetFix', { setIt }),
    );
  }
  if (!f.config.proxy.masterKey && f.masterKey === undefined && !isClientMode(f.config))
    return warn(id, title, t('doctor.secrets.noMasterKey'), t('doctor.secrets.noMasterKeyFix'));
  const n = keyRefsInConfig(f.config).length;
  return pass(id, title, t('doctor.secrets.resolved', { n, masterStored: !f.config.proxy.masterKey }));
};

export const secretsPermissions: CheckFn = (f) => {
  const id = 'secrets.permissions';
  const title = t('doctor.secretsMode.title');
  if (isWin(f)) return skip(id, title, t('doctor.skip.windowsAcl'));
  if (f.secretsMode === undefined) return skip(id, title, t('doctor.secretsMode.none', { file: f.paths.secrets }));
  const mode = octal(f.secretsMode);
  if (f.secretsMode & 0o077)
    return fail(
      id,
      title,
      t('doctor.secretsMode.loose', { file: f.paths.secrets, mode }),
      t('doctor.secretsMode.fix', { command: `chmod 600 ${quote(f.paths.secrets)}` }),
    );
  return pass(id, title, t('doctor.secretsMode.ok', { mode }));
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

const withModes = (ms: ModeFact[]) => ms.map((m) => t('doctor.modes.fileMode', { file: m.path, mode: octal(m.mode) }));

export const keyFilesPermissions: CheckFn = (f) => {
  const id = 'files.permissions';
  const title = t('doctor.keyFiles.title');
  if (isWin(f)) return skip(id, title, t('doctor.skip.windowsAcl'));
  const loose = looseKeyFiles(f);
  if (loose.length) {
    return fail(
      id,
      title,
      t('doctor.keyFiles.loose', { list: withModes(loose).join(', ') }),
      t('doctor.modes.fixDoes', { command: `chmod 600 ${loose.map((m) => quote(m.path)).join(' ')}` }),
    );
  }
  const keys = f.modes.filter((m) => m.kind === 'key');
  return keys.length
    ? pass(id, title, keys.map((m) => `${m.path} ${octal(m.mode)}`).join(', '))
    : skip(id, title, t('doctor.keyFiles.none'));
};

/** Folders (and the auth module) others could write to: LiteLLM imports llmctl_auth.py, so that is code execution. */
export function writableByOthers(f: Facts): ModeFact[] {
  return f.modes.filter((m) => m.kind !== 'key' && m.mode & 0o022);
}

export const homePermissions: CheckFn = (f) => {
  const id = 'home.permissions';
  const title = t('doctor.home.title');
  if (isWin(f)) return skip(id, title, t('doctor.skip.windowsAcl'));
  const writable = writableByOthers(f);
  const fixCmd = (ms: ModeFact[]) =>
    ms.map((m) => `chmod ${m.kind === 'code' ? 'go-w' : '700'} ${quote(m.path)}`).join('; ');
  if (writable.length) {
    return fail(
      id,
      title,
      t('doctor.home.writable', { list: withModes(writable).join(', '), file: writable[0]!.kind === 'code' }),
      t('doctor.modes.fixDoes', { command: fixCmd(writable) }),
    );
  }
  const dirs = f.modes.filter((m) => m.kind === 'code-dir');
  return dirs.length
    ? pass(id, title, dirs.map((m) => `${m.path} ${octal(m.mode)}`).join(', '))
    : skip(id, title, t('doctor.home.none', { dir: f.paths.home }));
};

const TARGET_TITLES = {
  litellm: () => t('doctor.target.title', { tool: t('doctor.target.litellm') }),
  continue: () => t('doctor.target.title', { tool: t('doctor.target.continue') }),
  claude: () => t('doctor.target.title', { tool: t('doctor.target.claude') }),
  codex: () => t('tools.codex.title'),
  opencode: () => t('tools.opencode.title'),
  qwen: () => t('tools.qwen.title'),
  gemini: () => t('tools.gemini.title'),
  openwebui: () => t('webui.doctor.targetTitle'),
} satisfies Record<TargetName, () => string>;

function targetCheck(name: TargetName): CheckFn {
  return (f) => {
    const id = `target.${name}`;
    const title = TARGET_TITLES[name]();
    if (!f.config) return skip(id, title, noConfig(f));
    if (!f.session)
      return skip(id, title, t('doctor.target.cannotPlan', { why: f.sessionError ?? t('doctor.unknownReason') }));
    const plan = f.session.plans.find((p) => p.target === name);
    if (!plan) return skip(id, title, t('doctor.target.notEnabled'));
    const changed = changedFiles([plan]);
    // The words status and sync use (src/ui/drift.ts): never "in sync" while an entry differs.
    const n = plan.conflicts.length;
    const conflicts = n ? t('doctor.target.handEdited', { n }) : '';
    if (changed.length === 0) {
      return conflicts
        ? warn(id, title, `${conflicts}: ${formatProblem(plan.conflicts[0]!)}`, t('doctor.target.forceFix', { name }))
        : pass(id, title, t('doctor.target.inSync', { files: plan.files.map((x) => x.path).join(', ') }));
    }
    const missing = changed.filter((x) => x.before === null);
    if (missing.length)
      return fail(
        id,
        title,
        t('doctor.target.missing', { files: missing.map((x) => x.path).join(', ') }),
        syncOnly(name),
      );
    return warn(
      id,
      title,
      t('doctor.target.drifted', { files: changed.map((x) => x.path).join(', '), conflicts }),
      t('doctor.target.driftFix', { name }),
    );
  };
}

export const targetChecks: CheckFn[] = TARGET_NAMES.map(targetCheck);

/** Two `env` objects (or two `models:`): the tool reads one, llmctl would edit the other. */
export const duplicateKeys: CheckFn = (f) => {
  const id = 'files.duplicate-keys';
  const title = t('doctor.duplicates.title');
  const files = [
    f.claudeSettingsText !== null ? f.paths.claudeSettings : undefined,
    f.continueText !== null ? f.paths.continueConfig : undefined,
  ].filter(Boolean);
  if (!files.length) return skip(id, title, t('doctor.duplicates.noFiles'));
  if (!f.duplicateKeys.length) return pass(id, title, t('doctor.duplicates.none', { files: files.join(', ') }));
  const found = f.duplicateKeys.map((d) => `${d.file}: ${d.dups.map(describeDuplicate).join(', ')}`).join('; ');
  return fail(id, title, t('doctor.duplicates.found', { found }), t('doctor.duplicates.fix'));
};

export const continueValid: CheckFn = (f) => {
  const id = 'continue.valid';
  const title = t('doctor.continue.title');
  const file = f.paths.continueConfig;
  if (f.config && !f.config.tools.continue.enabled) return skip(id, title, t('doctor.continue.notEnabled'));
  if (f.continueText === null) return skip(id, title, t('doctor.continue.none', { file }));
  if (f.continueParseError)
    return fail(
      id,
      title,
      t('doctor.continue.badYaml', { file, error: f.continueParseError }),
      // A backup may predate the file (restore would delete it); a fresh file is always a way out.
      t('doctor.continue.badYamlFix', { file: quote(file), broken: quote(`${file}.broken`) }),
    );
  const issues = continueShapeIssues(f.continueDoc);
  if (issues.length)
    return fail(
      id,
      title,
      `${file}: ${issues.map(describeShapeIssue).join('; ')}`,
      t('doctor.continue.editFix', { file, edits: [...new Set(issues.map(continueShapeEdit))].join('; ') }),
    );
  return pass(id, title, t('doctor.continue.ok', { file }));
};

export const litellmInstall: CheckFn = (f) => {
  const id = 'litellm.installed';
  const title = t('doctor.litellm.title');
  if (f.litellmError !== undefined && !f.litellm)
    return warn(id, title, t('doctor.litellm.cannotTell', { error: f.litellmError }), INSTALL_LITELLM);
  const l = f.litellm!;
  if (!l.path)
    return warn(
      id,
      title,
      t('doctor.litellm.notFound', { tried: l.tried.join(', ') || t('doctor.litellm.nowhere') }),
      INSTALL_LITELLM,
    );
  const where = `${l.path}${l.source ? ` (${l.source})` : ''}`;
  if (l.compromised || (l.version !== undefined && isCompromised(l.version))) {
    return fail(
      id,
      title,
      t('doctor.litellm.malicious', { version: l.version ?? '?', where }),
      t('doctor.litellm.rotateFix', { hint: ROTATE_KEYS_HINT }),
    );
  }
  return pass(id, title, t('doctor.litellm.ok', { version: l.version ?? t('doctor.versionUnknown'), where }));
};

export const pythonVersion: CheckFn = (f) => {
  const id = 'python.version';
  const title = t('doctor.python.title', { min: MIN_PYTHON.replace(/\.0$/, '') });
  const install = isWin(f) ? INSTALL_PYTHON_WINDOWS : t('doctor.python.installFix');
  if (!f.python) {
    // LiteLLM already installed (its own venv) needs no Python on PATH.
    if (f.litellm?.path) return skip(id, title, t('doctor.python.notNeeded'));
    return fail(id, title, t('doctor.python.none'), install);
  }
  const { version, command } = f.python;
  if (!versionAtLeast(version, MIN_PYTHON))
    return fail(id, title, t('doctor.python.tooOld', { version, command }), install);
  if (version === '3.9.7') return warn(id, title, t('doctor.python.excluded'), install);
  return pass(id, title, t('doctor.python.ok', { version, command }));
};

export const proxyPort: CheckFn = (f) => {
  const id = 'proxy.port';
  const title = t('doctor.port.title');
  if (!f.config || !f.proxy) return skip(id, title, noConfig(f));
  const p = f.proxy;
  if (p.state === 'up' && p.healthy) return pass(id, title, t('doctor.port.up', { url: p.url, pid: p.pid }));
  if (p.state === 'up' || p.state === 'unhealthy')
    return fail(
      id,
      title,
      t('doctor.port.notReady', { url: p.url, detail: p.detail }),
      t('doctor.port.notReadyFix', { log: f.proxyLog }),
    );
  if (f.portFree === false)
    return fail(id, title, t('doctor.port.taken', { port: p.port, host: p.host }), t('doctor.port.takenFix'));
  return pass(id, title, t('doctor.port.free', { port: p.port }));
};

export const proxyExposure: CheckFn = (f) => {
  const id = 'proxy.exposure';
  const title = t('doctor.exposure.title');
  if (!f.config) return skip(id, title, noConfig(f));
  const host = f.config.proxy.host;
  if (isLoopback(host)) return pass(id, title, t('doctor.exposure.loopback', { host }));
  if (f.masterKey === undefined) {
    // A master key named in llmctl.yaml but not set is the user's to provide; without one sync generates it.
    const ref = f.config.proxy.masterKey ? parseKeyRef(f.config.proxy.masterKey) : undefined;
    const provide = !ref
      ? t('doctor.exposure.generate')
      : ref.kind === 'env'
        ? t('doctor.exposure.exportKey', {
            command: isWin(f) ? `setx ${ref.name} "…"` : `export ${ref.name}=…`,
          })
        : keysSet(ref.name);
    return fail(id, title, t('doctor.exposure.open', { host }), t('doctor.exposure.openFix', { provide }));
  }
  return pass(id, title, t('doctor.exposure.keyed', { host }));
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
  const title = t('doctor.systemProxy.title');
  const env = f.platform.env;
  const settingsEnv = claudeEnv(f);
  const lookup = (name: string) =>
    env[name] ?? env[name.toLowerCase()] ?? settingsEnv[name] ?? settingsEnv[name.toLowerCase()];
  const set = PROXY_VARS.filter((v) => lookup(v));
  if (!set.length) return pass(id, title, t('doctor.systemProxy.none'));
  const noProxy = lookup('NO_PROXY') ?? '';
  const host =
    f.config && !isLoopback(f.config.proxy.host) && f.config.proxy.host !== '0.0.0.0'
      ? f.config.proxy.host
      : '127.0.0.1';
  const vars = set.join(', ');
  if (coversLoopback(noProxy, host)) return pass(id, title, t('doctor.systemProxy.covered', { vars, host }));
  const value = mergeNoProxy(noProxy, LOOPBACK_HOSTS);
  const fix = isWin(f) ? t('doctor.systemProxy.setxFix', { value }) : t('doctor.systemProxy.exportFix', { value });
  return warn(id, title, t('doctor.systemProxy.notCovered', { vars, host }), fix);
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
  return plan?.conflicts.length ? t('doctor.claude.syncForceFix', { target }) : syncOnly(target);
}

export const claudeInstalled: CheckFn = (f) => {
  const id = 'claude.installed';
  const title = t('doctor.claudeInstalled.title');
  if (!claudeEnabled(f)) return skip(id, title, t('doctor.skip.claudeDisabled'));
  if (!f.claudeInstalled) return warn(id, title, t('doctor.claudeInstalled.notFound'), INSTALL_CLAUDE);
  // i18n-ignore: a product name and its version
  return pass(id, title, `Claude Code ${f.claudeVersion ?? t('doctor.versionUnknown')}`);
};

export const claudeSettings: CheckFn = (f) => {
  const id = 'claude.settings';
  const title = t('doctor.claudeSettings.title');
  if (!claudeEnabled(f)) return skip(id, title, t('doctor.skip.claudeDisabled'));
  if (!f.config) return skip(id, title, noConfig(f));
  const file = f.paths.claudeSettings;
  if (f.claudeSettingsText === null)
    return fail(id, title, t('doctor.claudeSettings.none', { file }), syncFix(f, 'claude'));
  if (f.claudeSettingsError)
    return fail(
      id,
      title,
      t('doctor.claudeSettings.badJson', { file, error: f.claudeSettingsError }),
      t('doctor.claudeSettings.badJsonFix'),
    );
  const finding = claudeSettingsProblem(f, claudeEnv(f), f.config.proxy);
  if (finding) return (finding.warn ? warn : fail)(id, title, finding.found, syncFix(f, 'claude'));
  return pass(id, title, t('doctor.claudeSettings.ok', { base: claudeEnv(f).ANTHROPIC_BASE_URL! }));
};

/** What is wrong with settings.json's env for talking to llmctl's proxy; undefined when nothing is. */
function claudeSettingsProblem(
  f: Facts,
  env: Record<string, string>,
  proxy: { host: string; port: number },
): { found: string; warn?: true } | undefined {
  const base = env.ANTHROPIC_BASE_URL;
  if (!base) return { found: t('doctor.claudeSettings.noBase') };
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    // reported below
  }
  const remote = f.config && isClientMode(f.config) ? proxyRoot(f.config) : undefined;
  const okHost = url && (isLoopback(url.hostname) || url.hostname === proxy.host);
  if (remote !== undefined) {
    if (base.replace(/\/+$/, '') !== remote)
      return { found: t('gateway.doctor.claudeElsewhere', { base, url: remote }) };
  } else if (!url || !okHost || Number(url.port || (url.protocol === 'https:' ? 443 : 80)) !== proxy.port)
    return { found: t('doctor.claudeSettings.elsewhere', { base, port: proxy.port }) };
  if (url && /\/v1\/?$/.test(url.pathname)) return { found: t('doctor.claudeSettings.endsInV1', { base }) };
  const token = env.ANTHROPIC_AUTH_TOKEN;
  if (!token)
    return env.ANTHROPIC_API_KEY
      ? { found: t('doctor.claudeSettings.apiKeyInstead'), warn: true }
      : { found: t('doctor.claudeSettings.noToken') };
  if (f.toolKey !== undefined && token !== f.toolKey) return { found: t('doctor.claudeSettings.wrongToken') };
  return undefined;
}

const CLAUDE_ALIASES: Record<string, string> = {
  sonnet: 'ANTHROPIC_DEFAULT_SONNET_MODEL',
  opus: 'ANTHROPIC_DEFAULT_OPUS_MODEL',
  haiku: 'ANTHROPIC_DEFAULT_HAIKU_MODEL',
  opusplan: 'ANTHROPIC_DEFAULT_OPUS_MODEL',
};

export const claudeModels: CheckFn = (f) => {
  const id = 'claude.models';
  const title = t('doctor.claudeModels.title');
  if (!claudeEnabled(f)) return skip(id, title, t('doctor.skip.claudeDisabled'));
  if (!f.config) return skip(id, title, noConfig(f));
  if (!f.claudeSettings) return skip(id, title, t('doctor.claudeModels.noSettings'));
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
  const fix = t('doctor.claudeModels.fix');
  // llmctl.yaml is valid, so what llmctl writes names only proxy models: a missing one was edited by hand.
  if (missing.length)
    return fail(
      id,
      title,
      t('doctor.claudeModels.missing', { list: missing.join(', ') }),
      t('doctor.claudeModels.forceFix', { fix }),
    );
  const unmapped: string[] = [];
  if (!asked[0]![1]) unmapped.push(t('doctor.claudeModels.noMain'));
  if (!asked[1]![1]) unmapped.push(t('doctor.claudeModels.noHaiku'));
  if (unmapped.length) return warn(id, title, t('doctor.claudeModels.unmapped', { list: unmapped.join(', ') }), fix);
  return pass(id, title, present.join(', '));
};

/**
 * Every check, in the order of the table. (Windows' own checks are added after these, in run.ts.)
 */
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
  // Client mode: no local proxy, so no LiteLLM, Python, port or exposure to check (src/doctor/client-mode.ts).
  ...[litellmInstall, pythonVersion, proxyPort, proxyConfigCurrent, proxyExposure].map(localProxyOnly),
  systemProxy,
  claudeInstalled,
  claudeSettings,
  claudeModels,
];

function quote(p: string): string {
  return /[\s'"$]/.test(p) ? `'${p.replace(/'/g, "'\\''")}'` : p;
}
