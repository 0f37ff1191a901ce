import { closeSync, openSync, promises as fs } from 'node:fs';
import { createServer } from 'node:net';
import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { pickEnv, runtimeEnvAllowList } from '../platform/env.js';
import { MASTER_KEY_ENV, envNameFor, keyRefsInConfig, osEnvironNamesInConfig, resolveKeyRef } from '../secrets/refs.js';
import type { SecretStore } from '../secrets/store.js';
import { probe } from './health.js';
import { portOwner } from './process.js';
import { LOOPBACK_HOSTS, mergeNoProxy } from './url.js';
import { ensureDir } from '../fs/dir.js';

/**
 * One uvicorn worker by default. With more (`serve --workers`, proxy.workers), LiteLLM's rate limits,
 * cooldowns and caches live per worker (each counts on its own) unless Redis is configured: serve
 * refuses that (src/serve/scale.ts); a local gateway for one person does not need more.
 */
export const NUM_WORKERS = 1;

/**
 * With several workers uvicorn kills one that does not answer its health check within this many
 * seconds (uvicorn's default is 5): LiteLLM's import alone takes longer on a busy machine, and the
 * workers were then killed and started again forever. Passed only with more than one worker.
 */
export const WORKER_HEALTHCHECK_SECONDS = 180;

export interface ProxyCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Key references whose value is not set (their models will fail with 401 upstream). */
  missing: string[];
}

/**
 * The LiteLLM command as data. Keys go into the environment only (argv is visible to every user of
 * the machine through ps and /proc): each key under the name the generated config reads.
 *
 * The environment is built from an allow-list, never the whole shell: what LiteLLM needs to run
 * (src/platform/env.ts), the keys llmctl.yaml references and the `os.environ/` variables it names.
 * LiteLLM reads provider keys from its environment on its own (OPENAI_API_KEY, AWS_*…), so any other
 * key in the shell could be sent to an upstream that has none of its own.
 */
export function proxyCommand(
  exe: string,
  o: {
    configFile: string;
    host: string;
    port: number;
    config: LlmctlConfig;
    secrets: SecretStore;
    baseEnv: NodeJS.ProcessEnv;
    masterKey: string;
    os?: NodeJS.Platform;
    workers?: number;
  },
): ProxyCommand {
  const env = pickEnv(o.baseEnv, runtimeEnvAllowList(o.os ?? process.platform), osEnvironNamesInConfig(o.config));
  const missing: string[] = [];
  for (const { ref, usedBy } of keyRefsInConfig(o.config)) {
    // The master key is set below; proxy.key is for a gateway someone else runs, never this one.
    if (usedBy === 'proxy.masterKey' || usedBy === 'proxy.key') continue;
    const value = resolveKeyRef(ref, o.secrets, o.baseEnv);
    if (value === undefined) missing.push(ref);
    else env[envNameFor(ref)] = value;
  }
  env[MASTER_KEY_ENV] = o.masterKey;
  // Without it LiteLLM downloads a price map from GitHub at start, and hangs behind a firewall.
  env.LITELLM_LOCAL_MODEL_COST_MAP = 'True';
  env.NO_PROXY = mergeNoProxy(o.baseEnv.NO_PROXY ?? o.baseEnv.no_proxy, LOOPBACK_HOSTS);
  env.no_proxy = env.NO_PROXY;
  // Python buffers stdout into a pipe or file: the log would lag behind what the proxy does.
  env.PYTHONUNBUFFERED = '1';
  return {
    command: exe,
    args: [
      '--config',
      o.configFile,
      '--port',
      String(o.port),
      '--host',
      o.host,
      '--num_workers',
      String(o.workers ?? NUM_WORKERS),
      ...workerArgs(o.workers),
    ],
    env,
    missing: [...new Set(missing)],
  };
}

function workerArgs(workers: number | undefined): string[] {
  return (workers ?? NUM_WORKERS) > 1 ? ['--timeout_worker_healthcheck', String(WORKER_HEALTHCHECK_SECONDS)] : [];
}

/** Tries to listen on the address: undefined when that works (and the port is released again). */
export function listenError(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', (e: NodeJS.ErrnoException) => resolve(e));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(undefined)));
  });
}

/** Refuses early, with the port and its owner, instead of letting LiteLLM die on bind. */
export async function assertPortFree(platform: Platform, host: string, port: number): Promise<void> {
  const err = await listenError(host, port);
  if (!err) return;
  if (err.code === 'EADDRINUSE') {
    const owner = await portOwner(platform, port);
    throw new LlmctlError(t('proxy.port.inUse', { port, ...(owner ? { owner } : {}) }), {
      hint: t('proxy.port.inUseHint', { other: port === 4000 ? 4001 : 4000 }),
    });
  }
  if (err.code === 'EACCES')
    throw new LlmctlError(t('proxy.port.denied', { port }), { hint: t('proxy.port.deniedHint') });
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
    throw new LlmctlError(t('proxy.port.notHere', { host }), { hint: t('proxy.port.notHereHint') });
  throw new LlmctlError(t('proxy.port.cannotListen', { address: `${host}:${port}`, message: err.message }));
}

