import type { LlmctlConfig } from '../config/schema.js';
import { t } from '../i18n/index.js';
import type { Paths } from '../platform/paths.js';
import { currentPlatform } from '../platform/index.js';
import { probe } from './health.js';
import { proxyUrl } from './url.js';
import { logPlace, readPidFile, type PidRecord } from './pidfile.js';
import { looksLikeLitellm } from './process.js';
import { keyVariables, staleReasons, type Say } from './fingerprint.js';
import { isClientMode, masterKeyRef, toolKeyRef } from '../config/master-key.js';
import { litellmConfigPath } from './endpoint.js';
import { resolveKeyRef } from '../secrets/refs.js';
import type { SecretStore } from '../secrets/store.js';

export interface ProxyStatus {
  state: 'up' | 'down' | 'unhealthy';
  host: string;
  port: number;
  /** http://HOST:PORT */
  url: string;
  pid?: number;
  startedAt?: string;
  uptimeSec?: number;
  /** /health/readiness answered 200 (client mode: the gateway listed its models for the key) */
  healthy: boolean;
  /** Client mode: this is the gateway someone else runs (proxy.url), probed with the user's key. */
  remote?: true;
  detail?: string;
  /**
   * Only for a proxy `serve` started: why it is running an older config than the files on disk (and
   * the keys) would give it now, e.g. a sync with --no-restart. Empty or absent: it is current.
   */
  stale?: string[];
}

/** Why the running proxy in `rec` does not match what would start now; [] when it does or cannot tell. */
async function staleness(
  paths: Paths,
  config: LlmctlConfig,
  rec: PidRecord,
  given: SecretStore | undefined,
  say: Say,
): Promise<string[]> {
  const platform = currentPlatform();
  let secrets = given;
  if (!secrets) {
    try {
      const { SecretStore } = await import('../secrets/store.js');
      secrets = await SecretStore.open(paths.secrets, { checkMode: false });
    } catch {
      return [];
    }
  }
  const masterKey = resolveKeyRef(masterKeyRef(config), secrets, platform.env) ?? '';
  const configFile = litellmConfigPath({ config, paths, platform });
  return staleReasons(
    rec,
    {
      host: config.proxy.host,
      port: config.proxy.port,
      configFile,
      config,
      keys: keyVariables(config, secrets, platform.env, masterKey),
      env: platform.env,
    },
    say,
  );
}

/**
 * CONTRACT for `status` and `doctor`: what is known about the llmctl-run proxy. A proxy `serve`
 * started (detached or foreground) is found through its pid file (its own address, which may differ
 * from llmctl.yaml until the next serve); otherwise the configured address is probed. `detail` and
 * `stale` are in the user's language; `say: tEn` gives them in English (`--json`).
 */
export async function proxyStatus(
  paths: Paths,
  config: LlmctlConfig,
  secrets?: SecretStore,
  say: Say = t,
): Promise<ProxyStatus> {
  const platform = currentPlatform();
  if (isClientMode(config)) return remoteStatus(paths, config, secrets, say);
  const rec = await readPidFile(paths.pidFile);
  const running = rec && looksLikeLitellm(platform, rec.pid) ? rec : undefined;
  const host = running?.host ?? config.proxy.host;
  const port = running?.port ?? config.proxy.port;
  const url = proxyUrl(host, port);
  const base = { host, port, url };
  const stale = running ? await staleness(paths, config, running, secrets, say) : [];
  const uptimeSec = running ? Math.max(0, Math.round((Date.now() - Date.parse(running.startedAt)) / 1000)) : 0;
  const started = running
    ? { pid: running.pid, startedAt: running.startedAt, uptimeSec, ...(stale.length ? { stale } : {}) }
    : {};
  const live = await probe(url, 'liveliness');
  if (!live.ok) {
    if (running)
      return {
        ...base,
        ...started,
        state: 'unhealthy',
        healthy: false,
        detail: say('proxy.status.stuck', { pid: running.pid, url, log: logPlace(running, say) }),
      };
    const detail = rec
      ? say('proxy.status.stalePidFile', { url, file: paths.pidFile, pid: rec.pid })
      : say('proxy.status.nothingAnswers', { url });
    return { ...base, state: 'down', healthy: false, detail };
  }
  const ready = await probe(url, 'readiness');
  if (!ready.ok)
    return {
      ...base,
      ...started,
      state: 'unhealthy',
      healthy: false,
      detail: say('proxy.status.readinessAnswered', {
        url,
        status: ready.status === undefined ? say('proxy.status.nothing') : String(ready.status),
      }),
    };
  return {
    ...base,
    ...started,
    state: 'up',
    healthy: true,
    detail: running ? upDetail(running, stale, uptimeSec, say) : say('proxy.status.notOurs'),
  };
}

/** Client mode: the gateway, probed with the user's key (read from the store when not given). */
async function remoteStatus(
  paths: Paths,
  config: LlmctlConfig,
  given: SecretStore | undefined,
  say: Say,
): Promise<ProxyStatus> {
  let secrets = given;
  try {
    const { SecretStore } = await import('../secrets/store.js');
    secrets ??= await SecretStore.open(paths.secrets, { checkMode: false });
  } catch {
    // An unreadable store: the probe says the key is not set (doctor reports the store itself).
  }
  const key = secrets ? resolveKeyRef(toolKeyRef(config), secrets, currentPlatform().env) : undefined;
  const { gatewayStatus } = await import('./gateway.js');
  return gatewayStatus(config, key, say);
}

/** "ready, up 5 min 2 s", with an older config and a foreground serve said when they apply. */
function upDetail(running: PidRecord, stale: string[], uptimeSec: number, say: Say): string {
  const state = stale.length
    ? say('proxy.status.readyOlder', { reasons: stale.join(say('proxy.join.reasons')) })
    : say('proxy.status.ready');
  const fg = running.foreground ? say('proxy.status.foreground', { pid: running.foreground.llmctl }) : '';
  return `${say('proxy.status.upFor', { state, uptime: formatUptime(uptimeSec, say) })}${fg}`;
}

export function formatUptime(sec: number, say: Say = t): string {
  if (sec < 60) return say('proxy.uptime.s', { s: sec });
  const m = Math.floor(sec / 60);
  if (m < 60) return say('proxy.uptime.min', { m, s: sec % 60 });
  const h = Math.floor(m / 60);
  return h < 48
    ? say('proxy.uptime.h', { h, m: m % 60 })
    : say('proxy.uptime.days', { d: Math.floor(h / 24), h: h % 24 });
}
