import { randomBytes } from 'node:crypto';
import { isClientMode } from '../config/master-key.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import type { SyncSession } from '../sync/engine.js';
import { litellmConfigPath } from './endpoint.js';
import { color, log } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';
import { RESTART_COMMAND, keyVariables, keysMissingHere, staleReasons, type Say, type Wanted } from './fingerprint.js';
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
 * `say`: tEn for `--json`.
 */
export async function proxyWouldRestart(
  platform: Platform,
  paths: Paths,
  session: SyncSession,
  say: Say = t,
): Promise<{ pid: number; reasons: string[] } | undefined> {
  // Client mode: a proxy llmctl started before is no longer the tools' (they talk to the gateway).
  if (isClientMode(session.ctx.config)) return undefined;
  const rec = await runningProxy(platform, paths);
  if (!rec) return undefined;
  const litellm = session.plans.find((p) => p.target === 'litellm');
  const pending = litellm?.files.some((f) => f.before !== f.after) ? [say('proxy.stale.wouldChange')] : [];
  const reasons = [...pending, ...(await staleReasons(rec, wantedFrom(platform, session), say))];
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
  if (isClientMode(session.ctx.config)) return false;
  const rec = await runningProxy(platform, paths);
  if (!rec) return false;
  const wanted = wantedFrom(platform, session);
  const reasons = await staleReasons(rec, wanted);
  if (!reasons.length) return false;
  const why = reasons.join(t('proxy.join.reasons'));
  if (!o.restart) {
    log.warn(t('proxy.follow.olderConfig', { pid: rec.pid, reasons: why }));
    log.info(t('proxy.follow.runRestart', { command: RESTART_COMMAND }));
    return true;
  }
  const missing = rec.foreground ? [] : keysMissingHere(rec, wanted);
  if (missing.length) {
    const names = missing.join(t('proxy.join.list'));
    log.warn(t('proxy.follow.keysMissingHere', { pid: rec.pid, reasons: why, missing: names, n: missing.length }));
    log.info(t('proxy.follow.exportThen', { n: missing.length, command: RESTART_COMMAND }));
    return true;
  }
  await restartRunning(platform, paths, session, rec, why);
  return false;
}

/**
 * Restarts the proxy in `rec` (detached here, or asks its foreground serve) and reports the downtime.
 * `olderConfig`: why it runs an older config, said first (after a sync).
 */
export async function restartRunning(
  platform: Platform,
  paths: Paths,
  session: SyncSession,
  rec: PidRecord,
  olderConfig?: string,
): Promise<void> {
  if (olderConfig) log.info(t('proxy.follow.restartingOlder', { pid: rec.pid, reasons: olderConfig }));
  if (rec.foreground) {
    const r = await askForegroundRestart(paths, rec);
    const downtime = downtimeText(r.downtimeMs ?? 0, r.warm ? 'warm' : 'cold');
    log.success(t('proxy.restart.foregroundDone', { pid: rec.foreground.llmctl, downtime }));
    return;
  }
  const s = await spinner(t('proxy.restart.spinner'));
  try {
    const { config } = session.ctx;
    const l = await prepareLaunch(platform, paths, session, {
      host: config.proxy.host,
      port: config.proxy.port,
      ...(rec.workers ? { workers: rec.workers } : {}),
    });
    const r = await replaceProxy(platform, rec, l, { detach: true, onStep: (t) => s.text(t) });
    await writePidFile(paths.pidFile, recordOf(l, r.proxy.pid));
    const downtime = downtimeText(r.downtimeMs, r.how);
    s.succeed(t('proxy.restart.done', { from: rec.pid, to: r.proxy.pid, url: l.url, downtime }));
  } catch (e) {
    s.fail(t('proxy.restart.notRestarted'));
    throw e;
  }
}

export function downtimeText(ms: number, how: Replaced['how']): string {
  if (how === 'moved') return t('proxy.downtime.moved');
  const seconds = color.bold(t('proxy.downtime.seconds', { seconds: (ms / 1000).toFixed(1) }));
  return t('proxy.downtime.unavailable', { seconds, warm: how === 'warm' });
}

/**
 * A foreground serve owns its LiteLLM (its output goes to that terminal): it is asked through its pid
 * record, restarts the proxy itself with its own environment, and answers in the record.
 */
async function askForegroundRestart(paths: Paths, rec: PidRecord): Promise<NonNullable<PidRecord['restarted']>> {
  const id = randomBytes(6).toString('hex');
  const serve = rec.foreground!.llmctl;
  await writePidFile(paths.pidFile, { ...rec, restartRequest: { id, by: process.pid } });
  const s = await spinner(t('proxy.restart.asking', { pid: serve }));
  const until = Date.now() + START_TIMEOUT_MS + 30_000;
  while (Date.now() < until) {
    const now = await readPidFile(paths.pidFile);
    if (now?.restarted?.id === id) {
      if (now.restarted.ok) {
        s.stop();
        return now.restarted;
      }
      s.fail(t('proxy.restart.foregroundCouldNot'));
      throw new LlmctlError(now.restarted.error ?? t('proxy.restart.failed'), {
        hint: t('proxy.restart.foregroundCouldNotHint', { command: RESTART_COMMAND }),
      });
    }
    if (!isAlive(serve)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  s.fail(t('proxy.restart.noAnswer'));
  throw new LlmctlError(t('proxy.restart.noAnswerError', { pid: serve }), { hint: t('proxy.restart.noAnswerHint') });
}
