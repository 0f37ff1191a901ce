import { promises as fs } from 'node:fs';
import net from 'node:net';
import type { LoadedConfig, Validation } from '../config/load.js';
import type { Preset } from '../config/presets.js';
import type { LlmctlConfig } from '../config/schema.js';
import { readTextIfExists } from '../fs/atomic.js';
import { t } from '../i18n/index.js';
import type { GitBashResult } from '../platform/git-bash.js';
import type { Platform, RunResult } from '../platform/index.js';
import { expandWindowsEnv, regQuery, whereExe } from '../platform/windows.js';
import type { Paths } from '../platform/paths.js';
import type { ResolvedLitellm } from '../proxy/resolve.js';
import type { ProxyStatus } from '../proxy/status.js';
import { resolveKeyRef } from '../secrets/refs.js';
import type { SecretStore } from '../secrets/store.js';
import type { SyncSession } from '../sync/engine.js';
import { jsonc, yaml } from '../deps.js';
import path from 'node:path';
import { jsonDuplicateKeys, yamlDuplicateKeys, type DuplicateKey } from '../targets/duplicate-keys.js';
import { isStackOverflow } from '../targets/read-tool-file.js';

/**
 * `key`: a file holding a key (0600). `code-dir`: a folder LiteLLM imports llmctl_auth.py from, and
 * `code`: that module — writable by another user means that user's code runs as this one.
 */
export interface ModeFact {
  path: string;
  kind: 'key' | 'code-dir' | 'code';
  mode: number;
  /** A key file with something in it (an empty .env holds nothing). */
  nonEmpty: boolean;
}

/** Which LiteLLM `serve` would run (src/proxy/resolve.ts). */
export type LitellmResolution = ResolvedLitellm;

/** Everything doctor looks at, gathered once; the checks are pure functions of it. */
export interface Facts {
  platform: Platform;
  paths: Paths;
  nodeVersion: string;
  configText: string | null;
  validation?: Validation;
  /** Set when llmctl.yaml is valid. */
  config?: LlmctlConfig;
  presets?: Map<string, Preset>;
  secrets?: SecretStore;
  secretsError?: string;
  /** POSIX permission bits of the secrets file (undefined when it does not exist). */
  secretsMode?: number;
  masterKey?: string;
  /** The key the tools send: the master key, or in client mode the user's key for the gateway. */
  toolKey?: string;
  session?: SyncSession;
  sessionError?: string;
  continueText: string | null;
  continueDoc?: unknown;
  continueParseError?: string;
  claudeSettingsText: string | null;
  claudeSettings?: Record<string, unknown>;
  claudeSettingsError?: string;
  /** POSIX modes of the files and folders whose looseness leaks a key or lets another user run code. */
  modes: ModeFact[];
  /** Duplicate keys where llmctl edits, per file (the detector sync refuses with). */
  duplicateKeys: { file: string; dups: DuplicateKey[] }[];
  /** `claude --version` ran and printed a version. */
  claudeVersion?: string;
  claudeInstalled: boolean;
  litellm?: LitellmResolution;
  litellmError?: string;
  python?: { command: string; version: string };
  proxy?: ProxyStatus;
  /**
   * Where the proxy's output is: its log file, or the terminal of a foreground `llmctl serve` (which has no log file).
   */
  proxyLog: string;
  /** The configured port could be bound (nothing listens there). */
  portFree?: boolean;
  gitBash?: GitBashResult;
  /**
   * CLAUDE_CODE_GIT_BASH_PATH as saved for the user (HKCU\Environment,
   * what setx writes): what newly started GUI apps see.
   */
  savedUserEnvGitBash?: string;
}

/** Gathers every fact, step by step; each step adds to `f` what its checks need. */
export async function gatherFacts(
  platform: Platform,
  paths: Paths,
  nodeVersion = process.versions.node,
): Promise<Facts> {
  const f: Facts = {
    platform,
    paths,
    nodeVersion,
    configText: await readTextIfExists(paths.config),
    continueText: await readTextIfExists(paths.continueConfig),
    claudeSettingsText: await readTextIfExists(paths.claudeSettings),
    claudeInstalled: false,
    duplicateKeys: [],
    modes: [],
    // Where a detached serve writes; replaced below by what the running proxy's record says.
    proxyLog: platform.path.join(paths.logs, 'proxy.log'),
  };
  await readConfig(f);
  await readSecrets(f);
  readContinueConfig(f);
  readClaudeSettings(f);
  f.duplicateKeys = findDuplicateKeys(f);
  f.modes = await gatherModes(paths);
  await findPrograms(f);
  await proxyFacts(f);
  if (platform.os === 'win32') await windowsFacts(f);
  return f;
}

/** llmctl.yaml, validated against the presets; `config` only when it is valid. */
async function readConfig(f: Facts): Promise<void> {
  if (f.configText === null) return;
  const { validateConfigText } = await import('../config/load.js');
  const { loadPresets } = await import('../config/presets.js');
  f.presets = await loadPresets();
  f.validation = await validateConfigText(f.configText, f.paths.config, f.presets);
  if (!f.validation.errors.length && f.validation.config) f.config = f.validation.config;
}

