import { loadConfig } from '../config/load.js';
import { isClientMode } from '../config/master-key.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { ExitCode, LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { allWarnings, applySync, planSync, type SyncSession } from '../sync/engine.js';
import { color, log } from '../ui/log.js';
import { reportWarnings } from '../ui/summary.js';
import { recordProxyAddress } from '../proxy/address.js';
import { RESTART_COMMAND, restartRunning, runningProxy } from '../proxy/follow.js';
import { serveForeground } from './foreground.js';
import { prepareLaunch, recordOf, usableLitellm, type Launch } from '../proxy/launch.js';
import { removePidFile, writePidFile, type PidRecord } from '../proxy/pidfile.js';
import { stopTree } from '../proxy/process.js';
import { printAddresses, waitForStart } from '../proxy/ready.js';
import { assertPortFree, startProxy } from '../proxy/runner.js';
import { isLoopback, proxyUrl } from '../proxy/url.js';
import { prepareWebui, startWebuiAndWait, withWebuiForeground, type WebuiLaunch } from '../webui/serve.js';
import { instanceLogFile, instancePaths } from './instances.js';
import { ensureRedisLocal } from './redis-local.js';
import { checkInstanceOptions, workersFor, type ScaleOptions } from './scale.js';

/**
 * `llmctl serve`: the proxy's whole life, from the checks that can refuse (before a file is written)
 * through the config it reads to a detached start, a foreground run, or a restart of the running one.
 */
export interface ServeOptions extends ScaleOptions {
  port?: number;
  host?: string;
  detach?: boolean;
  restart?: boolean;
  /** Start Open WebUI next to the proxy (src/webui/serve.ts), on this port or tools.openwebui.port. */
  webui?: boolean;
  webuiPort?: number;
}

type Loaded = Awaited<ReturnType<typeof loadConfig>>;

// i18n-ignore: product names are never translated
const TOOL_NAMES: Record<string, string> = { continue: 'Continue', claude: 'Claude Code' };

export async function serve(platform: Platform, main: Paths, opts: ServeOptions = {}): Promise<number> {
  let loaded = await loadConfig(main.config);
  if (isClientMode(loaded.config)) {
    // Nothing is wrong: the gateway serves the tools. Exit 0, so a script that starts the proxy first works on.
    log.info(t('gateway.serve.remote', { url: proxyRoot(loaded.config) }));
    log.info(t('gateway.serve.remoteHint'));
    return ExitCode.ok;
  }
  checkInstanceOptions(opts);
  // A named instance has its own pid file; the main proxy's address (and the tools) stay as they are.
  const paths = opts.instance ? instancePaths(main, opts.instance) : main;
  const host = opts.host ?? loaded.config.proxy.host;
  const port = opts.port ?? loaded.config.proxy.port;

  // Everything that can refuse is checked before a file is written.
  const workers = workersFor(loaded.config, opts);
  const litellm = await usableLitellm(platform, paths);
  const running = await checkRunning(platform, paths, Boolean(opts.restart));
  if (!running || running.host !== host || running.port !== port) await assertPortFree(platform, host, port);
  const webui = opts.webui ? await prepareWebui(platform, paths, loaded, host, opts.webuiPort) : undefined;
  if (opts.redisLocal) loaded = await ensureRedisLocal(platform, main, loaded);
  const at = opts.instance ? loaded.config.proxy : { host, port };
  const session = await prepareConfig(platform, paths, loaded, at.host, at.port);

  if (running) {
    await restartRunning(platform, paths, session, running);
    return ExitCode.ok;
  }
  const l = await prepareLaunch(platform, paths, session, { host, port, workers }, litellm);
  if (opts.instance) l.logFile = instanceLogFile(main, opts.instance);
  if (webui) return serveWithWebui(platform, paths, l, webui, Boolean(opts.detach));
  return opts.detach ? serveDetached(platform, paths, l) : serveForeground(platform, paths, l);
}

/** The proxy as usual, Open WebUI after it (detached) or beside it (foreground). */
async function serveWithWebui(
  platform: Platform,
  paths: Paths,
  l: Launch,
  webui: WebuiLaunch,
  detach: boolean,
): Promise<number> {
  if (!detach) return withWebuiForeground(platform, paths, webui, () => serveForeground(platform, paths, l));
  const code = await serveDetached(platform, paths, l);
  await startWebuiAndWait(platform, paths, webui);
  return code;
}

