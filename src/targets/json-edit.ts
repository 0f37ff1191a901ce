import { t } from '../i18n/index.js';
import type { Node, ParseError } from 'jsonc-parser';
import { jsonc } from '../deps.js';
import { LlmctlError } from '../errors.js';
import { checkJsonDepth } from './read-tool-file.js';

/**
 * Edits of a user's JSON file that keep everything llmctl does not touch byte-identical: key order,
 * indentation (spaces or tabs, as the file has them), CRLF line endings and a UTF-8 BOM.
 */

export interface JsonStyle {
  bom: boolean;
  eol: '\n' | '\r\n';
  /** The indentation unit of the file ('  ', '    ', '\t'). */
  indent: string;
}

const BOM = '\uFEFF';

// jsonc-parser is loaded only to edit a file or to locate a syntax error: reading valid JSON is
// JSON.parse's job, so a sync with nothing to change never loads it.

export function detectStyle(text: string): JsonStyle {
  const bom = text.startsWith(BOM);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  let indent = '  ';
  if (m) indent = m[1]!.startsWith('\t') ? '\t' : ' '.repeat(Math.min(m[1]!.length, 8));
  return { bom, eol, indent };
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

/**
 * Parses strict JSON (what Claude Code reads). Invalid input is refused with file:line:col, so the
 * caller writes nothing. A BOM is allowed; the top level must be an object.
 */
export function parseJsonObject(text: string, file: string): Record<string, unknown> {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') return {};
  // JSON.parse copes with any depth, but the editor (jsonc-parser) and llmctl's own walks recurse.
  checkJsonDepth(body, file);
  let value: unknown;
  try {
    // What Claude Code itself reads the file with, so it is the judge of "valid".
    value = JSON.parse(body);
  } catch (err) {
    throw invalidJson(body, file, err);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LlmctlError(t('targets.jsonNotObject', { file }), { hint: t('targets.jsonNotObjectHint') });
  }
  return value as Record<string, unknown>;
}

/** The error for text JSON.parse refused, placed at file:line:col by jsonc-parser's scanner. */
function invalidJson(body: string, file: string, err: unknown): LlmctlError {
  const { parseTree, printParseErrorCode } = jsonc();
  const errors: ParseError[] = [];
  parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const e = errors[0];
  const what = e ? printParseErrorCode(e.error) : err instanceof Error ? err.message : 'invalid';
  const where = e ? lineCol(body, e.offset) : { line: 1, col: 1 };
  return new LlmctlError(t('targets.jsonInvalidAt', { file, ...where, what }), {
    problems: [
      {
        file,
        ...where,
        message: t('targets.jsonInvalid', { what }),
        hint: t('targets.jsonInvalidHint'),
      },
    ],
    hint: t('fs.nothingWritten'),
  });
}

/** The value rendered at a nesting depth in the file's style (objects expanded, arrays compact). */
function renderValue(v: unknown, depth: number, style: JsonStyle): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (!entries.length) return '{}';
    const inner = style.indent.repeat(depth + 1);
    const members = entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${renderValue(x, depth + 1, style)}`);
    return `{${style.eol}${members.join(`,${style.eol}`)}${style.eol}${style.indent.repeat(depth)}}`;
  }
  return JSON.stringify(v);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Sets (or, with `undefined`, removes) one value. Only the bytes of that value (or of the new or
 * removed property) change: siblings keep their formatting. (jsonc-parser's own formatter also
 * re-indents neighbouring values, which would rewrite the user's hooks and permissions.)
 */
export function setJsonValue(text: string, path: string[], value: unknown): string {
  const style = detectStyle(text);
  let body = style.bom ? text.slice(1) : text;
  if (body.trim() === '') body = `{}${style.eol}`;
  const tree = jsonc().parseTree(body, [], { disallowComments: true });
  // i18n-ignore: a bug, never shown to a user (callers parse first)
  if (!tree || tree.type !== 'object') throw new Error('setJsonValue: not a JSON object');
  const out = value === undefined ? removeAt(body, tree, path) : setAt(body, tree, path, value, style);
  return style.bom ? BOM + out : out;
}

function setAt(body: string, tree: Node, path: string[], value: unknown, style: JsonStyle): string {
  const { findNodeAtLocation } = jsonc();
  const found = findNodeAtLocation(tree, path);
  // A value at path length n sits n levels deep (top-level properties' values at 1).
  if (found) return splice(body, found.offset, found.offset + found.length, renderValue(value, path.length, style));
  // Walk down to the deepest existing object, then add the rest of the path there as one property.
  let parent = tree;
  let depth = 0;
  for (; depth < path.length - 1; depth++) {
    const next = findNodeAtLocation(tree, path.slice(0, depth + 1));
    if (!next || next.type !== 'object') {
      if (next) {
        // A non-object where an object must go (e.g. "env": null): replace it.
        return splice(
          body,
          next.offset,
          next.offset + next.length,
          renderValue(nest(path.slice(depth + 1), value), depth + 1, style),
        );
      }
      break;
    }
    parent = next;
  }
  const key = path[depth]!;
  const v = nest(path.slice(depth + 1), value);
  const prop = `${JSON.stringify(key)}: ${renderValue(v, depth + 1, style)}`;
  const children = parent.children ?? [];
  if (children.length) {
    const last = children[children.length - 1]!;
    const end = last.offset + last.length;
    return splice(body, end, end, `,${style.eol}${style.indent.repeat(depth + 1)}${prop}`);
  }
  // Empty object: write it out fresh between its braces.
  return splice(
    body,
    parent.offset,
    parent.offset + parent.length,
    `{${style.eol}${style.indent.repeat(depth + 1)}${prop}${style.eol}${style.indent.repeat(depth)}}`,
  );
}

function nest(rest: string[], value: unknown): unknown {
  return rest.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value);
}

function removeAt(body: string, tree: Node, path: string[]): string {
  const valueNode = jsonc().findNodeAtLocation(tree, path);
  const prop = valueNode?.parent;
  const obj = prop?.parent;
  if (!valueNode || !prop || !obj || prop.type !== 'property') return body;
  const siblings = obj.children!;
  const i = siblings.indexOf(prop);
  if (siblings.length === 1) return splice(body, obj.offset, obj.offset + obj.length, '{}');
  // The exact inverse of adding after the last property: remove from the previous sibling's end.
  if (i > 0) {
    const prev = siblings[i - 1]!;
    return splice(body, prev.offset + prev.length, prop.offset + prop.length, '');
  }
  return splice(body, prop.offset, siblings[1]!.offset, '');
}
