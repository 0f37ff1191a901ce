import type { LoadedConfig } from '../config/load.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { stopTree } from '../proxy/process.js';
import { applySync, planSync } from '../sync/engine.js';
import { color, log } from '../ui/log.js';
import { checkWebuiStart, startWebui, stopWebui, waitForWebui, type StartedWebui } from './run.js';

/**
 * `serve --webui`: the parts of serve that concern Open WebUI, kept apart from the proxy's lifecycle.
 * Everything that can refuse runs before the proxy starts; Open WebUI starts after a detached proxy
 * is ready, or beside a foreground one (both take long to boot) and stops with it.
 */

export interface WebuiLaunch {
  host: string;
  port: number;
}

/** Refuses early (off in llmctl.yaml, not installed, port taken) and writes the env file the way sync does. */
export async function prepareWebui(
  platform: Platform,
  paths: Paths,
  loaded: LoadedConfig,
  host: string,
  port: number | undefined,
): Promise<WebuiLaunch> {
  const tool = loaded.config.tools.openwebui;
  if (!tool.enabled)
    throw new LlmctlError(t('webui.run.disabled', { file: loaded.file }), { hint: t('webui.run.disabledHint') });
  const launch = { host, port: port ?? tool.port };
  await checkWebuiStart(platform, paths, launch.host, launch.port);
  const session = await planSync(platform, paths, { only: ['openwebui'] }, loaded);
  // i18n-ignore: the backup's reason, a record kept in the backup manifest
  await applySync(session, 'serve --webui');
  return launch;
}

/** Starts Open WebUI, waits for /health, prints its URL; a start that fails leaves nothing running. */
export async function startWebuiAndWait(platform: Platform, paths: Paths, w: WebuiLaunch): Promise<StartedWebui> {
  log.info(t('webui.run.starting', { port: w.port }));
  const started = await startWebui(platform, paths, w.host, w.port);
  try {
    await waitForWebui(started);
  } catch (e) {
    await stopTree(platform, started.record.pid, 10_000);
    await stopWebui(platform, paths);
    throw e;
  }
  log.success(t('webui.run.ready', { url: color.bold(started.record.url), pid: started.record.pid }));
  log.info(color.dim(t('webui.run.logs', { file: started.record.logFile })));
  return started;
}

/**
 * A foreground serve with Open WebUI: it boots beside the proxy, its URL is printed once it answers,
 * and it stops when the serve ends (Ctrl-C, `llmctl stop`, the proxy exiting).
 */
export async function withWebuiForeground(
  platform: Platform,
  paths: Paths,
  w: WebuiLaunch,
  run: () => Promise<number>,
): Promise<number> {
  let ending = false;
  const booting = startWebuiAndWait(platform, paths, w).catch((e: unknown) => {
    // Stopped with the proxy before it answered: nothing to report.
    if (ending) return;
    log.error(e instanceof Error ? e.message : String(e));
    if (e instanceof LlmctlError && e.hint) log.info(`  ${e.hint}`);
  });
  try {
    return await run();
  } finally {
    ending = true;
    await stopWebui(platform, paths);
    await booting;
  }
}
