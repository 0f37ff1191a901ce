import { formatProblem, type Problem, type ProblemKind } from '../errors.js';
import { t } from '../i18n/index.js';
import { nameList } from './list.js';
import { log, uiOptions } from './log.js';

/** One line per kind: how many, which, and the one command that fixes them. */
const SUMMARY: Record<ProblemKind, (names: string[]) => string> = {
  'no-key': (names) => t('ui.noKeySummary', { n: names.length, names: nameList(names, 6) }),
};

/**
 * Prints warnings: each problem that stands alone as it is, the grouped ones as one summary line per
 * kind (each name once, however many files or models it touches), their details only with -v.
 */
export function reportWarnings(problems: Problem[]): void {
  const groups = new Map<ProblemKind, Problem[]>();
  for (const p of problems) {
    if (!p.group) {
      log.warn(formatProblem(p));
      continue;
    }
    groups.set(p.group.kind, [...(groups.get(p.group.kind) ?? []), p]);
  }
  for (const [kind, ps] of groups) {
    const names = [...new Set(ps.map((p) => p.group!.name))];
    log.warn(`${SUMMARY[kind](names)}${uiOptions().verbose ? ':' : t('ui.detailsWithV')}`);
    for (const p of ps) log.debug(`  ${formatProblem(p)}`);
  }
}