/** The secrets file (its mode, its keys), the master key and the sync plan that needs them. */
async function readSecrets(f: Facts): Promise<void> {
  try {
    f.secretsMode = (await fs.stat(f.paths.secrets)).mode & 0o777;
  } catch {
    // No secrets file yet: nothing to protect.
  }
  try {
    const { SecretStore } = await import('../secrets/store.js');
    // Permissions are a check of their own; reading must not stop the other checks.
    f.secrets = await SecretStore.open(f.paths.secrets, { checkMode: false });
  } catch (e) {
    f.secretsError = e instanceof Error ? e.message : String(e);
  }
  if (f.config && !f.secrets) f.sessionError = f.secretsError ?? t('doctor.secrets.unreadable');
  if (f.config && f.secrets) {
    const { isClientMode, masterKeyRef, toolKeyRef } = await import('../config/master-key.js');
    const client = isClientMode(f.config);
    if (!client) f.masterKey = resolveKeyRef(masterKeyRef(f.config), f.secrets, f.platform.env);
    f.toolKey = resolveKeyRef(toolKeyRef(f.config), f.secrets, f.platform.env);
    f.session = await planTargets(f.platform, f.paths, f);
    // Client mode: the models are the gateway's (or llmctl.yaml's list of them), as sync sees them.
    if (client && f.session) f.config = f.session.ctx.config;
  }
}

function readContinueConfig(f: Facts): void {
  if (f.continueText === null) return;
  const { parseDocument } = yaml();
  try {
    const doc = parseDocument(f.continueText);
    if (doc.errors.length) f.continueParseError = doc.errors[0]!.message.split('\n')[0]!;
    else f.continueDoc = doc.toJS();
  } catch (e) {
    // A document nested thousands of levels deep overflows the parser: a finding, not a crash.
    if (!isStackOverflow(e)) throw e;
    f.continueParseError = t('doctor.facts.tooDeep');
  }
}

function readClaudeSettings(f: Facts): void {
  if (f.claudeSettingsText === null) return;
  try {
    const { parse } = jsonc();
    const v: unknown = parse(f.claudeSettingsText, [], { allowTrailingComma: true });
    if (v && typeof v === 'object' && !Array.isArray(v)) f.claudeSettings = v as Record<string, unknown>;
    else f.claudeSettingsError = t('doctor.facts.notObject');
  } catch (e) {
    f.claudeSettingsError = isStackOverflow(e) ? t('doctor.facts.tooDeep') : e instanceof Error ? e.message : String(e);
  }
}

/** Claude Code, the LiteLLM `serve` would run and Python, looked for at the same time. */
async function findPrograms(f: Facts): Promise<void> {
  const [claude, litellm, python] = await Promise.all([
    claudeVersion(f.platform),
    resolveLitellmSafe(f.platform, f.paths),
    findPython(f.platform, f.paths),
  ]);
  f.claudeInstalled = claude.installed;
  if (claude.version) f.claudeVersion = claude.version;
  if (litellm.result) f.litellm = litellm.result;
  if (litellm.error) f.litellmError = litellm.error;
  if (python) f.python = python;
}

/** The proxy llmctl runs: its state, where its output goes, and whether its port is free. */
async function proxyFacts(f: Facts): Promise<void> {
  if (!f.config) return;
  const { proxyStatus } = await import('../proxy/status.js');
  f.proxy = await proxyStatus(f.paths, f.config);
  const { logPlace, readPidFile } = await import('../proxy/pidfile.js');
  const rec = await readPidFile(f.paths.pidFile);
  if (rec) f.proxyLog = logPlace(rec);
  if (f.proxy.state === 'down') f.portFree = await portIsFree(f.config.proxy.host, f.config.proxy.port);
}

/** Git Bash and the CLAUDE_CODE_GIT_BASH_PATH saved for the user (Windows only). */
async function windowsFacts(f: Facts): Promise<void> {
  const { findGitBash } = await import('../platform/git-bash.js');
  f.gitBash = await findGitBash(f.platform, f.config?.tools.claude.gitBashPath);
  const saved = await regQuery(f.platform, 'HKCU\\Environment', 'CLAUDE_CODE_GIT_BASH_PATH');
  if (saved) f.savedUserEnvGitBash = expandWindowsEnv(saved, f.platform.env);
}

async function planTargets(platform: Platform, paths: Paths, f: Facts): Promise<SyncSession | undefined> {
  try {
    const { planSync } = await import('../sync/engine.js');
    const { loadConfig } = await import('../config/load.js');
    const loaded: LoadedConfig = await loadConfig(paths.config);
    return await planSync(platform, paths, {}, loaded);
  } catch (e) {
    const err = e as { message?: string; problems?: { message: string }[]; hint?: string };
    const first = err.problems?.[0]?.message;
    f.sessionError = `${err.message ?? String(e)}${first ? `: ${first}` : ''}`;
    return undefined;
  }
}

