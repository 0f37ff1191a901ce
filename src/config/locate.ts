import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../deps.js';
import type { Problem } from '../errors.js';

export type PathSegment = string | number;

/** `models[3].provider` from ['models', 3, 'provider']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/**
 * Finds where a field path is in a parsed YAML document: the value's node, or for a missing key
 * the closest existing parent. Returns a 1-based line and column.
 */
export function locate(
  doc: Document,
  lc: LineCounter,
  path: readonly PropertyKey[],
): { line: number; col: number } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && (isScalar(it.key) ? it.key.value : it.key) === seg);
      if (!pair || !isPair(pair)) break;
      // Point at the key for a value that is a collection, at the value for a scalar.
      offset = isScalar(pair.value) ? rangeStart(pair.value) : (rangeStart(pair.key) ?? offset);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  if (offset === undefined) return undefined;
  const pos = lc.linePos(offset);
  return { line: pos.line, col: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const n = node as Node | null | undefined;
  return n && Array.isArray(n.range) ? n.range[0] : undefined;
}

/**
 * Where every field down to `depth` segments is (`providers.zhipu.apiKey` → [line, col]), with the
 * positions `locate` gives, so a cached llmctl.yaml can place a warning without being parsed again.
 */
export function positionIndex(doc: Document, lc: LineCounter, depth = 3): Record<string, [number, number]> {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const out: Record<string, [number, number]> = {};
  const put = (path: PathSegment[], offset: number | undefined) => {
    if (offset === undefined) return;
    const pos = lc.linePos(offset);
    out[formatPath(path)] = [pos.line, pos.col];
  };
  const walk = (node: unknown, path: PathSegment[]) => {
    if (path.length >= depth) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const p = [...path, typeof key === 'number' ? String(key) : key];
        put(p, isScalar(pair.value) ? rangeStart(pair.value) : rangeStart(pair.key));
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = [...path, i];
        put(p, rangeStart(item));
        walk(item, p);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

export type Place = Pick<Problem, 'file' | 'line' | 'col' | 'path'>;

export interface LocatedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** file:line:col and the field path of a place in the document. */
  at(path: readonly PropertyKey[]): Place;
  /** Syntax errors, each at its line and column (first line of the parser's message). */
  errors: Problem[];
}

/** Parses YAML keeping positions, so every later problem can name its line and column. */
export function parseYamlLocated(text: string, file: string, options: { uniqueKeys?: boolean } = {}): LocatedYaml {
  const { parseDocument, LineCounter } = yaml();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? false });
  const errors = doc.errors.map((e): Problem => {
    // linePos is only filled in with prettyErrors; the offset always is.
    const pos = e.linePos?.[0] ?? (typeof e.pos?.[0] === 'number' ? lc.linePos(e.pos[0]) : undefined);
    return { file, ...(pos ? { line: pos.line, col: pos.col } : {}), message: e.message.split('\n')[0]! };
  });
  return { doc, lineCounter: lc, errors, at: (path) => ({ file, ...locate(doc, lc, path), path: formatPath(path) }) };
}
