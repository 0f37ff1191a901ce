import { formatProblem } from '../errors.js';
import type { HandEdit } from '../targets/types.js';

/**
 * The one vocabulary for "does what is on disk match llmctl.yaml?", shared by `status`, `sync`,
 * `sync --dry-run` and `sync --check` so they never contradict each other. "In sync" is said only
 * when nothing differs: no file to write, no managed entry edited by hand, no proxy on an older config.
 */
export interface Drift {
  /** Files sync would write (or wrote). */
  changed: number;
  /** Managed entries edited by hand, which sync keeps (TargetPlan.conflicts). */
  handEdits: HandEdit[];
  /** The running proxy started from an older config. */
  staleProxy: boolean;
}

export type DriftView = 'sync' | 'dry-run' | 'check' | 'status';

export const FORCE_COMMAND = 'llmctl sync --force';

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

export function inSync(d: Drift): boolean {
  return !d.changed && !d.handEdits.length && !d.staleProxy;
}

/** The verdict line: what this view found about the files (the proxy has its own line). */
export function driftHeadline(d: Drift, view: DriftView): string | undefined {
  const clean = inSync(d);
  if (view === 'sync') {
    if (d.changed) return undefined; // the written files are listed one by one
    return clean ? 'Everything is already in sync: nothing written.' : 'No file needed writing: nothing written.';
  }
  if (view === 'dry-run') {
    if (d.changed) return `${files(d.changed)} would change (dry run: nothing written).`;
    return clean ? 'Everything is in sync: nothing would change.' : 'No file would change.';
  }
  if (view === 'check') {
    if (d.changed) return `${files(d.changed)} differ from what llmctl would write: run \`llmctl sync\`.`;
    return clean ? 'Everything is in sync.' : 'No file differs from what llmctl would write.';
  }
  return d.changed
    ? 'Run `llmctl sync` to bring the targets in line (`llmctl sync --dry-run` shows the changes).'
    : undefined;
}

/**
 * What is drifted, why it is kept, and the command that resolves it: one line for the count and the
 * reason, one per entry (which entry, where), one for the resolution.
 */
export function handEditLines(handEdits: HandEdit[]): string[] {
  const n = handEdits.length;
  if (!n) return [];
  const head = `${n} managed entr${n === 1 ? 'y differs' : 'ies differ'} from llmctl.yaml: edited by hand, so llmctl keeps ${n === 1 ? 'that edit' : 'those edits'} (sync never overwrites a hand edit):`;
  const each = handEdits.flatMap(({ hint: _resolvedBelow, adopt, ...p }) => [
    `  kept: ${formatProblem(p)}`,
    ...(adopt ? [`    to keep it for good, put \`${adopt}\` in llmctl.yaml (then \`llmctl sync\`)`] : []),
  ]);
  const resolve =
    `To take llmctl’s value back: \`${FORCE_COMMAND}\` (backed up first). ` +
    `To keep ${n === 1 ? 'the edit' : 'the edits'}: nothing to do — ${n === 1 ? 'it stays' : 'they stay'} and ${n === 1 ? 'is' : 'are'} reported here until llmctl.yaml says the same.`;
  return [head, ...each, resolve];
}
