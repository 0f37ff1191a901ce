import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { t } from '../i18n/index.js';
import { platformFromEnv } from '../platform/fake.js';
import { log } from '../ui/log.js';
import type { Facts } from '../doctor/facts.js';

export interface DoctorFlags {
  json?: boolean;
  fix?: boolean;
  online?: boolean;
}

/** `llmctl doctor [--json] [--fix] [--online]`: exit 1 when any check FAILs (after fixes, with --fix). */
export async function run(ctx: Context, options: DoctorFlags = {}): Promise<number> {
  const { diagnose, fixRounds, report } = await import('../doctor/run.js');
  const { renderTable } = await import('../doctor/render.js');
  const platform = platformFromEnv(ctx.platform);
  const json = Boolean(options.json ?? ctx.globals.json);
  // `--json` is data: English whatever the locale (what --fix says on stderr stays in the user's).
  const diagOptions = { online: Boolean(options.online), ...(json ? { locale: 'en' as const } : {}) };

  let { facts, checks } = await diagnose(platform, ctx.paths, diagOptions);
  let fixes;
  if (options.fix) {
    const { confirmFn } = await import('../ui/prompt.js');
    ({ facts, checks, fixes } = await fixRounds(
      platform,
      ctx.paths,
      diagOptions,
      { facts, checks },
      {
        announce: (text) => log.info(t('doctor.fix.fixing', { action: text })),
        suggest: (text) => log.info(`  ${text}`),
        confirm: confirmFn(false),
        result: (ok, text) => (ok ? log.success(text) : log.warn(text)),
        info: (text) => log.info(text),
      },
    ));
  }
  const r = report(platform, checks, fixes);
  if (json) log.json(r);
  else log.out(renderTable(r, process.stdout.isTTY ? process.stdout.columns : undefined));
  if (ctx.globals.verbose) presetNotes(facts);
  return r.ok ? ExitCode.ok : ExitCode.failure;
}

/** Preset facts nobody could confirm against the provider (templates/presets.yaml `uncertain`). */
function presetNotes(facts: Facts): void {
  if (!facts.config || !facts.presets) return;
  const used = new Set(Object.values(facts.config.providers).map((p) => p.preset));
  for (const id of used) {
    const note = facts.presets.get(id)?.uncertain;
    if (note) log.info(t('doctor.presetNote', { preset: id, note }));
  }
}