export async function claudeVersion(p: Platform): Promise<{ installed: boolean; version?: string; path?: string }> {
  const parse = (r: RunResult) => /(\d+\.\d+\.\d+)/.exec(`${r.stdout}\n${r.stderr}`)?.[1];
  const r = await p.run('claude', ['--version'], { timeoutMs: 15_000 });
  if (!r.error && r.code !== null) {
    const version = parse(r);
    return version ? { installed: true, version } : { installed: r.code === 0 };
  }
  if (p.os !== 'win32') return { installed: false };
  // npm installs claude.cmd, which Node cannot start without a shell (EINVAL since the 2024 fix):
  // find it with where.exe; run claude.exe directly, a .cmd through cmd.exe by name (plain tokens, so
  // no quoting rules of cmd.exe come into play).
  const hits = await whereExe(p, 'claude');
  const exe = hits.find((h) => /\.exe$/i.test(h));
  const cmd = hits.find((h) => /\.(cmd|bat)$/i.test(h));
  const run = exe
    ? await p.run(exe, ['--version'], { timeoutMs: 15_000 })
    : cmd
      ? await p.run('cmd.exe', ['/d', '/c', 'claude', '--version'], { timeoutMs: 15_000 })
      : undefined;
  if (!run || run.error || run.code === null) return { installed: hits.length > 0 };
  const version = parse(run);
  return { installed: true, ...(version ? { version } : {}), path: exe ?? cmd! };
}

async function resolveLitellmSafe(p: Platform, paths: Paths): Promise<{ result?: LitellmResolution; error?: string }> {
  try {
    const { resolveLitellm } = await import('../proxy/resolve.js');
    return { result: await resolveLitellm(p, paths) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The Python `llmctl proxy install` would use: the managed venv's, else the one on PATH. */
export async function findPython(p: Platform, paths: Paths): Promise<{ command: string; version: string } | undefined> {
  const w = p.path;
  const venvPython =
    p.os === 'win32' ? w.join(paths.venv, 'Scripts', 'python.exe') : w.join(paths.venv, 'bin', 'python');
  const tries: [string, string[]][] = [
    ...(p.exists(venvPython) ? [[venvPython, ['--version']] as [string, string[]]] : []),
    ...(p.os === 'win32'
      ? ([
          ['py', ['-3', '--version']],
          ['python', ['--version']],
        ] as [string, string[]][])
      : ([
          ['python3', ['--version']],
          ['python', ['--version']],
        ] as [string, string[]][])),
  ];
  for (const [cmd, args] of tries) {
    const r = await p.run(cmd, args, { timeoutMs: 10_000 });
    const m = /Python (\d+\.\d+(?:\.\d+)?)/.exec(`${r.stdout}\n${r.stderr}`);
    if (r.code === 0 && m)
      return { command: [cmd, ...args.filter((a) => a !== '--version')].join(' '), version: m[1]! };
  }
  return undefined;
}

export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** The same detector as sync: Claude Code's settings.json and Continue's config.yaml, where llmctl edits. */
function findDuplicateKeys(f: Facts): Facts['duplicateKeys'] {
  const out: Facts['duplicateKeys'] = [];
  const add = (file: string, find: () => DuplicateKey[]) => {
    try {
      const dups = find();
      if (dups.length) out.push({ file, dups });
    } catch {
      // A file that does not parse is reported by its own check.
    }
  };
  if (f.claudeSettingsText !== null) add(f.paths.claudeSettings, () => jsonDuplicateKeys(f.claudeSettingsText!));
  if (f.continueText !== null) {
    const body = f.continueText.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const managed = new Set(f.config?.models.map((m) => m.name) ?? []);
    add(f.paths.continueConfig, () =>
      yamlDuplicateKeys(yaml().parseDocument(body, { uniqueKeys: false }), body, managed),
    );
  }
  return out;
}

async function gatherModes(paths: Paths): Promise<ModeFact[]> {
  const { AUTH_MODULE } = await import('../targets/litellm.js');
  const authDir = path.dirname(paths.litellmConfig);
  const wanted: [string, ModeFact['kind']][] = [
    [paths.claudeSettings, 'key'],
    [paths.continueEnv, 'key'],
    [paths.home, 'code-dir'],
    ...(authDir !== paths.home ? [[authDir, 'code-dir'] as [string, ModeFact['kind']]] : []),
    [path.join(authDir, `${AUTH_MODULE}.py`), 'code'],
  ];
  const out: ModeFact[] = [];
  for (const [p, kind] of wanted) {
    try {
      const st = await fs.stat(p);
      out.push({ path: p, kind, mode: st.mode & 0o777, nonEmpty: st.size > 0 });
    } catch {
      // Not there: nothing to protect.
    }
  }
  return out;
}
