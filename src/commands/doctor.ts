import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { platformFromEnv } from '../platform/fake.js';
import { log } from '../ui/log.js';
import type { Platform } from '../platform/index.js';
import type { DoctorOptions } from '../doctor/run.js';
import type { Facts } from '../doctor/facts.js';
import type { Check, FixResult } from '../doctor/types.js';

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
  if (options.fix) ({ facts, checks, fixes } = await fixRounds(platform, ctx, diagOptions, { facts, checks }));
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

/** Enough for a fix that uncovers another (a chmod that lets a sync be planned), bounded so a fix that never holds cannot loop. */
const FIX_ROUNDS = 3;

/**
 * Fixes, re-checks and fixes what the re-check found, until a round has nothing new to fix: one
 * `doctor --fix` leaves every check it can fix PASS (a mode fix can uncover drift the next sync fixes).
 */
async function fixRounds(
  platform: Platform,
  ctx: Context,
  diagOptions: DoctorOptions,
  first: { facts: Facts; checks: Check[] },
): Promise<{ facts: Facts; checks: Check[]; fixes: FixResult[] }> {
  const { diagnose } = await import('../doctor/run.js');
  const { applyFixes } = await import('../doctor/fix.js');
  const { confirmFn } = await import('../ui/prompt.js');
  let { facts, checks } = first;
  const fixes: FixResult[] = [];
  const tried = new Set<string>();
  for (let round = 0; round < FIX_ROUNDS; round++) {
    const done = await applyFixes(facts, checks, {
      announce: (t) => log.info(`fixing: ${t}`),
      suggest: (t) => log.info(`  ${t}`),
      confirm: confirmFn(false),
    });
    for (const fx of done) {
      if (fx.ok)
        log.success(`${fx.action}${fx.backup ? ` (backup ${fx.backup}; undo: llmctl restore ${fx.backup})` : ''}`);
      else log.warn(`could not ${fx.action}: ${fx.error ?? 'unknown error'}`);
    }
    fixes.push(...done);
    if (!done.length) break;
    ({ facts, checks } = await diagnose(platform, ctx.paths, diagOptions));
    // A fix that did not hold (or failed) is not tried again: the re-check shows what is left.
    const keys = done.map((fx) => `${fx.id} ${fx.action}`);
    if (done.some((fx) => !fx.ok) || keys.every((k) => tried.has(k))) break;
    keys.forEach((k) => tried.add(k));
  }
  if (!fixes.length) log.info('nothing that doctor can fix safely; see the fixes below');
  return { facts, checks, fixes };
}
