import type { Context } from '../context.js';
import { loadConfig } from '../config/load.js';
import { ExitCode, LlmctlError, formatProblem } from '../errors.js';
import { recordProxyAddress } from '../proxy/address.js';
import { networkInterfaces } from 'node:os';
import { isLoopback, lanAddresses, proxyUrl } from '../proxy/url.js';
import { readPidFile, removePidFile, writePidFile } from '../proxy/pidfile.js';
import { groupMembers, killTree, looksLikeLitellm, stopTree } from '../proxy/process.js';
import { resolveLitellm } from '../proxy/resolve.js';
import { assertPortFree, likelyCause, proxyCommand, startProxy, waitHealthy, type RunningProxy } from '../proxy/runner.js';
import { ROTATE_KEYS_HINT, MIN_LITELLM_VERSION, compareVersions } from '../proxy/versions.js';
import { litellmConfigPath } from '../targets/litellm.js';
import { allWarnings, applySync, planSync } from '../sync/engine.js';
import { color, log, uiOptions } from '../ui/log.js';
import { spinner } from '../ui/spinner.js';

interface Options {
  port?: number;
  host?: string;
  detach?: boolean;
}

/** How long LiteLLM may take to answer its readiness probe (a cold start on a slow disk is ~30 s). */
const START_TIMEOUT_MS = Number(process.env.LLMCTL_START_TIMEOUT_MS) || 180_000;

