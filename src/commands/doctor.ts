import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { platformFromEnv } from '../platform/fake.js';
import { log } from '../ui/log.js';

export interface DoctorFlags {
  json?: boolean;
  fix?: boolean;
  online?: boolean;
}

/** `llmctl doctor [--json] [--fix] [--online]`: exit 1 when any check FAILs (after fixes, with --fix). */
export async function run(ctx: Context, options: DoctorFlags = {}): Promise<number> {
  const { diagnose, report } = await import('../doctor/run.js');
  const { renderTable } = await import('../doctor/render.js');
  const platform = platformFromEnv(ctx.platform);
  const json = Boolean(options.json ?? ctx.globals.json);
  const diagOptions = { online: Boolean(options.online) };

  let { facts, checks } = await diagnose(platform, ctx.paths, diagOptions);
  let fixes;
  if (options.fix) {
    const { applyFixes } = await import('../doctor/fix.js');
    const { confirmFn } = await import('../ui/prompt.js');
    fixes = await applyFixes(facts, checks, {
      announce: (t) => log.info(`fixing: ${t}`),
      suggest: (t) => log.info(`  ${t}`),
      confirm: confirmFn(false),
    });
    if (!fixes.length) log.info('nothing that doctor can fix safely; see the fixes below');
    for (const fx of fixes) {
      if (fx.ok)
        log.success(`${fx.action}${fx.backup ? ` (backup ${fx.backup}; undo: llmctl restore ${fx.backup})` : ''}`);
      else log.warn(`could not ${fx.action}: ${fx.error ?? 'unknown error'}`);
    }
    if (fixes.length) ({ facts, checks } = await diagnose(platform, ctx.paths, diagOptions));
  }
  const r = report(platform, checks, fixes);
  if (json) log.json(r);
  else log.out(renderTable(r));
  if (ctx.globals.verbose && facts.config && facts.presets) {
    // Preset facts nobody could confirm against the provider (templates/presets.yaml `uncertain`).
    const used = new Set(Object.values(facts.config.providers).map((p) => p.preset));
    for (const id of used) {
      const note = facts.presets.get(id)?.uncertain;
      if (note) log.info(`note (preset ${id}, unconfirmed): ${note}`);
    }
  }
  return r.ok ? ExitCode.ok : ExitCode.failure;
}
