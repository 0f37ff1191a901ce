import { networkInterfaces } from 'node:os';
import type { Context } from '../context.js';
import { loadConfig } from '../config/load.js';
import { ExitCode, LlmctlError, formatProblem } from '../errors.js';
import { recordProxyAddress } from '../proxy/address.js';
import { RESTART_COMMAND, downtimeText, restartRunning, runningProxy } from '../proxy/follow.js';
import { START_TIMEOUT_MS, prepareLaunch, recordOf, usableLitellm, type Launch } from '../proxy/launch.js';
import { isLoopback, lanAddresses, proxyUrl } from '../proxy/url.js';
import { readPidFile, removePidFile, writePidFile, type PidRecord } from '../proxy/pidfile.js';
import { groupMembers, killTree, stopTree } from '../proxy/process.js';
import { replaceProxy } from '../proxy/restart.js';
import { assertPortFree, likelyCause, startProxy, waitHealthy, type RunningProxy } from '../proxy/runner.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { allWarnings, applySync, planSync, type SyncSession } from '../sync/engine.js';
import { color, log, uiOptions } from '../ui/log.js';
import { reportWarnings } from '../ui/summary.js';
import { spinner } from '../ui/spinner.js';

interface Options {
  port?: number;
  host?: string;
  detach?: boolean;
  restart?: boolean;
}

const TOOL_NAMES: Record<string, string> = { continue: 'Continue', claude: 'Claude Code' };

export async function run(ctx: Context, opts: Options = {}): Promise<number> {
  const { platform, paths } = ctx;
  const loaded = await loadConfig(paths.config);
  const host = opts.host ?? loaded.config.proxy.host;
  const port = opts.port ?? loaded.config.proxy.port;

  // Everything that can refuse is checked before a file is written.
  const litellm = await usableLitellm(platform, paths);
  const running = await runningProxy(platform, paths);
  if (opts.restart && !running) {
    throw new LlmctlError('no proxy started by `llmctl serve` is running', {
      hint: 'start one with `llmctl serve --detach` (or `llmctl serve` in a terminal of its own)',
    });
  }
  if (running && !opts.restart) {
    throw new LlmctlError(
      `a proxy started by llmctl is already running (pid ${running.pid}, ${proxyUrl(running.host, running.port)})`,
      { hint: `\`${RESTART_COMMAND}\` restarts it with the current config; \`llmctl stop\` stops it` },
    );
  }
  if (!running) await removePidFile(paths.pidFile);
  if (!running || running.host !== host || running.port !== port) await assertPortFree(platform, host, port);
  const session = await prepareConfig(ctx, loaded, host, port);

  if (running) {
    await restartRunning(platform, paths, session, running);
    return ExitCode.ok;
  }
  const l = await prepareLaunch(platform, paths, session, { host, port }, litellm);
  return opts.detach ? serveDetached(platform, paths, l) : serveForeground(platform, paths, l);
}

/**
 * Records a new address (llmctl.yaml, then every target so the tools follow) and writes the LiteLLM
 * config; says which tools really changed.
 */
async function prepareConfig(
  ctx: Context,
  loaded: Awaited<ReturnType<typeof loadConfig>>,
  host: string,
  port: number,
): Promise<SyncSession> {
  const { platform, paths } = ctx;
  const readdress = host !== loaded.config.proxy.host || port !== loaded.config.proxy.port;
  // Plans (and so checks keys) before llmctl.yaml is touched.
  let session = await planSync(platform, paths, { only: ['litellm'] }, loaded);
  if (!isLoopback(host) && !session.ctx.masterKey) {
    throw new LlmctlError(
      `refusing to listen on ${host} without a proxy master key: anyone on the network could use your providers' keys`,
      { hint: 'set proxy.masterKey (secret:proxy is generated for you) or use --host 127.0.0.1' },
    );
  }
  let now = loaded;
  if (readdress) {
    await recordProxyAddress(paths, loaded.file, {
      ...(host !== loaded.config.proxy.host ? { host } : {}),
      ...(port !== loaded.config.proxy.port ? { port } : {}),
    });
    log.info(
      `Recorded the proxy address ${color.bold(`${host}:${port}`)} in ${color.path(loaded.file)} (the next \`llmctl serve\` uses it too).`,
    );
    now = await loadConfig(paths.config);
    // Every target, so Continue and Claude Code follow the proxy to its new address.
    session = await planSync(platform, paths, {}, now);
  }
  reportWarnings([...now.warnings, ...session.keyWarnings, ...allWarnings(session.plans)]);
  const applied = await applySync(session, readdress ? 'serve: new proxy address' : 'serve');
  for (const f of applied.written)
    log.success(`${f.before === null ? 'created' : 'updated'} ${f.label}: ${color.path(f.path)}`);
  if (readdress) {
    // Only a tool whose file changed has moved: a wildcard bind keeps them on the loopback URL.
    const tools = session.plans.filter((p) => p.target !== 'litellm');
    // By path: what the transaction reports written are its own records, not the plan's objects.
    const wrote = (p: (typeof tools)[number]) => p.files.some((f) => applied.written.some((w) => w.path === f.path));
    const moved = tools.filter(wrote).map((p) => TOOL_NAMES[p.target] ?? p.target);
    const same = tools.filter((p) => !wrote(p)).map((p) => TOOL_NAMES[p.target] ?? p.target);
    const url = proxyUrl(host, port);
    if (moved.length) log.info(`${moved.join(' and ')} now point${moved.length === 1 ? 's' : ''} at ${url}.`);
    if (same.length)
      log.info(
        `${same.join(' and ')} ${same.length === 1 ? 'is' : 'are'} unchanged (${same.length === 1 ? 'it reaches' : 'they reach'} the proxy at ${url}).`,
      );
  }
  return session;
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
  printAddresses(l, `pid ${proxy.pid}`);
  log.info(color.dim(`Logs: ${l.logFile}. Stop with \`llmctl stop\`.`));
  return ExitCode.ok;
}

