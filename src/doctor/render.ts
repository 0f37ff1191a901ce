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

/** Full-width punctuation a line never starts with (it closes what came before) or ends with (it opens). */
const NO_LINE_START = new Set([...'，。、：；！？）》」』】”’']);
const NO_LINE_END = new Set([...'（《「『【“‘']);
const wide = (ch: string) => displayWidth(ch) === 2;

/**
 * `text` cut into lines of at most `width` terminal cells: after a space, or next to a Chinese
 * character (Chinese has no spaces), else anywhere (a long path). No width (not a terminal) or too
 * narrow to help: one line.
 */
export function wrap(text: string, width?: number): string[] {
  if (!width || width < 20 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line: string[] = [];
  for (const ch of text) {
    if (displayWidth(line.join('') + ch) > width) {
      const cut = lastBreak([...line, ch], line.length);
      const at = cut > 0 ? cut : line.length;
      lines.push(line.slice(0, at).join('').trimEnd());
      line = line.slice(at);
      while (line[0] === ' ') line.shift();
    }
    if (line.length || ch !== ' ') line.push(ch);
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

/** The last index at or before `upTo` where `chars` may be cut, or -1. */
function lastBreak(chars: string[], upTo: number): number {
  for (let i = upTo; i > 0; i--) {
    const [before, after] = [chars[i - 1]!, chars[i]!];
    if (before === ' ' || after === ' ') return i;
    if ((wide(before) || wide(after)) && !NO_LINE_START.has(after) && !NO_LINE_END.has(before)) return i;
  }
  return -1;
}
