import { promises as fs } from 'node:fs';
import { LlmctlError } from '../errors.js';
import { readTextIfExists, writeFileAtomic } from '../fs/atomic.js';
import { ensureDir } from '../fs/dir.js';
import { t } from '../i18n/index.js';
import { pickEnv, runtimeEnvAllowList } from '../platform/env.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { stopTree } from '../proxy/process.js';
import { readPidRecord, runsProgram } from '../platform/process.js';
import { assertPortFree, startProxy, type RunningProxy } from '../proxy/runner.js';
import { LOOPBACK_HOSTS, mergeNoProxy, proxyUrl } from '../proxy/url.js';
import { openwebuiFiles } from '../targets/openwebui.js';
import { installedWebuiVersion, webuiExe } from './install.js';

/**
 * Open WebUI next to the proxy (`serve --webui`): its own process group, its own log file and pid
 * record, so `stop` and `status` find it whether the serve that started it is in the foreground or
 * detached. Its settings are the env file llmctl writes (the same file a docker user passes with
 * --env-file) plus the runtime allow-list and the host-side paths the file leaves out.
 */

export interface WebuiRecord {
  pid: number;
  host: string;
  port: number;
  url: string;
  startedAt: string;
  logFile: string;
  version?: string;
}

/** `NAME=value` lines of an env file (docker's reading: the value as it stands; comments and blanks skipped). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(raw);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** The whole environment Open WebUI gets, as data. */
export function webuiEnv(
  baseEnv: NodeJS.ProcessEnv,
  os: NodeJS.Platform,
  fileEnv: Record<string, string>,
  dataDir: string,
): NodeJS.ProcessEnv {
  const env = pickEnv(baseEnv, runtimeEnvAllowList(os));
  Object.assign(env, fileEnv);
  env.DATA_DIR = dataDir;
  // The proxy is on loopback: a company HTTP proxy in the shell must not be asked for it.
  env.NO_PROXY = mergeNoProxy(baseEnv.NO_PROXY ?? baseEnv.no_proxy, LOOPBACK_HOSTS);
  env.no_proxy = env.NO_PROXY;
  env.PYTHONUNBUFFERED = '1';
  return env;
}

export function readWebuiRecord(file: string): Promise<WebuiRecord | undefined> {
  return readPidRecord<WebuiRecord>(file);
}

/** The Open WebUI llmctl started, when it still runs. */
export async function runningWebui(platform: Platform, paths: Paths): Promise<WebuiRecord | undefined> {
  const rec = await readWebuiRecord(openwebuiFiles(platform, paths).pidFile);
  return rec && looksLikeWebui(platform, rec.pid) ? rec : undefined;
}

/** Everything that can refuse, before the proxy starts: installed, env file written, port free. */
export async function checkWebuiStart(platform: Platform, paths: Paths, host: string, port: number): Promise<string> {
  const files = openwebuiFiles(platform, paths);
  if (!platform.exists(webuiExe(platform, files.venv)))
    throw new LlmctlError(t('webui.run.notInstalled', { venv: files.venv }), { hint: t('webui.run.notInstalledHint') });
  const running = await runningWebui(platform, paths);
  if (running)
    throw new LlmctlError(t('webui.run.alreadyRunning', { pid: running.pid, url: running.url }), {
      hint: t('webui.run.alreadyRunningHint'),
    });
  try {
    await assertPortFree(platform, host, port);
  } catch (e) {
    // The proxy's hint names `serve --port`; Open WebUI's port is another flag.
    if (e instanceof LlmctlError)
      throw new LlmctlError(e.message, { problems: e.problems, hint: t('webui.doctor.portFix') });
    throw e;
  }
  return files.env;
}

export interface StartedWebui {
  record: WebuiRecord;
  process: RunningProxy;
}

/** Starts Open WebUI detached (log file, own group) and records it. */
export async function startWebui(platform: Platform, paths: Paths, host: string, port: number): Promise<StartedWebui> {
  const files = openwebuiFiles(platform, paths);
  const text = await readTextIfExists(files.env);
  if (text === null)
    throw new LlmctlError(t('webui.run.noEnvFile', { file: files.env }), { hint: t('webui.run.noEnvFileHint') });
  await ensureDir(files.data);
  const env = webuiEnv(platform.env, platform.os, parseEnvFile(text), files.data);
  const cmd = {
    command: webuiExe(platform, files.venv),
    args: ['serve', '--host', host, '--port', String(port)],
    env,
    missing: [],
  };
  const proc = await startProxy(platform, cmd, { detach: true, logFile: files.logFile });
  const version = installedWebuiVersion(platform, paths);
  const record: WebuiRecord = {
    pid: proc.pid,
    host,
    port,
    url: proxyUrl(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, port),
    startedAt: new Date().toISOString(),
    logFile: files.logFile,
    ...(version ? { version } : {}),
  };
  await writeFileAtomic(files.pidFile, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o644 });
  return { record, process: proc };
}

/**
 * Polls GET /health until it answers 200 (Open WebUI needs tens of seconds, minutes on a busy
 * machine: migrations, imports); fails when the process exits first or the time is up.
 */
export async function waitForWebui(started: StartedWebui, timeoutMs = 600_000): Promise<void> {
  let exited: { code: number } | undefined;
  void started.process.exited.then((e) => (exited = e));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const r = await fetch(`${started.record.url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await Promise.race([started.process.exited, new Promise((r) => setTimeout(r, 1_000))]);
  }
  const tail = (await started.process.tail(15)).join('\n');
  throw new LlmctlError(
    exited
      ? t('webui.run.exited', { code: exited.code, log: started.record.logFile })
      : t('webui.run.timeout', { seconds: Math.round(timeoutMs / 1000), log: started.record.logFile }),
    { hint: t('webui.run.failedHint', { log: started.record.logFile }), problems: tail ? [{ message: tail }] : [] },
  );
}

/** Whether the pid still is an Open WebUI (pids get reused). */
function looksLikeWebui(platform: Platform, pid: number): boolean {
  return runsProgram(platform.os, pid, 'open-webui');
}

/** Stops the Open WebUI llmctl started and removes its record; returns it when one was running. */
export async function stopWebui(platform: Platform, paths: Paths): Promise<WebuiRecord | undefined> {
  const file = openwebuiFiles(platform, paths).pidFile;
  const rec = await readWebuiRecord(file);
  const alive = rec !== undefined && looksLikeWebui(platform, rec.pid);
  if (alive) await stopTree(platform, rec.pid, 15_000);
  await fs.rm(file, { force: true });
  return alive ? rec : undefined;
}