/**
 * Foreground: Ctrl-C / SIGTERM reach llmctl (LiteLLM has its own process group) and llmctl stops the
 * whole group, so no worker is left behind; a second signal kills at once. A restart asked by `sync`
 * or `serve --restart` in another terminal arrives through the pid record (see PidRecord).
 */
async function serveForeground(platform: Platform, paths: Paths, l: Launch): Promise<number> {
  let proxy = await startProxy(platform, l.cmd, { detach: false, logFile: l.logFile });
  let pending: number | undefined;
  let stopping = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    stopping++;
    // The same signal LiteLLM would have had from the terminal: it then exits with the usual code (130 for Ctrl-C).
    for (const pid of [proxy.pid, pending])
      if (pid) void killTree(platform, pid, stopping > 1 ? 'SIGKILL' : sig === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    if (stopping === 1)
      log.info(`\n${sig === 'SIGINT' ? 'Ctrl-C' : sig}: stopping LiteLLM (again to kill it at once)…`);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  try {
    let ok: boolean;
    try {
      ok = await waitForStart(proxy, l, undefined, () => stopping > 0);
    } catch (e) {
      await stopTree(platform, proxy.pid, 5_000);
      throw e;
    }
    if (ok) {
      // `llmctl stop` and `status` in another terminal find a foreground proxy the same way.
      await writePidFile(paths.pidFile, recordOf(l, proxy.pid, { foreground: { llmctl: process.pid } }));
      printAddresses(l, `pid ${proxy.pid}`);
      log.info(color.dim('LiteLLM logs follow. Ctrl-C (or `llmctl stop`) stops the proxy.'));
      if (uiOptions().verbose) for (const line of await proxy.tail(200)) process.stderr.write(`${line}\n`);
      proxy.setSink?.((chunk) => process.stderr.write(chunk));
    }
    let exit: { code: number };
    for (;;) {
      const next = ok ? await nextEvent(paths, proxy, () => stopping > 0) : { exit: await proxy.exited };
      if ('exit' in next) {
        exit = next.exit;
        break;
      }
      const replaced = await restartInPlace(platform, paths, proxy, next.request, (pid) => (pending = pid));
      pending = undefined;
      if (replaced) proxy = replaced;
    }
    // Anything LiteLLM forked and did not reap goes too.
    if (platform.os === 'linux' && groupMembers(proxy.pid).length) await killTree(platform, proxy.pid, 'SIGKILL');
    const mine = await readPidFile(paths.pidFile);
    // `stop` marks the record before it stops the proxy (and may have removed it since).
    const stoppedByCommand = ok && !stopping && (!mine || (mine.pid === proxy.pid && mine.stopRequested === true));
    if (!ok && !stopping) return ExitCode.failure;
    if (stopping) log.info(`LiteLLM stopped (exit code ${exit.code}).`);
    else if (stoppedByCommand) log.info(`LiteLLM stopped by \`llmctl stop\` (exit code ${exit.code}).`);
    else log.error(`LiteLLM exited with code ${exit.code}`);
    return exit.code;
  } finally {
    for (const s of signals) process.off(s, onSignal);
    const mine = await readPidFile(paths.pidFile);
    if (mine?.pid === proxy.pid) await removePidFile(paths.pidFile);
  }
}

type Request = NonNullable<PidRecord['restartRequest']>;

/**
 * Waits for LiteLLM to exit or for a restart request in the pid record. A file polled four times a
 * second works the same on every platform (Windows has no SIGHUP/SIGUSR1), costs next to nothing,
 * and carries an id so the asking terminal gets its answer back.
 */
async function nextEvent(
  paths: Paths,
  proxy: RunningProxy,
  stopping: () => boolean,
): Promise<{ exit: { code: number } } | { request: Request }> {
  let exit: { code: number } | undefined;
  void proxy.exited.then((e) => (exit = e));
  for (;;) {
    if (exit) return { exit };
    if (!stopping()) {
      const rec = await readPidFile(paths.pidFile);
      if (rec?.pid === proxy.pid && rec.restartRequest && rec.restarted?.id !== rec.restartRequest.id)
        return { request: rec.restartRequest };
    }
    await Promise.race([proxy.exited, new Promise((r) => setTimeout(r, 250))]);
  }
}

/** The foreground serve restarts its own LiteLLM (from its own environment) and answers in the record. */
async function restartInPlace(
  platform: Platform,
  paths: Paths,
  proxy: RunningProxy,
  request: Request,
  onSpawn: (pid: number) => void,
): Promise<RunningProxy | undefined> {
  const rec = (await readPidFile(paths.pidFile))!;
  const answer = (restarted: NonNullable<PidRecord['restarted']>, into: PidRecord = rec) =>
    writePidFile(paths.pidFile, { ...into, restarted });
  log.info(color.bold(`\nRestarting LiteLLM with the new config (asked by pid ${request.by})…`));
  try {
    const loaded = await loadConfig(paths.config);
    const session = await planSync(platform, paths, { only: ['litellm'] }, loaded);
    await applySync(session, 'serve: restart');
    const { host, port } = loaded.config.proxy;
    const l = await prepareLaunch(platform, paths, session, { host, port });
    const r = await replaceProxy(platform, rec, l, { detach: false, onSpawn });
    r.proxy.setSink?.((chunk) => process.stderr.write(chunk));
    await answer(
      { id: request.id, ok: true, downtimeMs: r.downtimeMs, warm: r.how === 'warm' },
      recordOf(l, r.proxy.pid, { foreground: { llmctl: process.pid } }),
    );
    log.success(`LiteLLM restarted (pid ${proxy.pid} → ${r.proxy.pid}): ${downtimeText(r.downtimeMs, r.how)}`);
    return r.proxy;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`restart failed: ${message}`);
    if (e instanceof LlmctlError) for (const p of e.problems) log.info(`  ${formatProblem(p)}`);
    if (e instanceof LlmctlError && e.hint) log.info(`  fix: ${e.hint}`);
    await answer({ id: request.id, ok: false, error: message });
    return undefined;
  }
}

