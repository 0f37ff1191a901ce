import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';

/**
 * A small surgical TOML editor for Codex's config.toml: llmctl sets or removes a few top-level keys
 * and one whole table; every other byte (comments, order, blank lines, the user's other tables,
 * CRLF) stays. Reading and validating is smol-toml's (a spec-compliant parser, TOML 1.0); this file
 * only finds where statements start and end, which a valid document makes simple.
 */

type TomlModule = typeof import('smol-toml');
let lib: TomlModule | undefined;

/** smol-toml is an ES module: loaded on first use, never at startup. */
export async function tomlLib(): Promise<TomlModule> {
  lib ??= await import('smol-toml');
  return lib;
}

/** Parses a TOML document, or refuses it with file:line:col and what to do. */
export function parseToml(toml: TomlModule, text: string, file: string): Record<string, unknown> {
  try {
    return toml.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (e) {
    if (isStackOverflow(e)) throw new LlmctlError(t('tools.toml.tooDeep', { file }), { hint: t('tools.fixAndRetry') });
    const err = e as { line?: number; column?: number; message?: string };
    const what = String(err.message ?? e).split('\n')[0]!;
    const where = err.line ? `:${err.line}${err.column ? `:${err.column}` : ''}` : '';
    throw new LlmctlError(t('tools.toml.invalid', { file, where, what }), {
      problems: [
        {
          file,
          ...(err.line ? { line: err.line } : {}),
          ...(err.column ? { col: err.column } : {}),
          message: what,
        },
      ],
      hint: t('tools.fixAndRetry'),
    });
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** One statement of a TOML document: a table header, a key/value pair, or trivia (blank, comment). */
export interface Statement {
  kind: 'header' | 'array-header' | 'keyval' | 'trivia';
  /** Offset of the line's first byte. */
  start: number;
  /** Offset just after the statement's last line ending (or the end of the text). */
  end: number;
  /** The dotted key of a header or key/value pair, unquoted. */
  key: string[];
  /** A key/value pair's value: its source text runs from valueStart to valueStop (no trailing comment). */
  valueStart?: number;
  valueStop?: number;
}

/** Splits a VALID TOML document into statements (multi-line strings and arrays are one statement). */
export function statements(text: string): Statement[] {
  const out: Statement[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const start = i;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c === undefined || c === '\n' || c === '\r' || c === '#') {
      i = lineEnd(text, i);
      out.push({ kind: 'trivia', start, end: i, key: [] });
      continue;
    }
    if (c === '[') {
      const array = text[i + 1] === '[';
      const k = readKey(text, i + (array ? 2 : 1));
      i = lineEnd(text, k.end);
      out.push({ kind: array ? 'array-header' : 'header', start, end: i, key: k.key });
      continue;
    }
    const k = readKey(text, i);
    let valueStart = k.end + 1;
    while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
    const v = valueEnd(text, valueStart);
    i = v.end;
    out.push({ kind: 'keyval', start, end: i, key: k.key, valueStart, valueStop: v.stop });
  }
  return out;
}

/** The offset after the line ending of the line holding `i`. */
function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n + 1;
}

/** Reads a dotted key (bare or quoted parts) up to `=` or `]`; returns the offset of that character. */
function readKey(text: string, i: number): { key: string[]; end: number } {
  const key: string[] = [];
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c === '"') {
      const close = basicStringEnd(text, i + 1);
      key.push(
        JSON.parse(
          text
            .slice(i, close + 1)
            .replace(/\\U([0-9A-Fa-f]{8})/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16))),
        ) as string,
      );
      i = close + 1;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      key.push(text.slice(i + 1, close));
      i = close + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 256));
      key.push(m ? m[0] : '');
      i += m ? m[0].length : 1;
    }
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '.') return { key, end: i };
    i++;
  }
}

/** Index of the closing quote of a basic string whose content starts at `i`. */
function basicStringEnd(text: string, i: number): number {
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/**
 * The end of a key/value statement whose value starts at `i` (past the line ending where the value
 * closes) and where the value's own text stops (before trailing blanks and a comment).
 */
function valueEnd(text: string, i: number): { end: number; stop: number } {
  let depth = 0;
  let stop = i;
  const done = (end: number) => ({ end, stop });
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      if (triple) {
        let j = i + 3;
        for (;;) {
          const close = text.indexOf(c.repeat(3), j);
          if (close < 0) return done(text.length);
          if (c === '"' && isEscaped(text, close)) {
            j = close + 1;
            continue;
          }
          i = close + 3;
          while (text[i] === c) i++; // up to two quotes may end the content itself
          break;
        }
      } else if (c === '"') i = basicStringEnd(text, i + 1) + 1;
      else i = text.indexOf("'", i + 1) + 1;
      stop = i;
      continue;
    }
    if (c === '#') {
      i = text.indexOf('\n', i);
      if (i < 0) return done(text.length);
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === '\n' && depth <= 0) return done(i + 1);
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n') stop = i + 1;
    i++;
  }
  return done(text.length);
}

