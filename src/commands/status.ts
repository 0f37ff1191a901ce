import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { tEn } from '../i18n/index.js';
import { proxyStatus, type ProxyStatus } from '../proxy/status.js';
import { RESTART_COMMAND } from '../proxy/fingerprint.js';
import { planSync } from '../sync/engine.js';
import type { HandEdit, TargetPlan } from '../targets/types.js';
import { driftHeadline, handEditLines, type Drift } from '../ui/drift.js';
import { color, log } from '../ui/log.js';
import { webuiStatus, webuiStatusLine, type WebuiStatus } from '../webui/status.js';
import { t, type MessageId } from '../i18n/index.js';
import { padDisplay } from '../i18n/width.js';
import { instanceStatuses } from '../serve/instances.js';
import { redisLocalStatus } from '../serve/redis-local.js';

interface Options {
  json?: boolean;
}

// i18n-ignore: the states are data (`status --json`); the screen shows them through STATE_WORDS.
const IN_SYNC = 'in sync';
export type TargetState = typeof IN_SYNC | 'drifted' | 'missing';
type FileState = TargetState | 'extra';

const STATE_WORDS: Record<FileState, MessageId> = {
  [IN_SYNC]: 'commands.status.state.inSync',
  drifted: 'commands.status.state.drifted',
  missing: 'commands.status.state.missing',
  extra: 'commands.status.state.extra',
};

export interface TargetStatus {
  target: string;
  state: TargetState;
  files: { path: string; label: string; state: FileState }[];
  /** Managed entries edited by hand (left alone by sync unless --force). */
  conflicts: HandEdit[];
}

export interface StatusReport {
  targets: TargetStatus[];
  proxy: ProxyStatus;
  /** Open WebUI, when llmctl.yaml enables it or llmctl started one. */
  webui?: WebuiStatus;
  /** Named instances (`serve --instance`), when any runs. */
  instances?: (ProxyStatus & { name: string })[];
  /** The redis-server of `serve --redis-local`, when llmctl runs one. */
  redis?: { pid: number; address: string; up: boolean };
  inSync: boolean;
}

export function targetStatus(p: TargetPlan): TargetStatus {
  const files = p.files.map((f) => ({ path: f.path, label: f.label, state: fileState(f.before, f.after) }));
  // The target's main file (first) missing means the tool was never wired.
  const state: TargetState =
    files[0]?.state === 'missing'
      ? 'missing'
      : files.some((f) => f.state !== IN_SYNC) || p.conflicts.length
        ? 'drifted'
        : IN_SYNC;
  return { target: p.target, state, files, conflicts: p.conflicts };
}

function fileState(before: string | null, after: string | null): FileState {
  if (before === after) return IN_SYNC;
  if (before === null) return 'missing';
  return after === null ? 'extra' : 'drifted';
}

/**
 * `llmctl status`: what `llmctl sync` would change, per target, and whether the proxy runs.
 * Exit 0 when every target is in sync, 3 (drift) otherwise — also for hand edits sync leaves alone.
 */
export async function run(ctx: Context, opts: Options = {}): Promise<number> {
  // No confirm function: status never asks questions and never writes.
  const session = await planSync(ctx.platform, ctx.paths, { force: false });
  const targets = session.plans.map(targetStatus);
  // --json is data: the proxy's detail and reasons stay English there.
  const json = Boolean(opts.json || ctx.globals.json);
  const proxy = await proxyStatus(ctx.paths, session.ctx.config, session.ctx.secrets, json ? tEn : undefined);
  const instances = await instanceStatuses(ctx.paths, session.ctx.config, session.ctx.secrets, json ? tEn : t);
  const redis = await redisLocalStatus(ctx.paths, session.ctx.secrets);
  // A proxy running an older config is drift too: the tools already offer what it does not serve.
  const webui = await webuiStatus(ctx.platform, ctx.paths, session.ctx.config.tools.openwebui.enabled);
  const report: StatusReport = {
    targets,
    proxy,
    ...(webui ? { webui } : {}),
    ...(instances.length ? { instances } : {}),
    ...(redis ? { redis } : {}),
    inSync: targets.every((s) => s.state === IN_SYNC) && ![proxy, ...instances].some((p) => p.stale?.length),
  };
  if (json) {
    log.json(report);
    return report.inSync ? ExitCode.ok : ExitCode.drift;
  }
  printStatus(report);
  return report.inSync ? ExitCode.ok : ExitCode.drift;
}

/** The human view of a status report: one line per target and file that differs, the proxy, the verdict. */
function printStatus({ targets, proxy, webui, instances = [], redis }: StatusReport): void {
  const word = (s: FileState) => t(STATE_WORDS[s]);
  const paint = (s: TargetState) =>
    s === IN_SYNC ? color.ok(word(s)) : s === 'missing' ? color.error(word(s)) : color.warn(word(s));
  for (const target of targets) {
    log.out(`${target.target.padEnd(9)} ${paint(target.state)}`);
    for (const f of target.files)
      if (f.state !== IN_SYNC) log.out(`  ${padDisplay(word(f.state), 8)} ${f.label}: ${color.path(f.path)}`);
  }
  printProxy(t('commands.status.proxy'), proxy);
  for (const i of instances) printProxy(t('scale.status.instance', { name: i.name }), i);
  if (redis) {
    const state = redis.up ? color.ok(t('commands.status.proxy.up')) : color.warn(t('commands.status.proxy.unhealthy'));
    const detail = t(redis.up ? 'scale.status.redisUp' : 'scale.status.redisDown', redis);
    log.out(`${padDisplay('redis', 9)} ${state} ${color.dim(`— ${detail}`)}`);
  }
  if (webui) log.out(webuiStatusLine(webui));
  // The same words as sync, --dry-run and --check (src/ui/drift.ts).
  const drift: Drift = {
    changed: targets.reduce((n, s) => n + s.files.filter((f) => f.state !== IN_SYNC).length, 0),
    handEdits: targets.flatMap((s) => s.conflicts),
    staleProxy: [proxy, ...instances].some((p) => Boolean(p.stale?.length)),
  };
  const headline = driftHeadline(drift, 'status');
  if (headline) log.info(headline);
  for (const line of handEditLines(drift.handEdits)) log.info(line);
  if (!drift.changed && drift.staleProxy) log.info(t('commands.status.restartHint', { command: RESTART_COMMAND }));
}

function printProxy(label: string, proxy: ProxyStatus): void {
  const p =
    proxy.state === 'up'
      ? color.ok(t('commands.status.proxy.up'))
      : proxy.state === 'unhealthy'
        ? color.warn(t('commands.status.proxy.unhealthy'))
        : color.dim(t('commands.status.proxy.down'));
  const pid = proxy.pid ? ` (pid ${proxy.pid})` : '';
  const detail = proxy.detail ? color.dim(` — ${proxy.detail}`) : '';
  log.out(`${padDisplay(proxy.remote ? t('gateway.status.label') : label, 9)} ${p} ${proxy.url}${pid}${detail}`);
  if (proxy.stale?.length) log.out(`  ${color.warn(t('commands.status.olderConfig'))}: ${proxy.stale.join('; ')}`);
}
