import type { Context } from '../context.js';
import { ExitCode, formatProblem } from '../errors.js';
import { t, tEn, type MessageId } from '../i18n/index.js';
import { padDisplay } from '../i18n/width.js';
import type { HandEdit } from '../targets/types.js';
import {
  applySync,
  changedFiles,
  parseOnly,
  planSync,
  renderDiffs,
  type ApplyResult,
  type SyncSession,
} from '../sync/engine.js';
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
  /** Client mode: fetch the gateway's model list again. */
  refresh?: boolean;
}

/** `llmctl sync`: plan every target, then preview it (--dry-run, --check) or write it. */
export async function run(ctx: Context, opts: Options): Promise<number> {
  const session = await planSync(ctx.platform, ctx.paths, {
    ...(opts.only ? { only: parseOnly(opts.only)! } : {}),
    force: Boolean(opts.force),
    confirm: askFn(Boolean(opts.yes)),
    ...(opts.refresh ? { refresh: true } : {}),
  });
  if (session.gateway && !opts.json) log.info(gatewayLine(session.gateway));
  const handEdits = session.plans.flatMap((p) => p.conflicts);
  // Hand edits are drift, not warnings: they are said once, below, with what resolves them.
  const warnings = session.plans.flatMap((p) => p.warnings);
  reportWarnings([...session.ctx.loaded.warnings, ...session.keyWarnings, ...warnings]);
  if (opts.dryRun || opts.check) return preview(ctx, session, handEdits, opts);

  const result = await applySync(session);
  printApplied(result, handEdits, Boolean(opts.json));
  // LiteLLM reads its config only at start: a running proxy llmctl manages follows what was written.
  const { followProxy } = await import('../proxy/follow.js');
  await followProxy(ctx.platform, ctx.paths, session, { restart: opts.restart !== false });
  return ExitCode.ok;
}

type FileStatus = 'missing' | 'drifted' | 'unchanged' | 'removed';

/** What --check lists for a file; `unchanged` is never printed. */
const STATUS_WORDS: Record<Exclude<FileStatus, 'unchanged'>, MessageId> = {
  missing: 'commands.sync.state.missing',
  drifted: 'commands.sync.state.drifted',
  removed: 'commands.sync.state.removed',
};

/** --dry-run (the diffs) and --check (the files): nothing is written; --check exits 3 on drift. */
async function preview(ctx: Context, session: SyncSession, handEdits: HandEdit[], opts: Options): Promise<number> {
  const files = session.plans.flatMap((p) =>
    p.files.map((f) => ({ target: p.target, path: f.path, status: status(f.before, f.after) })),
  );
  // A running proxy on an older config is drift too (status says so): never call that "in sync".
  const { proxyWouldRestart } = await import('../proxy/follow.js');
  const proxy = await proxyWouldRestart(ctx.platform, ctx.paths, session, opts.json ? tEn : undefined);
  const drift: Drift = { changed: changedFiles(session.plans).length, handEdits, staleProxy: Boolean(proxy) };
  if (opts.json)
    log.json({
      changed: drift.changed,
      files,
      handEdits: handEdits.map(formatProblem),
      ...(proxy ? { proxy: { pid: proxy.pid, stale: proxy.reasons } } : {}),
    });
  else {
    if (opts.dryRun) {
      const diff = await renderDiffs(session);
      if (diff) log.out(colorDiff(diff));
    } else
      for (const f of files)
        if (f.status !== 'unchanged') log.info(`${padDisplay(t(STATUS_WORDS[f.status]), 9)} ${f.path}`);
    const headline = driftHeadline(drift, opts.dryRun ? 'dry-run' : 'check');
    if (headline) log.info(headline);
    for (const line of handEditLines(handEdits)) log.info(line);
    if (proxy) log.info(t('commands.sync.staleProxy', { pid: proxy.pid, reasons: proxy.reasons.join('; ') }));
  }
  return opts.check && !inSync(drift) ? ExitCode.drift : ExitCode.ok;
}

/** What a sync wrote: one line per file and the backup, or the data with --json. */
function printApplied(result: ApplyResult, handEdits: HandEdit[], json: boolean): void {
  if (json) {
    log.json({
      changed: result.written.length,
      backup: result.backup?.id ?? null,
      files: result.written.map((f) => f.path),
      handEdits: handEdits.map(formatProblem),
    });
    return;
  }
  for (const f of result.written) {
    const id =
      f.before === null
        ? 'commands.file.created'
        : f.after === null
          ? 'commands.file.removed'
          : 'commands.file.updated';
    log.success(t(id, { label: f.label, path: color.path(f.path) }));
  }
  if (result.backup) log.info(color.dim(t('commands.sync.backup', { id: result.backup.id })));
  const drift: Drift = { changed: result.written.length, handEdits, staleProxy: false };
  const headline = driftHeadline(drift, 'sync');
  if (headline) (inSync(drift) ? log.success : log.info)(headline);
  for (const line of handEditLines(handEdits)) log.info(line);
}

/** Where the tools' models came from in client mode: fetched now, or the list fetched at a time. */
function gatewayLine(g: NonNullable<SyncSession['gateway']>): string {
  const n = g.models.length;
  if (g.fresh) return t('gateway.modelsFetched', { url: g.url, n });
  return t('gateway.modelsCached', { url: g.url, n, when: g.fetchedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') });
}

function status(before: string | null, after: string | null): FileStatus {
  if (before === after) return 'unchanged';
  if (before === null) return 'missing';
  if (after === null) return 'removed';
  return 'drifted';
}
