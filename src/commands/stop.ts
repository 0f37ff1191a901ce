import type { Context } from '../context.js';
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
  const { platform, paths } = ctx;
  const rec = await readPidFile(paths.pidFile);
  if (!rec) {
    log.info('No proxy started by `llmctl serve` is running.');
    await removePidFile(paths.pidFile);
    return ExitCode.ok;
  }
  if (!looksLikeLitellm(platform, rec.pid)) {
    await removePidFile(paths.pidFile);
    log.info(`The proxy (pid ${rec.pid}) had already stopped; removed its pid file.`);
    return ExitCode.ok;
  }
  const where = rec.foreground ? `, the foreground \`llmctl serve\` of pid ${rec.foreground.llmctl}` : '';
  const s = await spinner(`Stopping LiteLLM (pid ${rec.pid}, ${proxyUrl(rec.host, rec.port)}${where})`);
  if (rec.foreground) await markStopRequested(paths.pidFile, rec.pid);
  const how = await stopTree(platform, rec.pid);
  // A foreground serve removes its own record when it sees LiteLLM go; this covers one that was killed
  // (and leaves the record of a serve started meanwhile).
  await removePidFile(paths.pidFile, rec.pid);
  s.succeed(
    how === 'killed'
      ? `LiteLLM (pid ${rec.pid}) did not stop within 10 s and was killed`
      : `LiteLLM stopped (pid ${rec.pid})`,
  );
  return ExitCode.ok;
}
