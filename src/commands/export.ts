import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { exportCompose, exportHelm, type ExportResult } from '../export/run.js';
import { t } from '../i18n/index.js';
import { color, log } from '../ui/log.js';
import { reportWarnings } from '../ui/summary.js';

interface Common {
  out?: string;
  replicas?: number;
  workers?: number;
  force?: boolean;
}

/** `llmctl export compose`: a docker compose project for the team gateway (src/export/compose.ts). */
export async function runCompose(
  ctx: Context,
  opts: Common & { postgres?: boolean; webui?: boolean },
): Promise<number> {
  const r = await exportCompose(ctx.platform, ctx.paths, opts);
  report(r);
  log.info(t('exporting.composeNext', { dir: r.dir }));
  return ExitCode.ok;
}

/** `llmctl export helm-values`: values for LiteLLM's Helm chart and the Secret (src/export/helm.ts). */
export async function runHelm(ctx: Context, opts: Common & { redisHost?: string }): Promise<number> {
  const r = await exportHelm(ctx.platform, ctx.paths, opts);
  report(r);
  log.info(t('exporting.helmNext', { dir: r.dir }));
  return ExitCode.ok;
}

function report(r: ExportResult): void {
  reportWarnings(r.warnings);
  for (const n of r.notes) log.warn(n);
  for (const rel of r.written) log.success(t('exporting.wrote', { file: color.path(rel) }));
  for (const rel of r.removed) log.info(t('exporting.removed', { file: color.path(rel) }));
  for (const rel of r.kept) log.warn(t('exporting.keptEdited', { file: color.path(rel) }));
  if (!r.written.length && !r.removed.length) log.info(t('exporting.upToDate', { dir: r.dir }));
  else log.info(t('exporting.into', { dir: color.path(r.dir) }));
  if (r.backupId) log.info(color.dim(t('exporting.backedUp', { id: r.backupId })));
}