async function waitForStart(
  proxy: RunningProxy,
  l: Launch,
  logFile: string | undefined,
  interrupted: () => boolean = () => false,
): Promise<boolean> {
  const s = await spinner(`Starting ${l.label} on ${l.url}`);
  const r = await waitHealthy(l.url, proxy, {
    timeoutMs: START_TIMEOUT_MS,
    onPhase: (p) =>
      s.text(
        p === 'liveliness'
          ? `Starting ${l.label} on ${l.url} (waiting for /health/liveliness)`
          : `Starting ${l.label} on ${l.url} (waiting for /health/readiness)`,
      ),
  });
  if (r.ok) {
    s.succeed(`${l.label} is up at ${l.url} (ready in ${(r.ms / 1000).toFixed(1)} s)`);
    return true;
  }
  if (interrupted()) {
    s.stop();
    return false;
  }
  s.fail(
    r.reason === 'exited'
      ? `LiteLLM exited during start (code ${r.code})`
      : `LiteLLM did not become ready within ${START_TIMEOUT_MS / 1000} s`,
  );
  const tail = await proxy.tail(15);
  const cause = likelyCause(tail, l.port);
  throw new LlmctlError(r.reason === 'exited' ? 'the proxy did not start' : 'the proxy did not become ready', {
    problems: tail.map((m) => ({ message: m })),
    hint:
      [cause ? `likely cause: ${cause}` : undefined, logFile ? `full log: ${logFile}` : undefined]
        .filter(Boolean)
        .join('; ') || 'see the log lines above',
  });
}

function printAddresses(l: Launch, who: string): void {
  log.out(`OpenAI base URL:    ${l.url}/v1`);
  log.out(`Anthropic base URL: ${l.url}   (ANTHROPIC_BASE_URL for Claude Code)`);
  log.out(`Models: ${l.models}   Key: the proxy master key (\`llmctl keys list\`)   ${who}`);
  if (isLoopback(l.host)) return;
  const lan = lanAddresses(l.host, networkInterfaces());
  if (lan.length) {
    log.out(`From other machines (OpenAI base URL):`);
    for (const a of lan) log.out(`  http://${a}:${l.port}/v1`);
  }
  log.warn(`listening on ${l.host}: other machines can reach the proxy (the master key guards it)`);
}
