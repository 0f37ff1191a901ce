import { formatProblem } from '../errors.js';
import { t } from '../i18n/index.js';
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

export const FORCE_COMMAND = 'llmctl sync --force'; // i18n-ignore: a command

export function inSync(d: Drift): boolean {
  return !d.changed && !d.handEdits.length && !d.staleProxy;
}

/** The verdict line: what this view found about the files (the proxy has its own line). */
export function driftHeadline(d: Drift, view: DriftView): string | undefined {
  const clean = inSync(d);
  if (view === 'sync') {
    if (d.changed) return undefined; // the written files are listed one by one
    return clean ? t('ui.syncInSync') : t('ui.syncNothingWritten');
  }
  if (view === 'dry-run') {
    if (d.changed) return t('ui.dryRunChanged', { n: d.changed });
    return clean ? t('ui.dryRunInSync') : t('ui.dryRunNoChange');
  }
  if (view === 'check') {
    if (d.changed) return t('ui.checkChanged', { n: d.changed });
    return clean ? t('ui.checkInSync') : t('ui.checkNoChange');
  }
  return d.changed ? t('ui.statusRunSync') : undefined;
}

/**
 * What is drifted, why it is kept, and the command that resolves it: one line for the count and the
 * reason, one per entry (which entry, where), one for the resolution.
 */
export function handEditLines(handEdits: HandEdit[]): string[] {
  const n = handEdits.length;
  if (!n) return [];
  const each = handEdits.flatMap(({ hint: _resolvedBelow, adopt, ...p }) => [
    t('ui.handEditKept', { problem: formatProblem(p) }),
    ...(adopt ? [t('ui.handEditAdopt', { adopt })] : []),
  ]);
  return [t('ui.handEditsHead', { n }), ...each, t('ui.handEditsResolve', { n, force: FORCE_COMMAND })];
}
