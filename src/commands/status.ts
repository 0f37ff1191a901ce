import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { tEn } from '../i18n/index.js';
import { proxyStatus, type ProxyStatus } from '../proxy/status.js';
import { RESTART_COMMAND } from '../proxy/fingerprint.js';
import { planSync } from '../sync/engine.js';
import type { HandEdit, TargetPlan } from '../targets/types.js';
import { driftHeadline, handEditLines, type Drift } from '../ui/drift.js';
import { color, log } from '../ui/log.js';

interface Options {
  json?: boolean;
}

export type TargetState = 'in sync' | 'drifted' | 'missing';

export interface TargetStatus {
  target: string;
  state: TargetState;
  files: { path: string; label: string; state: 'in sync' | 'drifted' | 'missing' | 'extra' }[];
  /** Managed entries edited by hand (left alone by sync unless --force). */
  conflicts: HandEdit[];
}

export interface StatusReport {
  targets: TargetStatus[];
  proxy: ProxyStatus;
  inSync: boolean;
}

export function targetStatus(p: TargetPlan): TargetStatus {
  const files = p.files.map((f) => ({
    path: f.path,
    label: f.label,
    state:
      f.before === f.after
        ? ('in sync' as const)
        : f.before === null
          ? ('missing' as const)
          : f.after === null
            ? ('extra' as const)
            : ('drifted' as const),
  }));
  // The target's main file (first) missing means the tool was never wired.
  const state: TargetState =
    files[0]?.state === 'missing'
      ? 'missing'
      : files.some((f) => f.state !== 'in sync') || p.conflicts.length
        ? 'drifted'
        : 'in sync';
  return { target: p.target, state, files, conflicts: p.conflicts };
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
  // A proxy running an older config is drift too: the tools already offer what it does not serve.
  const report: StatusReport = {
    targets,
    proxy,
    inSync: targets.every((t) => t.state === 'in sync') && !proxy.stale?.length,
  };
  if (json) {
    log.json(report);
    return report.inSync ? ExitCode.ok : ExitCode.drift;
  }
  const paint = (s: TargetState) => (s === 'in sync' ? color.ok(s) : s === 'missing' ? color.error(s) : color.warn(s));
  for (const t of targets) {
    log.out(`${t.target.padEnd(9)} ${paint(t.state)}`);
    for (const f of t.files)
      if (f.state !== 'in sync') log.out(`  ${f.state.padEnd(8)} ${f.label}: ${color.path(f.path)}`);
  }
  const p =
    proxy.state === 'up' ? color.ok('up') : proxy.state === 'unhealthy' ? color.warn('unhealthy') : color.dim('down');
  log.out(
    `proxy     ${p} ${proxy.url}${proxy.pid ? ` (pid ${proxy.pid})` : ''}${proxy.detail ? color.dim(` — ${proxy.detail}`) : ''}`,
  );
  if (proxy.stale?.length) log.out(`  ${color.warn('running an older config')}: ${proxy.stale.join('; ')}`);
  // The same words as sync, --dry-run and --check (src/ui/drift.ts).
  const drift: Drift = {
    changed: targets.reduce((n, t) => n + t.files.filter((f) => f.state !== 'in sync').length, 0),
    handEdits: targets.flatMap((t) => t.conflicts),
    staleProxy: Boolean(proxy.stale?.length),
  };
  const headline = driftHeadline(drift, 'status');
  if (headline) log.info(headline);
  for (const line of handEditLines(drift.handEdits)) log.info(line);
  if (!drift.changed && drift.staleProxy)
    log.info(`Run \`${RESTART_COMMAND}\` to load the current config into the proxy.`);
  return report.inSync ? ExitCode.ok : ExitCode.drift;
}
