import { currentLocale, setLocale, t } from '../i18n/index.js';
import type { Locale } from '../i18n/locale.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { COMMON_CHECKS } from './checks.js';
import { gatherFacts, type Facts } from './facts.js';
import type { FixHooks } from './fix.js';
import { type AppliedFix, type Check, type DoctorReport, type FixResult, summarize } from './types.js';
import { scaleChecks } from './scale-checks.js';
import { toolChecks } from './tools-checks.js';
import { webuiChecks } from './webui-checks.js';
import { windowsChecks } from './windows.js';

export interface DoctorOptions {
  online?: boolean;
  /** For tests: pretend to run on this Node version. */
  nodeVersion?: string;
  /**
   * The language of titles, findings and fixes; the active locale when not given. `--json` asks for
   * English: it is data for scripts, the same whatever the user's locale.
   */
  locale?: Locale;
}

/** Runs every check on freshly gathered facts. Never writes anything. */
export async function diagnose(
  platform: Platform,
  paths: Paths,
  options: DoctorOptions = {},
): Promise<{ facts: Facts; checks: Check[] }> {
  return inLocale(options.locale, async () => {
    const facts = await gatherFacts(platform, paths, options.nodeVersion);
    const checks = [
      ...COMMON_CHECKS.flatMap((c) => c(facts)),
      ...(await toolChecks(facts)),
      ...(await webuiChecks(facts)),
      ...(await windowsChecks(facts)),
      ...(await scaleChecks(facts)),
    ];
    if (options.online) {
      const { onlineChecks } = await import('./online.js');
      checks.push(
        ...(await onlineChecks(facts)),
        ...(await (await import('./tools-online.js')).toolOnlineChecks(facts)),
      );
    }
    return { facts, checks };
  });
}

/**
 * `fn` with messages in `locale`. Facts are gathered in it too, so the errors other modules word (a
 * file that does not parse) are in the same language as the finding around them.
 */
async function inLocale<T>(locale: Locale | undefined, fn: () => Promise<T>): Promise<T> {
  const was = currentLocale();
  if (!locale || locale === was) return fn();
  setLocale(locale);
  try {
    return await fn();
  } finally {
    setLocale(was);
  }
}

export function report(platform: Platform, checks: Check[], fixes?: FixResult[]): DoctorReport {
  return {
    version: 1,
    platform: platform.os,
    ok: !checks.some((c) => c.status === 'FAIL'),
    summary: summarize(checks),
    checks,
    // `shown` is the screen's wording of an action; `--json` keeps the English `action` only.
    ...(fixes ? { fixes: fixes.map(({ id, action, ok, backup, error }) => ({ id, action, ok, backup, error })) } : {}),
  };
}

/**
 * Enough for a fix that uncovers another (a chmod that lets a sync
 * be planned), bounded so a fix that never holds cannot loop.
 */
const FIX_ROUNDS = 3;

/** How `--fix` talks to the user while it works (the command prints; tests collect). */
export interface FixReporter extends FixHooks {
  /** One fix's outcome, in the user's language. */
  result(ok: boolean, text: string): void;
  /** Anything else worth a line (nothing could be fixed). */
  info(text: string): void;
}

/**
 * Fixes, re-checks and fixes what the re-check found, until a round has nothing new to fix: one
 * `doctor --fix` leaves every check it can fix PASS (a mode fix can uncover drift the next sync fixes).
 */
export async function fixRounds(
  platform: Platform,
  paths: Paths,
  options: DoctorOptions,
  first: { facts: Facts; checks: Check[] },
  reporter: FixReporter,
): Promise<{ facts: Facts; checks: Check[]; fixes: AppliedFix[] }> {
  const { applyFixes } = await import('./fix.js');
  let { facts, checks } = first;
  const fixes: AppliedFix[] = [];
  const tried = new Set<string>();
  for (let round = 0; round < FIX_ROUNDS; round++) {
    const done = await applyFixes(facts, checks, reporter);
    for (const fx of done) reporter.result(fx.ok, fixOutcome(fx));
    fixes.push(...done);
    if (!done.length) break;
    ({ facts, checks } = await diagnose(platform, paths, options));
    // A fix that did not hold (or failed) is not tried again: the re-check shows what is left.
    const keys = done.map((fx) => `${fx.id} ${fx.action}`);
    if (done.some((fx) => !fx.ok) || keys.every((k) => tried.has(k))) break;
    keys.forEach((k) => tried.add(k));
  }
  if (!fixes.length) reporter.info(t('doctor.fix.nothing'));
  return { facts, checks, fixes };
}

function fixOutcome(fx: AppliedFix): string {
  if (!fx.ok) return t('doctor.fix.failed', { action: fx.shown, error: fx.error ?? t('doctor.fix.unknownError') });
  return fx.backup ? t('doctor.fix.doneBackup', { action: fx.shown, backup: fx.backup }) : fx.shown;
}
