import { existsSync, readFileSync, promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { START_TIMEOUT_MS, type Launch } from './launch.js';
import type { PidRecord } from './pidfile.js';
import { killTree, stopTree } from './process.js';
import {
  assertPortFree,
  likelyCause,
  listenError,
  startProxy,
  waitHealthy,
  type ProxyCommand,
  type RunningProxy,
  type WaitOutcome,
} from './runner.js';

/**
 * Runs LiteLLM's own CLI after importing the proxy server module — the slow part of a start (seconds
 * to tens of seconds on a loaded machine) — and then waits for llmctl to open the gate (a file).
 * llmctl opens it once the old proxy has let go of the port, so the old one serves while the new one
 * imports. The gate must come before `run_server`: it picks a random port when 4000 is in use.
 */
// i18n-ignore: Python source run by the new LiteLLM
const PRELUDE = `import os, sys, time
import litellm.proxy.proxy_server
gate = os.environ.pop('LLMCTL_GATE', '')
if gate:
    open(gate + '.warm', 'w').close()
    deadline = time.time() + 600
    while not os.path.exists(gate):
        if time.time() > deadline: sys.exit('llmctl did not open the restart gate (litellm)')
        time.sleep(0.02)
from litellm.proxy.proxy_cli import run_server
run_server(args=sys.argv[1:], prog_name='litellm')
`;

/** The Python that runs this litellm: beside it in a virtual environment, else its script's shebang. */
export function pythonOf(platform: Platform, exe: string): string | undefined {
  const dir = platform.path.dirname(exe);
  for (const name of platform.os === 'win32' ? ['python.exe'] : ['python', 'python3']) {
    const p = platform.path.join(dir, name);
    if (platform.exists(p)) return p;
  }
  try {
    const shebang = /^#!\s*(\S+)/.exec(readFileSync(exe, { encoding: 'latin1' }).slice(0, 300))?.[1];
    if (shebang && /python[\d.]*$/.test(shebang) && platform.exists(shebang)) return shebang;
  } catch {
    // not readable
  }
  return undefined;
}

export function warmCommand(cmd: ProxyCommand, python: string, gate: string): ProxyCommand {
  return { ...cmd, command: python, args: ['-c', PRELUDE, ...cmd.args], env: { ...cmd.env, LLMCTL_GATE: gate } };
}

export interface Replaced {
  proxy: RunningProxy;
  /** From the moment the old proxy stopped answering to the new one's readiness; 0 when it moved. */
  downtimeMs: number;
  /** warm: imported while the old one served; cold: stopped first; moved: new address, no overlap needed. */
  how: 'warm' | 'cold' | 'moved';
}

export interface ReplaceOptions {
  detach: boolean;
  /** Called with each new LiteLLM's pid as soon as it exists (a foreground serve stops it on Ctrl-C). */
  onSpawn?: (pid: number) => void;
  onStep?: (text: string) => void;
}

/**
 * Replaces the running proxy `old` by one started from `l`, keeping the time nobody answers short:
 * the new process does its slow import while the old one still serves. If the new one fails before the
 * old one is stopped, the old one keeps running (and the error says so).
 */
export async function replaceProxy(
  platform: Platform,
  old: PidRecord,
  l: Launch,
  o: ReplaceOptions,
): Promise<Replaced> {
  if (old.host !== l.host || old.port !== l.port) return moveProxy(platform, old, l, o);
  const python = pythonOf(platform, l.litellm.path);
  return python ? warmRestart(platform, old, l, o, python) : coldRestart(platform, old, l, o);
}

/** A new address: the new proxy starts beside the old one, which stops once the new one is ready. */
async function moveProxy(platform: Platform, old: PidRecord, l: Launch, o: ReplaceOptions): Promise<Replaced> {
  await assertPortFree(platform, l.host, l.port);
  const proxy = await spawn(platform, l.cmd, l, o);
  await ready(platform, proxy, l, await waitHealthy(l.url, proxy, { timeoutMs: START_TIMEOUT_MS }), true, o.detach);
  await stopTree(platform, old.pid);
  return { proxy, downtimeMs: 0, how: 'moved' };
}

/** No Python to run the prelude with: stop, then start. */
async function coldRestart(platform: Platform, old: PidRecord, l: Launch, o: ReplaceOptions): Promise<Replaced> {
  const t0 = Date.now();
  await stopTree(platform, old.pid);
  const proxy = await spawn(platform, l.cmd, l, o);
  await ready(platform, proxy, l, await waitHealthy(l.url, proxy, { timeoutMs: START_TIMEOUT_MS }), false, o.detach);
  return { proxy, downtimeMs: Date.now() - t0, how: 'cold' };
}

/** The new LiteLLM imports behind a gate while the old one serves; the gate opens once the port is free. */
async function warmRestart(
  platform: Platform,
  old: PidRecord,
  l: Launch,
  o: ReplaceOptions,
  python: string,
): Promise<Replaced> {
  const gateDir = platform.path.dirname(l.logFile);
  await fs.mkdir(gateDir, { recursive: true, mode: 0o700 });
  const gate = platform.path.join(gateDir, `.restart-gate-${randomBytes(6).toString('hex')}`);
  try {
    const proxy = await spawn(platform, warmCommand(l.cmd, python, gate), l, o);
    o.onStep?.(t('proxy.restart.loading', { label: l.label }));
    const warm = await waitFor(() => existsSync(`${gate}.warm`), proxy, START_TIMEOUT_MS);
    if (warm !== 'ok') {
      const failed: WaitOutcome =
        warm === 'exited'
          ? { ok: false, reason: 'exited', code: (await proxy.exited).code }
          : { ok: false, reason: 'timeout' };
      await ready(platform, proxy, l, failed, true, o.detach);
    }
    o.onStep?.(t('proxy.restart.switching'));
    const t0 = Date.now();
    await releasePort(platform, old);
    await fs.writeFile(gate, '');
    const up = await waitHealthy(l.url, proxy, { timeoutMs: START_TIMEOUT_MS, intervalMs: 25 });
    await ready(platform, proxy, l, up, false, o.detach);
    const downtimeMs = Date.now() - t0;
    // Requests the old one was answering got their time; now make sure nothing of it is left.
    await stopTree(platform, old.pid);
    return { proxy, downtimeMs, how: 'warm' };
  } finally {
    await fs.rm(gate, { force: true });
    await fs.rm(`${gate}.warm`, { force: true });
  }
}

/** Asks the old proxy to stop (it closes its listening socket first) and waits until the port is free. */
async function releasePort(platform: Platform, old: PidRecord): Promise<void> {
  // Windows has no graceful signal for a process without a console window: taskkill needs /F there.
  await killTree(platform, old.pid, platform.os === 'win32' ? 'SIGKILL' : 'SIGTERM');
  const free = () => listenError(old.host, old.port).then((e) => e === undefined);
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (await free()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  await stopTree(platform, old.pid, 0);
}

async function spawn(platform: Platform, cmd: ProxyCommand, l: Launch, o: ReplaceOptions): Promise<RunningProxy> {
  // The old proxy may still write to its log: it keeps its file under the old name.
  if (o.detach) await fs.rename(l.logFile, l.logFile.replace(/(\.log)?$/, '.previous.log')).catch(() => {});
  const proxy = await startProxy(platform, cmd, { detach: o.detach, logFile: l.logFile });
  o.onSpawn?.(proxy.pid);
  return proxy;
}

async function waitFor(
  cond: () => boolean,
  proxy: RunningProxy,
  timeoutMs: number,
): Promise<'ok' | 'exited' | 'timeout'> {
  let exited = false;
  void proxy.exited.then(() => (exited = true));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (cond()) return 'ok';
    if (exited) return 'exited';
    await new Promise((r) => setTimeout(r, 25));
  }
  return 'timeout';
}

/** Throws (after stopping the new process) unless it became ready; says whether the old one still runs. */
async function ready(
  platform: Platform,
  proxy: RunningProxy,
  l: Launch,
  r: WaitOutcome,
  oldStillRuns: boolean,
  hasLog: boolean,
): Promise<void> {
  if (r.ok) return;
  const tail = await proxy.tail(15);
  await stopTree(platform, proxy.pid, 5_000);
  const cause = likelyCause(tail, l.port);
  const what =
    r.reason === 'exited'
      ? t('proxy.restart.newExited', { code: r.code })
      : t('proxy.restart.newTimeout', { seconds: START_TIMEOUT_MS / 1000 });
  throw new LlmctlError(t('proxy.restart.newFailed', { what, oldRuns: oldStillRuns }), {
    problems: tail.map((m) => ({ message: m })),
    hint: [
      cause ? t('proxy.start.likelyCause', { cause }) : undefined,
      hasLog ? t('proxy.restart.log', { file: l.logFile }) : undefined,
      t('proxy.restart.fixThen'),
    ]
      .filter(Boolean)
      .join(t('proxy.join.reasons')),
  });
}
