import { randomBytes } from 'node:crypto';
import { LlmctlError } from '../errors.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import type { SyncSession } from '../sync/engine.js';
import { litellmConfigPath } from './endpoint.js';
import { color, log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';
import { RESTART_COMMAND, keyVariables, keysMissingHere, staleReasons, type Wanted } from './fingerprint.js';
import { START_TIMEOUT_MS, prepareLaunch, recordOf } from './launch.js';
import { readPidFile, writePidFile, type PidRecord } from './pidfile.js';
import { isAlive, looksLikeLitellm } from './process.js';
import { replaceProxy, type Replaced } from './restart.js';

export { RESTART_COMMAND };

/** What a proxy started now from this session would be. */
export function wantedFrom(platform: Platform, session: SyncSession): Wanted {
  const { config, secrets, masterKey } = session.ctx;
  return {
    host: config.proxy.host,
    port: config.proxy.port,
    configFile: litellmConfigPath(session.ctx),
    config,
    keys: keyVariables(config, secrets, platform.env, masterKey),
    env: platform.env,
  };
}

/** The llmctl-managed proxy that runs now, if any. */
export async function runningProxy(platform: Platform, paths: Paths): Promise<PidRecord | undefined> {
  const rec = await readPidFile(paths.pidFile);
  return rec && looksLikeLitellm(platform, rec.pid) ? rec : undefined;
}

/**
 * For `sync --dry-run` / `--check`: the running proxy and why it would be restarted (its config on disk
 * is about to change, or it already runs an older one); undefined when none runs or it is current.
 */
export async function proxyWouldRestart(
  platform: Platform,
  paths: Paths,
  session: SyncSession,
): Promise<{ pid: number; reasons: string[] } | undefined> {
  const rec = await runningProxy(platform, paths);
  if (!rec) return undefined;
  const litellm = session.plans.find((p) => p.target === 'litellm');
  const pending = litellm?.files.some((f) => f.before !== f.after) ? ['the LiteLLM config would change'] : [];
  const reasons = [...pending, ...(await staleReasons(rec, wantedFrom(platform, session)))];
  return reasons.length ? { pid: rec.pid, reasons: [...new Set(reasons)] } : undefined;
}

/**
 * After a command wrote what the proxy reads (sync, init, import, keys set): restarts the running
 * llmctl-managed proxy when it did not start from those files and keys, or, with restart: false, says
 * it runs an older config and what to run. Returns whether a running proxy is (still) stale.
 */
export async function followProxy(
  platform: Platform,
  paths: Paths,
  session: SyncSession,
  o: { restart: boolean },
): Promise<boolean> {
  const rec = await runningProxy(platform, paths);
  if (!rec) return false;
  const wanted = wantedFrom(platform, session);
  const reasons = await staleReasons(rec, wanted);
  if (!reasons.length) return false;
  if (!o.restart) {
    log.warn(`the proxy (pid ${rec.pid}) is running an older config: ${reasons.join('; ')}`);
    log.info(`Run \`${RESTART_COMMAND}\` to load the new one (the proxy is unavailable for about a second).`);
    return true;
  }
  const missing = rec.foreground ? [] : keysMissingHere(rec, wanted);
  if (missing.length) {
    log.warn(
      `the proxy (pid ${rec.pid}) is running an older config (${reasons.join('; ')}) and was not restarted: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} set for it but not in this shell`,
    );
    log.info(`Export ${missing.length === 1 ? 'it' : 'them'} and run \`${RESTART_COMMAND}\`.`);
    return true;
  }
  await restartRunning(platform, paths, session, rec, `running an older config: ${reasons.join('; ')}`);
  return false;
}

/** Restarts the proxy in `rec` (detached here, or asks its foreground serve) and reports the downtime. */
export async function restartRunning(
  platform: Platform,
  paths: Paths,
  session: SyncSession,
  rec: PidRecord,
  why?: string,
): Promise<void> {
  if (why) log.info(`The proxy (pid ${rec.pid}) was ${why}.`);
  if (rec.foreground) {
    const r = await askForegroundRestart(paths, rec);
    log.success(
      `Restarted the proxy in the foreground \`llmctl serve\` (pid ${rec.foreground.llmctl}): ${downtimeText(r.downtimeMs ?? 0, r.warm ? 'warm' : 'cold')}`,
    );
    return;
  }
  const s = await spinner('Restarting the proxy with the new config');
  try {
    const { config } = session.ctx;
    const l = await prepareLaunch(platform, paths, session, { host: config.proxy.host, port: config.proxy.port });
    const r = await replaceProxy(platform, rec, l, { detach: true, onStep: (t) => s.text(t) });
    await writePidFile(paths.pidFile, recordOf(l, r.proxy.pid));
    s.succeed(`Restarted the proxy (pid ${rec.pid} → ${r.proxy.pid}, ${l.url}): ${downtimeText(r.downtimeMs, r.how)}`);
  } catch (e) {
    s.fail('The proxy was not restarted');
    throw e;
  }
}

export function downtimeText(ms: number, how: Replaced['how']): string {
  if (how === 'moved') return 'no downtime (the new proxy was ready at its new address before the old one stopped)';
  return `unavailable for ${color.bold(`${(ms / 1000).toFixed(1)} s`)}${how === 'warm' ? ' (LiteLLM loaded while the old proxy still served)' : ''}`;
}

/**
 * A foreground serve owns its LiteLLM (its output goes to that terminal): it is asked through its pid
 * record, restarts the proxy itself with its own environment, and answers in the record.
 */
async function askForegroundRestart(paths: Paths, rec: PidRecord): Promise<NonNullable<PidRecord['restarted']>> {
  const id = randomBytes(6).toString('hex');
  const serve = rec.foreground!.llmctl;
  await writePidFile(paths.pidFile, { ...rec, restartRequest: { id, by: process.pid } });
  const s = await spinner(`Asking the foreground \`llmctl serve\` (pid ${serve}) to restart the proxy`);
  const until = Date.now() + START_TIMEOUT_MS + 30_000;
  while (Date.now() < until) {
    const now = await readPidFile(paths.pidFile);
    if (now?.restarted?.id === id) {
      if (now.restarted.ok) {
        s.stop();
        return now.restarted;
      }
      s.fail('The foreground `llmctl serve` could not restart the proxy');
      throw new LlmctlError(now.restarted.error ?? 'the restart failed', {
        hint: `see the terminal of that \`llmctl serve\`; fix the cause, then \`${RESTART_COMMAND}\``,
      });
    }
    if (!isAlive(serve)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  s.fail('No answer from the foreground `llmctl serve`');
  throw new LlmctlError(`the foreground \`llmctl serve\` (pid ${serve}) did not restart the proxy`, {
    hint: 'stop it (Ctrl-C in its terminal, or `llmctl stop`) and start it again with `llmctl serve`',
  });
}
