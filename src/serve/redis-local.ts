import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import { setConfigValues, writeConfigLocked } from '../config/write.js';
import { LlmctlError } from '../errors.js';
import { ensureDir } from '../fs/dir.js';
import { removeFile, writeFileAtomic } from '../fs/atomic.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { stopTree } from '../proxy/process.js';
import { isAlive, readPidRecord, runsProgram } from '../platform/process.js';
import { redisPing, type RedisPing } from '../proxy/redis-ping.js';
import { findOnPath } from '../proxy/resolve.js';
import { listenError } from '../proxy/runner.js';
import { resolveKeyRef } from '../secrets/refs.js';
import { SecretStore } from '../secrets/store.js';
import { color, log } from '../ui/log.js';

/**
 * `serve --redis-local`: a redis-server llmctl starts and stops for several workers or instances on
 * one machine. It listens on 127.0.0.1 only, with a generated password kept as `secret:redis-local`
 * (never on its command line: the config, password included, goes in on its standard input, which
 * redis-server reads with `-`), its data and log in the llmctl home. llmctl.yaml records it as
 * `proxy.redis` on first use, so the generated LiteLLM config and every instance point at it.
 */
export const REDIS_LOCAL_SECRET = 'redis-local';
export const REDIS_LOCAL_REF = `secret:${REDIS_LOCAL_SECRET}`;
const HOST = '127.0.0.1';
const DEFAULT_PORT = 6379;
const START_TIMEOUT_MS = 15_000;

export interface RedisLocalRecord {
  pid: number;
  host: string;
  port: number;
  startedAt: string;
  logFile: string;
}

type Loaded = Awaited<ReturnType<typeof loadConfig>>;

export function redisLocalDir(paths: Paths): string {
  return path.join(paths.home, 'redis');
}
const recordFile = (paths: Paths) => path.join(redisLocalDir(paths), 'redis.json');

export function readRedisLocal(paths: Paths): Promise<RedisLocalRecord | undefined> {
  return readPidRecord<RedisLocalRecord>(recordFile(paths));
}

/** Whether `proxy.redis` is the one `--redis-local` manages (127.0.0.1 and its secret). */
export function isRedisLocal(config: Loaded['config']): boolean {
  const r = config.proxy.redis;
  return Boolean(r && r.password === REDIS_LOCAL_REF && (r.host === HOST || r.host === 'localhost'));
}

/** Starts (or finds running) the managed redis-server; returns the config as it is now (proxy.redis recorded). */
export async function ensureRedisLocal(platform: Platform, paths: Paths, loaded: Loaded): Promise<Loaded> {
  const exe = findOnPath(platform, 'redis-server');
  if (!exe) throw new LlmctlError(t('scale.redisLocal.notInstalled'), { hint: t('scale.redisLocal.notInstalledHint') });
  const r = loaded.config.proxy.redis;
  if (r && !isRedisLocal(loaded.config)) {
    throw new LlmctlError(
      t('scale.redisLocal.otherRedis', { target: r.url ?? `${r.host}:${r.port ?? DEFAULT_PORT}` }),
      {
        hint: t('scale.redisLocal.otherRedisHint', { file: loaded.file }),
      },
    );
  }
  const password = await ensurePassword(paths);
  const now = r ? loaded : await recordRedisLocal(paths, loaded, await pickPort());
  const port = now.config.proxy.redis!.port ?? DEFAULT_PORT;
  const running = await readRedisLocal(paths);
  if (running && isAlive(running.pid) && (await redisPing({ host: HOST, port, password })).ok) return now;
  await startRedisLocal(platform, paths, exe, port, password);
  return now;
}

async function ensurePassword(paths: Paths): Promise<string> {
  return SecretStore.update(paths.secrets, (store) => {
    // update() writes the store (0600) when it changed.
    if (!store.has(REDIS_LOCAL_SECRET)) store.set(REDIS_LOCAL_SECRET, randomBytes(24).toString('base64url'));
    return store.get(REDIS_LOCAL_SECRET)!;
  });
}