/** A guess at why LiteLLM stopped during start, from the end of its log. */
export function likelyCause(lines: string[], port: number): string | undefined {
  const text = lines.join('\n');
  const rules: [RegExp, () => string][] = [
    [
      /address already in use|Errno 98|Errno 48|error while attempting to bind/i,
      () => t('proxy.cause.portTaken', { port }),
    ],
    [/Missing dependency|No module named|ModuleNotFoundError|ImportError/i, () => t('proxy.cause.incomplete')],
    [/yaml\.|ScannerError|ParserError|ConstructorError/i, () => t('proxy.cause.yaml')],
    [/master_key|master key/i, () => t('proxy.cause.masterKey')],
    [/Cannot assign requested address|Errno 99/i, () => t('proxy.cause.badHost')],
    [/Permission denied|Errno 13/i, () => t('proxy.cause.permission')],
    [/DATABASE_URL|prisma/i, () => t('proxy.cause.database')],
    [/os\.environ\/\w+.*(not set|None)|environment variable/i, () => t('proxy.cause.envVar')],
  ];
  for (const [re, why] of rules) if (re.test(text)) return why();
  return undefined;
}

export interface RunningProxy {
  pid: number;
  /** Resolves when LiteLLM exits: its exit code, or 128 + signal number. */
  exited: Promise<{ code: number; signal?: string }>;
  /** The last lines of its output (kept in memory, or read from the log file when detached). */
  tail(n?: number): Promise<string[]>;
  /** Only foreground: where output goes after start. */
  setSink?(sink: ((chunk: string) => void) | undefined): void;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

/**
 * Starts LiteLLM. It gets its own process group (POSIX) so that stopping it reaches every worker it
 * forks and a Ctrl-C in the terminal goes to llmctl, which then stops the whole group.
 */
export async function startProxy(
  platform: Platform,
  cmd: ProxyCommand,
  o: { detach: boolean; logFile: string },
): Promise<RunningProxy> {
  return o.detach ? startDetached(platform, cmd, o.logFile) : startAttached(platform, cmd);
}

/**
 * node's spawn, not execa: the log file's descriptor goes straight to LiteLLM, so it keeps writing
 * after llmctl has exited (a pipe through llmctl would break).
 */
async function startDetached(platform: Platform, cmd: ProxyCommand, logFile: string): Promise<RunningProxy> {
  await ensureDir(platform.path.dirname(logFile));
  const fd = openSync(logFile, 'w', 0o600);
  const { spawn } = await import('node:child_process');
  const child = spawn(cmd.command, cmd.args, {
    env: cmd.env,
    detached: true,
    stdio: ['ignore', fd, fd],
    windowsHide: true,
  });
  closeSync(fd);
  const exited = exitOf(child);
  child.unref();
  if (!child.pid) throw await spawnError(exited, cmd);
  return {
    pid: child.pid,
    exited,
    tail: async (n = 20) => lastLines(await fs.readFile(logFile, 'utf8').catch(() => ''), n),
  };
}

/** Output kept in memory (the last 200 lines) and handed to a sink once the proxy is up. */
async function startAttached(platform: Platform, cmd: ProxyCommand): Promise<RunningProxy> {
  const { execa } = await import('execa');
  const child = execa(cmd.command, cmd.args, {
    env: cmd.env,
    extendEnv: false,
    detached: platform.os !== 'win32',
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    reject: false,
    buffer: false,
    windowsHide: true,
  });
  const exited = exitOf(child);
  if (!child.pid) throw await spawnError(exited, cmd);
  const ring: string[] = [];
  let sink: ((chunk: string) => void) | undefined;
  const onData = (b: Buffer) => {
    const s = b.toString('utf8');
    ring.push(...s.split(/\r?\n/).filter(Boolean));
    if (ring.length > 200) ring.splice(0, ring.length - 200);
    sink?.(s);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    pid: child.pid,
    exited,
    tail: async (n = 20) => ring.slice(-n),
    setSink: (s) => {
      sink = s;
    },
  };
}

function exitOf(
  child: import('node:child_process').ChildProcess & { catch?: (f: () => void) => unknown },
): Promise<{ code: number; signal?: string; error?: string }> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 + (SIGNALS[signal] ?? 0) : 1), ...(signal ? { signal } : {}) }),
    );
    child.once('error', (e) => resolve({ code: 127, error: e.message }));
    // execa's own promise: keep it from turning into an unhandled rejection.
    child.catch?.(() => {});
  });
}

async function spawnError(exited: Promise<{ code: number; error?: string }>, cmd: ProxyCommand): Promise<LlmctlError> {
  const r = (await exited) as { error?: string };
  return new LlmctlError(t('proxy.spawn.failed', { command: cmd.command, ...(r.error ? { error: r.error } : {}) }), {
    hint: t('proxy.spawn.failedHint'),
  });
}

function lastLines(text: string, n: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(-n);
}

export type WaitOutcome =
  { ok: true; ms: number } | { ok: false; reason: 'exited'; code: number } | { ok: false; reason: 'timeout' };

/**
 * Polls liveliness, then readiness, until both answer 200; gives up when LiteLLM exits or the time
 * runs out. A short interval matters: the start time users see includes half of it on average.
 */
export async function waitHealthy(
  url: string,
  proxy: Pick<RunningProxy, 'exited'>,
  o: { timeoutMs: number; intervalMs?: number; onPhase?: (p: 'liveliness' | 'readiness') => void },
): Promise<WaitOutcome> {
  const started = Date.now();
  let exit: { code: number } | undefined;
  void proxy.exited.then((e) => {
    exit = e;
  });
  const interval = o.intervalMs ?? 100;
  for (const phase of ['liveliness', 'readiness'] as const) {
    o.onPhase?.(phase);
    for (;;) {
      if (exit) return { ok: false, reason: 'exited', code: exit.code };
      if (Date.now() - started > o.timeoutMs) return { ok: false, reason: 'timeout' };
      if ((await probe(url, phase, 1_000)).ok) break;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
  return { ok: true, ms: Date.now() - started };
}