/** The proxy `--restart` restarts; refuses a second serve, and `--restart` with nothing to restart. */
async function checkRunning(platform: Platform, paths: Paths, restart: boolean): Promise<PidRecord | undefined> {
  const running = await runningProxy(platform, paths);
  if (restart && !running) {
    throw new LlmctlError(t('proxy.serve.notRunning'), { hint: t('proxy.serve.notRunningHint') });
  }
  if (running && !restart) {
    throw new LlmctlError(
      t('proxy.serve.alreadyRunning', { pid: running.pid, url: proxyUrl(running.host, running.port) }),
      {
        hint: t('proxy.serve.alreadyRunningHint', { command: RESTART_COMMAND }),
      },
    );
  }
  if (!running) await removePidFile(paths.pidFile);
  return running;
}

/**
 * Records a new address (llmctl.yaml, then every target so the tools follow) and writes the LiteLLM
 * config; says which tools really changed.
 */
async function prepareConfig(
  platform: Platform,
  paths: Paths,
  loaded: Loaded,
  host: string,
  port: number,
): Promise<SyncSession> {
  const readdress = host !== loaded.config.proxy.host || port !== loaded.config.proxy.port;
  // Plans (and so checks keys) before llmctl.yaml is touched.
  let session = await planSync(platform, paths, { only: ['litellm'] }, loaded);
  if (!isLoopback(host) && !session.ctx.masterKey) {
    throw new LlmctlError(t('proxy.serve.noMasterKey', { host }), { hint: t('proxy.serve.noMasterKeyHint') });
  }
  let now = loaded;
  if (readdress) {
    now = await recordAddress(paths, loaded, host, port);
    // Every target, so Continue and Claude Code follow the proxy to its new address.
    session = await planSync(platform, paths, {}, now);
  }
  reportWarnings([...now.warnings, ...session.keyWarnings, ...allWarnings(session.plans)]);
  // i18n-ignore: the backup's reason, a record kept in the backup manifest
  const applied = await applySync(session, readdress ? 'serve: new proxy address' : 'serve');
  for (const f of applied.written)
    log.success(
      t(f.before === null ? 'proxy.serve.created' : 'proxy.serve.updated', {
        label: f.label,
        path: color.path(f.path),
      }),
    );
  if (readdress) reportMovedTools(session, applied.written, proxyUrl(host, port));
  return session;
}

/** Writes the new host/port into llmctl.yaml and reads it back. */
async function recordAddress(paths: Paths, loaded: Loaded, host: string, port: number): Promise<Loaded> {
  await recordProxyAddress(paths, loaded.file, {
    ...(host !== loaded.config.proxy.host ? { host } : {}),
    ...(port !== loaded.config.proxy.port ? { port } : {}),
  });
  log.info(t('proxy.serve.recorded', { address: color.bold(`${host}:${port}`), file: color.path(loaded.file) }));
  return loadConfig(paths.config);
}

/** Only a tool whose file changed has moved: a wildcard bind keeps them on the loopback URL. */
function reportMovedTools(session: SyncSession, written: { path: string }[], url: string): void {
  const tools = session.plans.filter((p) => p.target !== 'litellm');
  // By path: what the transaction reports written are its own records, not the plan's objects.
  const wrote = (p: (typeof tools)[number]) => p.files.some((f) => written.some((w) => w.path === f.path));
  const moved = tools.filter(wrote).map((p) => TOOL_NAMES[p.target] ?? p.target);
  const same = tools.filter((p) => !wrote(p)).map((p) => TOOL_NAMES[p.target] ?? p.target);
  const and = t('proxy.join.and');
  if (moved.length) log.info(t('proxy.serve.toolsMoved', { tools: moved.join(and), n: moved.length, url }));
  if (same.length) log.info(t('proxy.serve.toolsSame', { tools: same.join(and), n: same.length, url }));
}

async function serveDetached(platform: Platform, paths: Paths, l: Launch): Promise<number> {
  const proxy = await startProxy(platform, l.cmd, { detach: true, logFile: l.logFile });
  await writePidFile(paths.pidFile, recordOf(l, proxy.pid));
  try {
    await waitForStart(proxy, l, l.logFile);
  } catch (e) {
    // A proxy that never became ready is not left running in the background.
    await stopTree(platform, proxy.pid, 5_000);
    await removePidFile(paths.pidFile);
    throw e;
  }
  printAddresses(l, proxy.pid);
  log.info(color.dim(t('proxy.start.detachedLogs', { file: l.logFile })));
  return ExitCode.ok;
}
