import { t } from '../i18n/index.js';
import type { Node } from 'jsonc-parser';
import type { Document, YAMLMap } from 'yaml';
import { jsonc, yaml } from '../deps.js';
import { LlmctlError, type Problem } from '../errors.js';

/**
 * Duplicate keys where llmctl edits. With two `"env"` objects, JSON.parse (what Claude Code reads
 * with) keeps only the last, while an editor that patches the first one reports success: the tool
 * and llmctl would see different files. One detector serves sync (which refuses) and doctor (FAIL).
 */

export interface DuplicateKey {
  /** Dotted path of the duplicated key (`env`, `env.ANTHROPIC_BASE_URL`, `models[2].name`). */
  path: string;
  first: { line: number; col: number };
  second: { line: number; col: number };
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}

/**
 * Paths in settings.json llmctl writes: `env`, `model`, and its env variables (ANTHROPIC_*, CLAUDE_CODE_*, NO_PROXY).
 */
export function claudeEdits(path: readonly string[]): boolean {
  if (path.length === 1) return path[0] === 'env' || path[0] === 'model';
  return path.length === 2 && path[0] === 'env' && /^(?:ANTHROPIC_|CLAUDE_CODE_)|^no_proxy$/i.test(path[1]!);
}

function unquote(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}

/** Duplicate keys in a JSON object on the paths `edits` accepts (two levels: `env` and its variables). */
export function jsonDuplicateKeys(
  text: string,
  edits: (path: readonly string[]) => boolean = claudeEdits,
): DuplicateKey[] {
  const body = text.replace(/^\uFEFF/, '');
  // Cheap first: unless a key llmctl edits occurs twice somewhere, there is nothing to find and
  // jsonc-parser stays unloaded.
  const names = (body.match(/"(?:[^"\\\n]|\\.)*"\s*:/g) ?? [])
    .map((n) => unquote(n.replace(/\s*:$/, '')))
    .filter((n) => edits([n]) || edits(['env', n]));
  if (new Set(names).size === names.length) return [];
  const tree = jsonc().parseTree(body, [], { disallowComments: true });
  const out: DuplicateKey[] = [];
  const walk = (obj: Node, prefix: string[]) => {
    const seen = new Map<string, Node>();
    for (const prop of obj.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || typeof k.value !== 'string') continue;
      const path = [...prefix, k.value];
      if (!edits(path)) continue;
      const first = seen.get(k.value);
      if (first)
        out.push({ path: path.join('.'), first: lineCol(body, first.offset), second: lineCol(body, k.offset) });
      else seen.set(k.value, k);
      if (v?.type === 'object' && prefix.length === 0) walk(v, path);
    }
  };
  if (tree?.type === 'object') walk(tree, []);
  return out;
}

/**
 * Duplicate keys in Continue's config.yaml where llmctl edits: the top-level `models`, a model's
 * `name` (how llmctl finds its entries), and any key of an entry named in `managed`.
 */
export function yamlDuplicateKeys(doc: Document, body: string, managed: ReadonlySet<string>): DuplicateKey[] {
  const { isMap, isScalar, isSeq } = yaml();
  const out: DuplicateKey[] = [];
  const scan = (map: YAMLMap, at: string, keep: (key: unknown) => boolean) => {
    const seen = new Map<unknown, number>();
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !keep(pair.key.value)) continue;
      const offset = pair.key.range?.[0] ?? 0;
      const first = seen.get(pair.key.value);
      if (first !== undefined)
        out.push({
          path: `${at}${String(pair.key.value)}`,
          first: lineCol(body, first),
          second: lineCol(body, offset),
        });
      else seen.set(pair.key.value, offset);
    }
  };
  const root = doc.contents;
  if (!isMap(root)) return out;
  scan(root, '', (k) => k === 'models');
  for (const pair of root.items) {
    if (!isScalar(pair.key) || pair.key.value !== 'models' || !isSeq(pair.value)) continue;
    pair.value.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const names = item.items
        .filter((p) => isScalar(p.key) && p.key.value === 'name')
        .map((p) => (isScalar(p.value) ? p.value.value : undefined));
      const mine = names.some((n) => typeof n === 'string' && managed.has(n));
      scan(item, `models[${i}].`, (k) => mine || k === 'name');
    });
  }
  return out;
}

/** One line per duplicate, both places named. */
export function describeDuplicate(d: DuplicateKey): string {
  return t('targets.duplicateKey', {
    path: d.path,
    first: `${d.first.line}:${d.first.col}`,
    second: `${d.second.line}:${d.second.col}`,
  });
}

/** Refuses a file with duplicate keys where llmctl edits; `reader` names who would see only one. */
export function refuseDuplicates(file: string, dups: DuplicateKey[], reader: string): void {
  if (!dups.length) return;
  const problems: Problem[] = dups.map((d) => ({
    file,
    ...d.second,
    path: d.path,
    message: t('targets.duplicateKeyReader', { duplicate: describeDuplicate(d), reader }),
    hint: t('targets.duplicateKeyHint', { file, first: d.first.line, second: d.second.line }),
  }));
  const d = dups[0]!;
  const more = dups.length > 1 ? t('targets.duplicateKeyMore', { n: dups.length - 1 }) : '';
  throw new LlmctlError(`${file}:${d.second.line}:${d.second.col}: ${describeDuplicate(d)}${more}`, {
    problems,
    hint: t('targets.duplicateKeysHint'),
  });
}
