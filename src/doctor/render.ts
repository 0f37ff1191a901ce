import { t } from '../i18n/index.js';
import { displayWidth, padDisplay } from '../i18n/width.js';
import { color } from '../ui/log.js';
import type { CheckStatus, DoctorReport } from './types.js';

const PAINT: Record<CheckStatus, (s: string) => string> = {
  PASS: color.ok,
  WARN: color.warn,
  FAIL: color.error,
  SKIP: color.dim,
};

/** Columns between the table's columns. */
const GAP = '  ';

/**
 * One line per check; the fix on its own indented line below anything not PASS. Columns are counted
 * in terminal cells (a Chinese character takes two). With `width` (a terminal's), a long finding or
 * fix wraps onto lines indented under its own column instead of the terminal's first one.
 */
export function renderTable(r: DoctorReport, width?: number): string {
  const statusWidth = Math.max(...r.checks.map((c) => displayWidth(c.status)));
  const idWidth = Math.max(...r.checks.map((c) => displayWidth(c.id)));
  const indent = ' '.repeat(statusWidth + GAP.length + idWidth + GAP.length);
  // "fix: " in English; a label ending in a full-width colon ("修复：") needs no space after it.
  const label = t('doctor.table.fixLabel').replace(/([^：])$/, '$1 ');
  const lines: string[] = [];
  for (const c of r.checks) {
    const found = wrap(c.found, width && width - indent.length);
    lines.push(
      `${PAINT[c.status](padDisplay(c.status, statusWidth))}${GAP}${padDisplay(c.id, idWidth)}${GAP}${found[0]}`,
    );
    lines.push(...found.slice(1).map((l) => indent + l));
    if (c.status === 'PASS' || !c.fix) continue;
    const fix = wrap(c.fix, width && width - indent.length - displayWidth(label));
    lines.push(`${indent}${color.bold(label.trimEnd())}${label.endsWith(' ') ? ' ' : ''}${fix[0]}`);
    lines.push(...fix.slice(1).map((l) => indent + ' '.repeat(displayWidth(label)) + l));
  }
  const s = r.summary;
  lines.push('', t('doctor.table.summary', { pass: s.PASS, warn: s.WARN, fail: s.FAIL, skip: s.SKIP }));
  return lines.join('\n');
}

/**
 * `text` cut into lines of at most `width` terminal cells: at a space when there is one, else between
 * two characters (Chinese has no spaces). No width (not a terminal) or too narrow to help: one line.
 */
export function wrap(text: string, width?: number): string[] {
  if (!width || width < 20 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let lastSpace = -1;
  for (const ch of text) {
    if (displayWidth(line + ch) > width) {
      const cut = lastSpace > 0 ? lastSpace : line.length;
      lines.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
      lastSpace = line.lastIndexOf(' ');
    }
    line += ch;
    if (ch === ' ') lastSpace = line.length - 1;
  }
  if (line) lines.push(line);
  return lines;
}
