import { color } from '../ui/log.js';
import type { CheckStatus, DoctorReport } from './types.js';

const PAINT: Record<CheckStatus, (s: string) => string> = {
  PASS: color.ok,
  WARN: color.warn,
  FAIL: color.error,
  SKIP: color.dim,
};

/** One line per check; the fix on its own indented line below anything not PASS. */
export function renderTable(r: DoctorReport): string {
  const idWidth = Math.max(...r.checks.map((c) => c.id.length));
  const lines: string[] = [];
  for (const c of r.checks) {
    lines.push(`${PAINT[c.status](c.status.padEnd(4))}  ${c.id.padEnd(idWidth)}  ${c.found}`);
    if (c.status !== 'PASS' && c.fix) lines.push(`${' '.repeat(6 + idWidth)}  ${color.bold('fix:')} ${c.fix}`);
  }
  const s = r.summary;
  lines.push('', `${s.PASS} passed, ${s.WARN} warning${s.WARN === 1 ? '' : 's'}, ${s.FAIL} failed, ${s.SKIP} skipped`);
  return lines.join('\n');
}
