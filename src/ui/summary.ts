import { formatProblem, type Problem, type ProblemKind } from '../errors.js';
import { log, uiOptions } from './log.js';

const list = (names: string[]) => (names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', '));

/** One line per kind: how many, which, and the one command that fixes them. */
const SUMMARY: Record<ProblemKind, (names: string[]) => string> = {
  'no-key': (names) =>
    `${names.length} provider${names.length === 1 ? ' has' : 's have'} no key yet: ${list(names)} — \`llmctl keys set NAME\`, or export its variable before \`llmctl serve\``,
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
    log.warn(`${SUMMARY[kind](names)}${uiOptions().verbose ? ':' : ' (details: -v)'}`);
    for (const p of ps) log.debug(`  ${formatProblem(p)}`);
  }
}
