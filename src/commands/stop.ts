import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { ExitCode } from '../errors.js';
import type { Platform } from '../platform/index.js';
import { proxyUrl } from '../proxy/url.js';
import { markStopRequested, readPidFile, removePidFile } from '../proxy/pidfile.js';
import { looksLikeLitellm, stopTree } from '../proxy/process.js';
import { instancePaths, listInstances } from '../serve/instances.js';
import { stopRedisLocal } from '../serve/redis-local.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

interface Options {
  instance?: string;
}

/**
 * Stops the proxy `serve` started, detached or in another terminal's foreground (that serve then
 * reports the stop and exits with LiteLLM's code), every named instance (`serve --instance`) and the
 * redis-server of `serve --redis-local`; `--instance NAME` only that instance. Nothing running is not
 * an error: the goal is reached.
 */
export async function run(ctx: Context, opts: Options = {}): Promise<number> {
  const code = await stopProxies(ctx, opts);
  if (!opts.instance) await stopOpenWebui(ctx);
  return code;
}

/** Open WebUI started by `serve --webui` stops with the proxy. */
async function stopOpenWebui(ctx: Context): Promise<void> {
  const { stopWebui } = await import('../webui/run.js');
  const rec = await stopWebui(ctx.platform, ctx.paths);
  if (rec) log.success(t('webui.run.stopped', { pid: rec.pid }));
}

async function stopProxies(ctx: Context, opts: Options): Promise<number> {
  const { platform, paths } = ctx;
  if (opts.instance) {
    const stopped = await stopOne(platform, instancePaths(paths, opts.instance).pidFile, { quiet: true });
    if (stopped !== 'stopped') log.info(t('scale.instance.notRunning', { name: opts.instance }));
    return ExitCode.ok;
  }
  const instances = await listInstances(paths);
  const main = await stopOne(platform, paths.pidFile, { quiet: instances.some((i) => i.rec) });
  for (const i of instances) {
    if (i.rec) log.info(t('scale.stop.instance', { name: i.name }));
    await stopOne(platform, i.pidFile, { quiet: true });
  }
  if (main === 'none' && !instances.some((i) => i.rec)) log.info(t('commands.stop.notRunning'));
  const redis = await stopRedisLocal(platform, paths);
  if (redis) log.success(t('scale.stop.redis', { pid: redis }));
  return ExitCode.ok;
}

/** Stops the proxy a pid file names. `quiet`: nothing said about a proxy that had already stopped. */
async function stopOne(
  platform: Platform,
  pidFile: string,
  o: { quiet: boolean },
): Promise<'stopped' | 'stale' | 'none'> {
  const rec = await readPidFile(pidFile);
  if (!rec) {
    await removePidFile(pidFile);
    return 'none';
  }
  if (!looksLikeLitellm(platform, rec.pid)) {
    await removePidFile(pidFile);
    if (!o.quiet) log.info(t('commands.stop.alreadyStopped', { pid: rec.pid }));
    return 'stale';
  }
  const s = await spinner(
    t('commands.stop.stopping', {
      pid: rec.pid,
      url: proxyUrl(rec.host, rec.port),
      foreground: rec.foreground?.llmctl,
    }),
  );
  if (rec.foreground) await markStopRequested(pidFile, rec.pid);
  const how = await stopTree(platform, rec.pid);
  // A foreground serve removes its own record when it sees LiteLLM go; this covers one that was killed
  // (and leaves the record of a serve started meanwhile).
  await removePidFile(pidFile, rec.pid);
  s.succeed(
    how === 'killed' ? t('commands.stop.killed', { pid: rec.pid }) : t('commands.stop.stopped', { pid: rec.pid }),
  );
  return 'stopped';
}
