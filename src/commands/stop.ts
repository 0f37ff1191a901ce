import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { ExitCode } from '../errors.js';
import { proxyUrl } from '../proxy/url.js';
import { markStopRequested, readPidFile, removePidFile } from '../proxy/pidfile.js';
import { looksLikeLitellm, stopTree } from '../proxy/process.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

/**
 * Stops the proxy `serve` started, detached or in another terminal's foreground (that serve then
 * reports the stop and exits with LiteLLM's code). Nothing running is not an error: the goal is reached.
 */
export async function run(ctx: Context): Promise<number> {
  const code = await stopProxy(ctx);
  await stopOpenWebui(ctx);
  return code;
}

/** Open WebUI started by `serve --webui` stops with the proxy. */
async function stopOpenWebui(ctx: Context): Promise<void> {
  const { stopWebui } = await import('../webui/run.js');
  const rec = await stopWebui(ctx.platform, ctx.paths);
  if (rec) log.success(t('webui.run.stopped', { pid: rec.pid }));
}

async function stopProxy(ctx: Context): Promise<number> {
  const { platform, paths } = ctx;
  const rec = await readPidFile(paths.pidFile);
  if (!rec) {
    log.info(t('commands.stop.notRunning'));
    await removePidFile(paths.pidFile);
    return ExitCode.ok;
  }
  if (!looksLikeLitellm(platform, rec.pid)) {
    await removePidFile(paths.pidFile);
    log.info(t('commands.stop.alreadyStopped', { pid: rec.pid }));
    return ExitCode.ok;
  }
  const s = await spinner(
    t('commands.stop.stopping', {
      pid: rec.pid,
      url: proxyUrl(rec.host, rec.port),
      foreground: rec.foreground?.llmctl,
    }),
  );
  if (rec.foreground) await markStopRequested(paths.pidFile, rec.pid);
  const how = await stopTree(platform, rec.pid);
  // A foreground serve removes its own record when it sees LiteLLM go; this covers one that was killed
  // (and leaves the record of a serve started meanwhile).
  await removePidFile(paths.pidFile, rec.pid);
  s.succeed(
    how === 'killed' ? t('commands.stop.killed', { pid: rec.pid }) : t('commands.stop.stopped', { pid: rec.pid }),
  );
  return ExitCode.ok;
}