export async function run(ctx: Context, opts: Options = {}): Promise<number> {
  const { platform, paths } = ctx;
  let loaded = await loadConfig(paths.config);
  const host = opts.host ?? loaded.config.proxy.host;
  const port = opts.port ?? loaded.config.proxy.port;
  const readdress = host !== loaded.config.proxy.host || port !== loaded.config.proxy.port;

  // Everything that can refuse is checked before a file is written.
  const litellm = await resolveLitellm(platform, paths);
  if (!litellm.path) {
    throw new LlmctlError('LiteLLM is not installed', { hint: 'run `llmctl proxy install` (or set LLMCTL_LITELLM to the path of a litellm program)', problems: litellm.tried.map((t) => ({ message: `looked at ${t}` })) });
  }
  if (platform.env.LLMCTL_LITELLM && litellm.source !== 'LLMCTL_LITELLM') log.warn(`LLMCTL_LITELLM=${platform.env.LLMCTL_LITELLM} does not exist; using ${litellm.path} instead`);
  if (litellm.compromised) {
    throw new LlmctlError(`refusing to run LiteLLM ${litellm.version} from ${litellm.path}: it is a compromised release`, { hint: ROTATE_KEYS_HINT });
  }
  if (!litellm.version) log.warn(`could not tell which LiteLLM version ${litellm.path} is`);
  else if (compareVersions(litellm.version, MIN_LITELLM_VERSION) < 0) log.warn(`LiteLLM ${litellm.version} at ${litellm.path} is older than ${MIN_LITELLM_VERSION}; \`llmctl proxy install\` gives the tested version`);

  const previous = await readPidFile(paths.pidFile);
  if (previous && looksLikeLitellm(platform, previous.pid)) {
    throw new LlmctlError(`a proxy started by llmctl is already running (pid ${previous.pid}, ${proxyUrl(previous.host, previous.port)})`, { hint: 'stop it first with `llmctl stop`' });
  }
  if (previous) await removePidFile(paths.pidFile);
  await assertPortFree(platform, host, port);
  // Plans (and so checks keys) before llmctl.yaml is touched.
  let session = await planSync(platform, paths, { only: ['litellm'] }, loaded);
  if (!isLoopback(host) && !session.ctx.masterKey) {
    throw new LlmctlError(`refusing to listen on ${host} without a proxy master key: anyone on the network could use your providers' keys`, { hint: 'set proxy.masterKey (secret:proxy is generated for you) or use --host 127.0.0.1' });
  }

  if (readdress) {
    await recordProxyAddress(paths, loaded.file, { ...(host !== loaded.config.proxy.host ? { host } : {}), ...(port !== loaded.config.proxy.port ? { port } : {}) });
    log.info(`Recorded the proxy address ${color.bold(`${host}:${port}`)} in ${color.path(loaded.file)} (the next \`llmctl serve\` uses it too).`);
    loaded = await loadConfig(paths.config);
    // Every target, so Continue and Claude Code follow the proxy to its new address.
    session = await planSync(platform, paths, {}, loaded);
  }
  for (const w of [...loaded.warnings, ...allWarnings(session.plans)]) log.warn(formatProblem(w));
  const applied = await applySync(session, readdress ? 'serve: new proxy address' : 'serve');
  for (const f of applied.written) log.success(`${f.before === null ? 'created' : 'updated'} ${f.label}: ${color.path(f.path)}`);
  if (readdress) {
    // Only a tool whose file changed has moved: a wildcard bind keeps them on the loopback URL.
    const name = (t: string) => (t === 'continue' ? 'Continue' : t === 'claude' ? 'Claude Code' : t);
    const tools = session.plans.filter((p) => p.target !== 'litellm');
    const moved = tools.filter((p) => p.files.some((f) => applied.written.includes(f))).map((p) => name(p.target));
    const same = tools.filter((p) => !p.files.some((f) => applied.written.includes(f))).map((p) => name(p.target));
    if (moved.length) log.info(`${moved.join(' and ')} now point${moved.length === 1 ? 's' : ''} at ${proxyUrl(host, port)}.`);
    if (same.length) log.info(`${same.join(' and ')} ${same.length === 1 ? 'is' : 'are'} unchanged (${same.length === 1 ? 'it reaches' : 'they reach'} the proxy at ${proxyUrl(host, port)}).`);
  }

  const configFile = litellmConfigPath(session.ctx);
  const cmd = proxyCommand(litellm.path, { configFile, host, port, config: loaded.config, secrets: session.ctx.secrets, baseEnv: platform.env, masterKey: session.ctx.masterKey });
  // cmd.missing needs no second warning: loading the config already named each unset env: key.
  const url = proxyUrl(host, port);
  const logFile = platform.path.join(paths.logs, 'proxy.log');
  const models = new Set(loaded.config.models.map((m) => m.name)).size;
  const label = `LiteLLM ${litellm.version ?? ''}`.trim();

  const proxy = await startProxy(platform, cmd, { detach: Boolean(opts.detach), logFile });
  const startedAt = new Date().toISOString();
  const record = () => ({ pid: proxy.pid, host, port, startedAt, configFile, logFile, litellm: litellm.path!, ...(litellm.version ? { version: litellm.version } : {}) });
  if (opts.detach) {
    await writePidFile(paths.pidFile, record());
    try {
      await waitForStart(proxy, url, port, label, logFile);
    } catch (e) {
      // A proxy that never became ready is not left running in the background.
      await stopTree(platform, proxy.pid, 5_000);
      await removePidFile(paths.pidFile);
      throw e;
    }
    printAddresses(url, host, models, `pid ${proxy.pid}`);
    log.info(color.dim(`Logs: ${logFile}. Stop with \`llmctl stop\`.`));
    return ExitCode.ok;
  }

  // Foreground: Ctrl-C / SIGTERM reach llmctl (LiteLLM has its own process group) and llmctl stops
  // the whole group, so no worker is left behind; a second signal kills at once.
  let stopping = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    stopping++;
    // The same signal LiteLLM would have had from the terminal: it then exits with the usual code (130 for Ctrl-C).
    void killTree(platform, proxy.pid, stopping > 1 ? 'SIGKILL' : sig === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
    if (stopping === 1) log.info(`\n${sig === 'SIGINT' ? 'Ctrl-C' : sig}: stopping LiteLLM (again to kill it at once)…`);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  try {
    let ok: boolean;
    try {
      ok = await waitForStart(proxy, url, port, label, undefined, () => stopping > 0);
    } catch (e) {
      await stopTree(platform, proxy.pid, 5_000);
      throw e;
    }
    if (ok) {
      // `llmctl stop` and `status` in another terminal find a foreground proxy the same way.
      await writePidFile(paths.pidFile, { ...record(), foreground: { llmctl: process.pid } });
      printAddresses(url, host, models, `pid ${proxy.pid}`);
      log.info(color.dim('LiteLLM logs follow. Ctrl-C (or `llmctl stop`) stops the proxy.'));
      if (uiOptions().verbose) for (const l of await proxy.tail(200)) process.stderr.write(`${l}\n`);
      proxy.setSink?.((chunk) => process.stderr.write(chunk));
    }
    const exit = await proxy.exited;
    // Anything LiteLLM forked and did not reap goes too.
    if (platform.os === 'linux' && groupMembers(proxy.pid).length) await killTree(platform, proxy.pid, 'SIGKILL');
    const mine = await readPidFile(paths.pidFile);
    // `stop` marks the record before it stops the proxy (and may have removed it since).
    const stoppedByCommand = ok && !stopping && (!mine || (mine.pid === proxy.pid && mine.stopRequested === true));
    if (!ok && !stopping) return ExitCode.failure;
    if (stopping) log.info(`LiteLLM stopped (exit code ${exit.code}).`);
    else if (stoppedByCommand) log.info(`LiteLLM stopped by \`llmctl stop\` (exit code ${exit.code}).`);
    else log.error(`LiteLLM exited with code ${exit.code}`);
    return exit.code;
  } finally {
    for (const s of signals) process.off(s, onSignal);
    const mine = await readPidFile(paths.pidFile);
    if (mine?.pid === proxy.pid) await removePidFile(paths.pidFile);
  }
}

async function waitForStart(proxy: RunningProxy, url: string, port: number, label: string, logFile: string | undefined, interrupted: () => boolean = () => false): Promise<boolean> {
  const s = await spinner(`Starting ${label} on ${url}`);
  const r = await waitHealthy(url, proxy, {
    timeoutMs: START_TIMEOUT_MS,
    onPhase: (p) => s.text(p === 'liveliness' ? `Starting ${label} on ${url} (waiting for /health/liveliness)` : `Starting ${label} on ${url} (waiting for /health/readiness)`),
  });
  if (r.ok) {
    s.succeed(`${label} is up at ${url} (ready in ${(r.ms / 1000).toFixed(1)} s)`);
    return true;
  }
  if (interrupted()) {
    s.stop();
    return false;
  }
  s.fail(r.reason === 'exited' ? `LiteLLM exited during start (code ${r.code})` : `LiteLLM did not become ready within ${START_TIMEOUT_MS / 1000} s`);
  const tail = await proxy.tail(15);
  const cause = likelyCause(tail, port);
  throw new LlmctlError(r.reason === 'exited' ? 'the proxy did not start' : 'the proxy did not become ready', {
    problems: tail.map((l) => ({ message: l })),
    hint: [cause ? `likely cause: ${cause}` : undefined, logFile ? `full log: ${logFile}` : undefined].filter(Boolean).join('; ') || 'see the log lines above',
  });
}

function printAddresses(url: string, host: string, models: number, who: string): void {
  log.out(`OpenAI base URL:    ${url}/v1`);
  log.out(`Anthropic base URL: ${url}   (ANTHROPIC_BASE_URL for Claude Code)`);
  log.out(`Models: ${models}   Key: the proxy master key (\`llmctl keys list\`)   ${who}`);
  if (isLoopback(host)) return;
  const lan = lanAddresses(host, networkInterfaces());
  if (lan.length) {
    log.out('From other machines (OpenAI base URL):');
    for (const a of lan) log.out(`  http://${a}:${url.replace(/^.*:/, '')}/v1`);
  }
  log.warn(`listening on ${host}: other machines can reach the proxy (the master key guards it)`);
}
