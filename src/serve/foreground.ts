import { loadConfig } from '../config/load.js';
import { ExitCode, LlmctlError, formatProblem } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { applySync, planSync } from '../sync/engine.js';
import { color, log, uiOptions } from '../ui/log.js';
import { downtimeText } from '../proxy/follow.js';
import { prepareLaunch, recordOf, type Launch } from '../proxy/launch.js';
import { readPidFile, removePidFile, writePidFile, type PidRecord } from '../proxy/pidfile.js';
import { groupMembers, killTree, stopTree } from '../proxy/process.js';
import { printAddresses, waitForStart } from '../proxy/ready.js';
import { replaceProxy } from '../proxy/restart.js';
import { startProxy, type RunningProxy } from '../proxy/runner.js';

type Request = NonNullable<PidRecord['restartRequest']>;

/** What the foreground serve tracks while it runs: the current LiteLLM, one being started, signals seen. */
interface Supervised {
  proxy: RunningProxy;
  pending: number | undefined;
  stopping: number;
}

/**
 * Foreground: Ctrl-C / SIGTERM reach llmctl (LiteLLM has its own process group) and llmctl stops the
 * whole group, so no worker is left behind; a second signal kills at once. A restart asked by `sync`
 * or `serve --restart` in another terminal arrives through the pid record (see PidRecord).
 */
export async function serveForeground(platform: Platform, paths: Paths, l: Launch): Promise<number> {
  const sv: Supervised = {
    proxy: await startProxy(platform, l.cmd, { detach: false, logFile: l.logFile }),
    pending: undefined,
    stopping: 0,
  };
  const release = trapSignals(platform, sv);
  try {
    const ok = await announceStart(platform, paths, l, sv);
    const exit = await supervise(platform, paths, sv, ok);
    // Anything LiteLLM forked and did not reap goes too.
    if (platform.os === 'linux' && groupMembers(sv.proxy.pid).length) await killTree(platform, sv.proxy.pid, 'SIGKILL');
    return await reportExit(paths, sv, ok, exit);
  } finally {
    release();
    const mine = await readPidFile(paths.pidFile);
    if (mine?.pid === sv.proxy.pid) await removePidFile(paths.pidFile);
  }
}

/** Forwards SIGINT/SIGTERM/SIGHUP to LiteLLM's group (a second one kills); returns the undo. */
function trapSignals(platform: Platform, sv: Supervised): () => void {
  const onSignal = (sig: NodeJS.Signals) => {
    sv.stopping++;
    // The same signal LiteLLM would have had from the terminal: it then exits with the usual code (130 for Ctrl-C).
    for (const pid of [sv.proxy.pid, sv.pending])
      if (pid) void killTree(platform, pid, sv.stopping > 1 ? 'SIGKILL' : sig === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    if (sv.stopping === 1) log.info(t('proxy.fg.stopping', { signal: sig === 'SIGINT' ? 'Ctrl-C' : sig }));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  return () => {
    for (const s of signals) process.off(s, onSignal);
  };
}

/** Waits for readiness; once ready, records the proxy, prints its addresses and lets its output through. */
async function announceStart(platform: Platform, paths: Paths, l: Launch, sv: Supervised): Promise<boolean> {
  let ok: boolean;
  try {
    ok = await waitForStart(sv.proxy, l, undefined, () => sv.stopping > 0);
  } catch (e) {
    await stopTree(platform, sv.proxy.pid, 5_000);
    throw e;
  }
  if (!ok) return false;
  // `llmctl stop` and `status` in another terminal find a foreground proxy the same way.
  await writePidFile(paths.pidFile, recordOf(l, sv.proxy.pid, { foreground: { llmctl: process.pid } }));
  printAddresses(l, sv.proxy.pid);
  log.info(color.dim(t('proxy.fg.logsFollow')));
  if (uiOptions().verbose) for (const line of await sv.proxy.tail(200)) process.stderr.write(`${line}\n`);
  sv.proxy.setSink?.((chunk) => process.stderr.write(chunk));
  return true;
}

/** Runs until LiteLLM exits, restarting it in place whenever another terminal asks. */
async function supervise(platform: Platform, paths: Paths, sv: Supervised, ok: boolean): Promise<{ code: number }> {
  for (;;) {
    const next = ok ? await nextEvent(paths, sv.proxy, () => sv.stopping > 0) : { exit: await sv.proxy.exited };
    if ('exit' in next) return next.exit;
    const replaced = await restartInPlace(platform, paths, sv.proxy, next.request, (pid) => (sv.pending = pid));
    sv.pending = undefined;
    if (replaced) sv.proxy = replaced;
  }
}

/** Says why LiteLLM stopped; serve exits with LiteLLM's code (1 when it never became ready). */
async function reportExit(paths: Paths, sv: Supervised, ok: boolean, exit: { code: number }): Promise<number> {
  const mine = await readPidFile(paths.pidFile);
  const stopping = sv.stopping > 0;
  // `stop` marks the record before it stops the proxy (and may have removed it since).
  const stoppedByCommand = ok && !stopping && (!mine || (mine.pid === sv.proxy.pid && mine.stopRequested === true));
  if (!ok && !stopping) return ExitCode.failure;
  if (stopping) log.info(t('proxy.fg.stopped', { code: exit.code }));
  else if (stoppedByCommand) log.info(t('proxy.fg.stoppedByCommand', { code: exit.code }));
  else log.error(t('proxy.fg.exited', { code: exit.code }));
  return exit.code;
}

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
  log.info(color.bold(t('proxy.fg.restarting', { pid: request.by })));
  try {
    const loaded = await loadConfig(paths.config);
    const session = await planSync(platform, paths, { only: ['litellm'] }, loaded);
    await applySync(session, 'serve: restart'); // i18n-ignore: the backup's reason, kept in its manifest
    const { host, port } = loaded.config.proxy;
    const l = await prepareLaunch(platform, paths, session, {
      host,
      port,
      ...(rec.workers ? { workers: rec.workers } : {}),
    });
    const r = await replaceProxy(platform, rec, l, { detach: false, onSpawn });
    r.proxy.setSink?.((chunk) => process.stderr.write(chunk));
    await answer(
      { id: request.id, ok: true, downtimeMs: r.downtimeMs, warm: r.how === 'warm' },
      recordOf(l, r.proxy.pid, { foreground: { llmctl: process.pid } }),
    );
    log.success(
      t('proxy.fg.restarted', { from: proxy.pid, to: r.proxy.pid, downtime: downtimeText(r.downtimeMs, r.how) }),
    );
    return r.proxy;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(t('proxy.fg.restartFailed', { message }));
    if (e instanceof LlmctlError) for (const p of e.problems) log.info(`  ${formatProblem(p)}`);
    if (e instanceof LlmctlError && e.hint) log.info(`  ${t('common.fixLabel')} ${e.hint}`);
    await answer({ id: request.id, ok: false, error: message });
    return undefined;
  }
}
