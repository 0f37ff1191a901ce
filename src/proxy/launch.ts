import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import type { SyncSession } from '../sync/engine.js';
import { litellmConfigPath } from './endpoint.js';
import { log } from '../ui/log.js';
import { fingerprint, keyVariables, type ProxyFingerprint } from './fingerprint.js';
import type { PidRecord } from './pidfile.js';
import { resolveLitellm } from './resolve.js';
import { proxyCommand, type ProxyCommand } from './runner.js';
import { proxyUrl } from './url.js';
import { MIN_LITELLM_VERSION, compareVersions } from './versions.js';

/** How long LiteLLM may take to answer its readiness probe (a cold start on a slow disk is ~30 s). */
export const START_TIMEOUT_MS = Number(process.env.LLMCTL_START_TIMEOUT_MS) || 180_000;

/** Everything needed to start one LiteLLM and to record what it started from. */
export interface Launch {
  cmd: ProxyCommand;
  litellm: { path: string; version?: string };
  host: string;
  port: number;
  url: string;
  configFile: string;
  logFile: string;
  /** "LiteLLM 1.x.y" for messages. */
  label: string;
  models: number;
  fingerprint: ProxyFingerprint;
  /** LiteLLM worker processes (`--num_workers`). */
  workers: number;
}

/** The LiteLLM `serve` runs, refused when missing or compromised; warns when it is old. */
export async function usableLitellm(platform: Platform, paths: Paths): Promise<{ path: string; version?: string }> {
  const litellm = await resolveLitellm(platform, paths);
  if (!litellm.path) {
    throw new LlmctlError(t('proxy.litellm.notInstalled'), {
      hint: t('proxy.litellm.notInstalledHint'),
      problems: litellm.tried.map((place) => ({ message: t('proxy.litellm.lookedAt', { place }) })),
    });
  }
  if (platform.env.LLMCTL_LITELLM && litellm.source !== 'LLMCTL_LITELLM')
    log.warn(t('proxy.litellm.envMissing', { value: platform.env.LLMCTL_LITELLM, path: litellm.path }));
  if (litellm.compromised) {
    throw new LlmctlError(t('proxy.litellm.compromised', { version: litellm.version ?? '', path: litellm.path }), {
      hint: t('proxy.rotateKeysHint'),
    });
  }
  if (!litellm.version) log.warn(t('proxy.litellm.unknownVersion', { path: litellm.path }));
  else if (compareVersions(litellm.version, MIN_LITELLM_VERSION) < 0)
    log.warn(t('proxy.litellm.old', { version: litellm.version, path: litellm.path, min: MIN_LITELLM_VERSION }));
  return { path: litellm.path, ...(litellm.version ? { version: litellm.version } : {}) };
}

/** Call after the LiteLLM config was written: the fingerprint is taken from the files as they are now. */
export async function prepareLaunch(
  platform: Platform,
  paths: Paths,
  session: SyncSession,
  at: { host: string; port: number; workers?: number },
  litellm?: { path: string; version?: string },
): Promise<Launch> {
  const exe = litellm ?? (await usableLitellm(platform, paths));
  const { config, secrets, masterKey } = session.ctx;
  const configFile = litellmConfigPath(session.ctx);
  const workers = at.workers ?? config.proxy.workers ?? 1;
  const cmd = proxyCommand(exe.path, {
    configFile,
    host: at.host,
    port: at.port,
    workers,
    config,
    secrets,
    baseEnv: platform.env,
    masterKey,
  });
  // The hashes cover what the proxy really got: the values in its environment, under llmctl's names.
  const names = Object.keys(keyVariables(config, secrets, platform.env, masterKey));
  const keys = Object.fromEntries(names.filter((n) => cmd.env[n] !== undefined).map((n) => [n, cmd.env[n]!]));
  return {
    cmd,
    litellm: exe,
    host: at.host,
    port: at.port,
    url: proxyUrl(at.host, at.port),
    configFile,
    logFile: platform.path.join(paths.logs, 'proxy.log'),
    label: `LiteLLM ${exe.version ?? ''}`.trim(), // i18n-ignore: a product name and its version
    models: new Set(config.models.map((m) => m.name)).size,
    fingerprint: await fingerprint(configFile, keys),
    workers,
  };
}

/** The pid file's record for a proxy started from this launch. */
export function recordOf(l: Launch, pid: number, extra: Partial<PidRecord> = {}): PidRecord {
  return {
    pid,
    host: l.host,
    port: l.port,
    startedAt: new Date().toISOString(),
    configFile: l.configFile,
    logFile: l.logFile,
    litellm: l.litellm.path,
    ...(l.litellm.version ? { version: l.litellm.version } : {}),
    fingerprint: l.fingerprint,
    ...(l.workers > 1 ? { workers: l.workers } : {}),
    ...extra,
  };
}
