import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { proxyUrl } from '../proxy/url.js';
import { readPidFile, removePidFile } from '../proxy/pidfile.js';
import { looksLikeLitellm, stopTree } from '../proxy/process.js';
import { log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

/** Stops the proxy `serve --detach` started; nothing running is not an error (the goal is reached). */
export async function run(ctx: Context): Promise<number> {
  const { platform, paths } = ctx;
  const rec = await readPidFile(paths.pidFile);
  if (!rec) {
    log.info('No proxy started by `llmctl serve --detach` is running.');
    await removePidFile(paths.pidFile);
    return ExitCode.ok;
  }
  if (!looksLikeLitellm(platform, rec.pid)) {
    await removePidFile(paths.pidFile);
    log.info(`The proxy (pid ${rec.pid}) had already stopped; removed its pid file.`);
    return ExitCode.ok;
  }
  const s = await spinner(`Stopping LiteLLM (pid ${rec.pid}, ${proxyUrl(rec.host, rec.port)})`);
  const how = await stopTree(platform, rec.pid);
  await removePidFile(paths.pidFile);
  s.succeed(how === 'killed' ? `LiteLLM (pid ${rec.pid}) did not stop within 10 s and was killed` : `LiteLLM stopped (pid ${rec.pid})`);
  return ExitCode.ok;
}