function isEscaped(text: string, i: number): boolean {
  let n = 0;
  while (text[i - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

const BARE = /^[A-Za-z0-9_-]+$/;

/** A TOML key part: bare when it can be. */
export function tomlKey(k: string): string {
  return BARE.test(k) ? k : tomlString(k);
}

/**
 * A TOML basic string. JSON's escapes are TOML's, except that TOML also forbids a raw DEL and has no
 * way to write a lone surrogate: the first is escaped, the second refused by the caller's check.
 */
export function tomlString(s: string): string {
  return JSON.stringify(s).replace(/\u007f/g, '\\u007F');
}

/** True when `s` has a lone UTF-16 surrogate (no TOML string can hold it). */
export function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

/** A TOML value for the plain values llmctl writes (strings, numbers, booleans). */
export function tomlValue(v: string | number | boolean): string {
  return typeof v === 'string' ? tomlString(v) : String(v);
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const sameKey = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The source text of a top-level key's value (`"gpt-5"`, `'x'`…), to give it back byte for byte. */
export function topLevelRaw(text: string, key: string): string | undefined {
  const sts = statements(text);
  const firstTable = sts.findIndex((s) => s.kind !== 'keyval' && s.kind !== 'trivia');
  const found = (firstTable < 0 ? sts : sts.slice(0, firstTable)).find(
    (s) => s.kind === 'keyval' && sameKey(s.key, [key]),
  );
  return found ? text.slice(found.valueStart, found.valueStop) : undefined;
}

/**
 * Sets (or with `undefined` removes) a top-level key to `raw`, a TOML value's source text. An existing
 * value is replaced in place (a comment after it stays); a new line goes after the last top-level
 * key, or before the first table (and the comments above it).
 */
export function setTopLevel(text: string, key: string, raw: string | undefined): string {
  const sts = statements(text);
  const firstTable = sts.findIndex((s) => s.kind !== 'keyval' && s.kind !== 'trivia');
  const top = firstTable < 0 ? sts : sts.slice(0, firstTable);
  const found = top.find((s) => s.kind === 'keyval' && sameKey(s.key, [key]));
  const eol = eolOf(text);
  if (found) {
    if (raw === undefined) return text.slice(0, found.start) + text.slice(found.end);
    return text.slice(0, found.valueStart) + raw + text.slice(found.valueStop);
  }
  if (raw === undefined) return text;
  const line = `${tomlKey(key)} = ${raw}${eol}`;
  const lastKey = [...top].reverse().find((s) => s.kind === 'keyval');
  let at: number;
  if (lastKey) at = lastKey.end;
  else if (firstTable >= 0) {
    // Before the comment block that belongs to the first table.
    let j = firstTable;
    while (j > 0 && isComment(text, sts[j - 1]!)) j--;
    at = sts[j]!.start;
  } else at = text.length;
  const bom = text.charCodeAt(0) === 0xfeff && at === 0 ? 1 : 0;
  at += bom;
  const needsEol = at > 0 && at === text.length && !text.endsWith('\n');
  return text.slice(0, at) + (needsEol ? eol : '') + line + text.slice(at);
}

function isComment(text: string, s: Statement): boolean {
  return s.kind === 'trivia' && /^[ \t]*#/.test(text.slice(s.start, s.end));
}

/** Where a table `[path]` is: from its header to its last key/value (trailing trivia belongs to what follows). */
export function findTable(text: string, path: string[]): { start: number; end: number } | undefined {
  const sts = statements(text);
  const h = sts.findIndex((s) => s.kind === 'header' && sameKey(s.key, path));
  if (h < 0) return undefined;
  let last = h;
  for (let j = h + 1; j < sts.length && (sts[j]!.kind === 'keyval' || sts[j]!.kind === 'trivia'); j++) {
    if (sts[j]!.kind === 'keyval') last = j;
  }
  return { start: sts[h]!.start, end: sts[last]!.end };
}

/** Renders `[path]` with its key/value lines. */
export function renderTable(path: string[], entries: [string, string | number | boolean][], eol: string): string {
  const lines = [`[${path.map(tomlKey).join('.')}]`, ...entries.map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`)];
  return lines.map((l) => l + eol).join('');
}

/**
 * Sets a whole table: replaced where it is, or appended at the end after one blank line. With
 * `undefined` it is removed, with the blank line before it when it is the last thing in the file (so
 * removing an appended table gives back the bytes from before).
 */
export function setTable(
  text: string,
  path: string[],
  entries: [string, string | number | boolean][] | undefined,
): string {
  const eol = eolOf(text);
  const where = findTable(text, path);
  if (where) {
    if (entries) {
      const body = renderTable(path, entries, eol);
      const atEof = !text.slice(where.start, where.end).endsWith('\n');
      return text.slice(0, where.start) + (atEof ? body.slice(0, -eol.length) : body) + text.slice(where.end);
    }
    let start = where.start;
    const rest = text.slice(where.end);
    if (rest.trim() === '') {
      // The last table in the file: its separating blank line goes with it.
      const before = text.slice(0, start);
      const m = /(\r?\n)(\r?\n)$/.exec(before);
      if (m) start -= m[2]!.length;
      else if (/^\uFEFF?\r?\n$/.test(before)) start = before.startsWith('\uFEFF') ? 1 : 0;
    }
    return text.slice(0, start) + rest;
  }
  if (!entries) return text;
  let out = text;
  if (out !== '' && out !== '\uFEFF' && !out.endsWith('\n')) out += eol;
  if (out.trim().replace(/^\uFEFF/, '') !== '') out += eol;
  return out + renderTable(path, entries, eol);
}
