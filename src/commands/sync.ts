import type { Context } from '../context.js';
import { ExitCode, formatProblem } from '../errors.js';
import { tEn } from '../i18n/index.js';
import { applySync, changedFiles, parseOnly, planSync, renderDiffs } from '../sync/engine.js';
import { colorDiff } from '../ui/diff.js';
import { driftHeadline, handEditLines, inSync, type Drift } from '../ui/drift.js';
import { color, log } from '../ui/log.js';
import { reportWarnings } from '../ui/summary.js';
import { askFn } from '../ui/prompt.js';

interface Options {
  dryRun?: boolean;
  check?: boolean;
  only?: string;
  force?: boolean;
  yes?: boolean;
  json?: boolean;
  /** commander's --no-restart: false keeps a running proxy on its older config. */
  restart?: boolean;
}

export async function run(ctx: Context, opts: Options): Promise<number> {
  const session = await planSync(ctx.platform, ctx.paths, {
    ...(opts.only ? { only: parseOnly(opts.only)! } : {}),
    force: Boolean(opts.force),
    confirm: askFn(Boolean(opts.yes)),
  });
  const changed = changedFiles(session.plans);
  const handEdits = session.plans.flatMap((p) => p.conflicts);
  // Hand edits are drift, not warnings: they are said once, below, with what resolves them.
  const warnings = session.plans.flatMap((p) => p.warnings);
  reportWarnings([...session.ctx.loaded.warnings, ...session.keyWarnings, ...warnings]);

  if (opts.dryRun || opts.check) {
    const files = session.plans.flatMap((p) =>
      p.files.map((f) => ({ target: p.target, path: f.path, status: status(f.before, f.after) })),
    );
    // A running proxy on an older config is drift too (status says so): never call that "in sync".
    const { proxyWouldRestart } = await import('../proxy/follow.js');
    const proxy = await proxyWouldRestart(ctx.platform, ctx.paths, session, opts.json ? tEn : undefined);
    const drift: Drift = { changed: changed.length, handEdits, staleProxy: Boolean(proxy) };
    if (opts.json)
      log.json({
        changed: changed.length,
        files,
        handEdits: handEdits.map(formatProblem),
        ...(proxy ? { proxy: { pid: proxy.pid, stale: proxy.reasons } } : {}),
      });
    else {
      if (opts.dryRun) {
        const diff = await renderDiffs(session);
        if (diff) log.out(colorDiff(diff));
      } else for (const f of files.filter((f) => f.status !== 'unchanged')) log.info(`${f.status.padEnd(9)} ${f.path}`);
      const headline = driftHeadline(drift, opts.dryRun ? 'dry-run' : 'check');
      if (headline) log.info(headline);
      for (const line of handEditLines(handEdits)) log.info(line);
      if (proxy)
        log.info(
          `The proxy (pid ${proxy.pid}) is running an older config (${proxy.reasons.join('; ')}): \`llmctl sync\` restarts it (\`llmctl serve --restart\` if no file changes).`,
        );
    }
    return opts.check && !inSync(drift) ? ExitCode.drift : ExitCode.ok;
  }

  const result = await applySync(session);
  const drift: Drift = { changed: result.written.length, handEdits, staleProxy: false };
  if (opts.json) {
    log.json({
      changed: result.written.length,
      backup: result.backup?.id ?? null,
      files: result.written.map((f) => f.path),
      handEdits: handEdits.map(formatProblem),
    });
  } else {
    for (const f of result.written)
      log.success(
        `${f.before === null ? 'created' : f.after === null ? 'removed' : 'updated'} ${f.label}: ${color.path(f.path)}`,
      );
    if (result.backup) log.info(color.dim(`Backup ${result.backup.id} — undo with \`llmctl restore\`.`));
    const headline = driftHeadline(drift, 'sync');
    if (headline) (inSync(drift) ? log.success : log.info)(headline);
    for (const line of handEditLines(handEdits)) log.info(line);
  }
  // LiteLLM reads its config only at start: a running proxy llmctl manages follows what was written.
  const { followProxy } = await import('../proxy/follow.js');
  await followProxy(ctx.platform, ctx.paths, session, { restart: opts.restart !== false });
  return ExitCode.ok;
}

function status(before: string | null, after: string | null): 'missing' | 'drifted' | 'unchanged' | 'removed' {
  if (before === after) return 'unchanged';
  if (before === null) return 'missing';
  if (after === null) return 'removed';
  return 'drifted';
}