async function pickPort(): Promise<number> {
  if (!(await listenError(HOST, DEFAULT_PORT))) return DEFAULT_PORT;
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function recordRedisLocal(paths: Paths, loaded: Loaded, port: number): Promise<Loaded> {
  const value = { host: HOST, port, password: REDIS_LOCAL_REF };
  await writeConfigLocked(
    paths,
    loaded.file,
    (current) => setConfigValues(current ?? '', [[['proxy', 'redis'], value]]),
    'serve --redis-local', // i18n-ignore: the backup's reason, kept in its manifest
  );
  log.info(t('scale.redisLocal.recorded', { address: `${HOST}:${port}`, file: color.path(loaded.file) }));
  return loadConfig(paths.config);
}

/** The config redis-server reads on its standard input: loopback only, a password, files in the llmctl home. */
export function redisLocalConf(o: { port: number; password: string; dir: string; logFile: string }): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    `bind ${HOST}`,
    'protected-mode yes', // i18n-ignore: redis.conf, data for redis-server
    `port ${o.port}`,
    `requirepass ${q(o.password)}`,
    `dir ${q(o.dir)}`,
    `logfile ${q(o.logFile)}`,
    'daemonize no', // i18n-ignore: redis.conf
    // Rate-limit windows and cooldowns live for a minute: a snapshot now and then is plenty.
    'save 300 1',
    'appendonly no', // i18n-ignore: redis.conf
    '',
  ].join('\n');
}

async function startRedisLocal(platform: Platform, paths: Paths, exe: string, port: number, password: string) {
  const dir = redisLocalDir(paths);
  await ensureDir(dir);
  await ensureDir(paths.logs);
  const logFile = platform.path.join(paths.logs, 'redis.log');
  const bootLog = platform.path.join(dir, 'start.log');
  const fd = openSync(bootLog, 'w', 0o600);
  const { spawn } = await import('node:child_process');
  const child = spawn(exe, ['-'], {
    detached: true,
    stdio: ['pipe', fd, fd],
    env: { PATH: platform.env.PATH ?? '' },
  });
  closeSync(fd);
  child.stdin!.end(redisLocalConf({ port, password, dir, logFile }));
  child.unref();
  if (!child.pid) throw new LlmctlError(t('scale.redisLocal.startFailed', { log: bootLog }));
  const rec: RedisLocalRecord = { pid: child.pid, host: HOST, port, startedAt: new Date().toISOString(), logFile };
  await writeFileAtomic(recordFile(paths), `${JSON.stringify(rec, null, 2)}\n`, { mode: 0o600 });
  const ping = await waitForRedis(child.pid, port, password);
  if (!ping.ok) {
    await stopTree(platform, child.pid, 3_000);
    await removeFile(recordFile(paths));
    const tail = [bootLog, logFile].map((f) => safeTail(f)).join('\n');
    throw new LlmctlError(t('scale.redisLocal.startFailed', { log: logFile }), {
      hint: tail.trim() ? tail.trim() : t('scale.redisLocal.notInstalledHint'),
    });
  }
  log.success(t('scale.redisLocal.started', { address: `${HOST}:${port}`, pid: child.pid }));
}

async function waitForRedis(pid: number, port: number, password: string): Promise<RedisPing> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last: RedisPing = { ok: false, reason: 'connect' };
  while (Date.now() < deadline && isAlive(pid)) {
    last = await redisPing({ host: HOST, port, password }, 1_000);
    if (last.ok) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

function safeTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
}

/** Stops the managed redis-server (if it runs); its pid, or undefined when nothing was running. */
export async function stopRedisLocal(platform: Platform, paths: Paths): Promise<number | undefined> {
  const rec = await readRedisLocal(paths);
  if (!rec) return undefined;
  const alive = runsProgram(process.platform, rec.pid, 'redis');
  if (alive) await stopTree(platform, rec.pid, 10_000);
  await removeFile(recordFile(paths));
  return alive ? rec.pid : undefined;
}

/** For `status`: the managed redis-server, whether it runs and answers with its password. */
export async function redisLocalStatus(
  paths: Paths,
  secrets?: SecretStore,
): Promise<{ pid: number; address: string; up: boolean } | undefined> {
  const rec = await readRedisLocal(paths);
  if (!rec) return undefined;
  const password = secrets ? resolveKeyRef(REDIS_LOCAL_REF, secrets, {}) : undefined;
  const up = isAlive(rec.pid) && (await redisPing({ host: rec.host, port: rec.port, password }, 1_000)).ok;
  return { pid: rec.pid, address: `${rec.host}:${rec.port}`, up };
}
