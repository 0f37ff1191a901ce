import { t } from '../i18n/index.js';
import type { Pair, YAMLMap } from 'yaml';
import { yaml } from '../deps.js';
import { LlmctlError, type Problem } from '../errors.js';
import { decide, hashValue, problem } from './managed.js';
import { isStackOverflowMessage, tooDeep } from './read-tool-file.js';
import { refuseDuplicates, yamlDuplicateKeys } from './duplicate-keys.js';

const { isMap, isScalar, isSeq, parseDocument, stringify } = yaml();

/**
 * Continue's config.yaml, patched by splicing text: the yaml Document locates the models llmctl owns,
 * and only their lines are replaced, added (at the end of `models:`) or removed. Every other byte —
 * comments, blank lines, folded strings, key order, the user's own models, context, rules, mcpServers —
 * stays as the user wrote it (re-printing the whole document would re-fold and re-quote their text).
 */

export interface ContinueEntry {
  name: string;
  /** The model entry as it goes into `models:`. */
  entry: Record<string, unknown>;
}

/** This target's section of state.json. */
export interface ContinueState {
  /** Model name → hash of the entry llmctl wrote. */
  models: Record<string, string>;
  /** Names of the .env lines llmctl wrote. */
  env: string[];
}

export interface ContinuePatchResult {
  text: string;
  models: Record<string, string>;
  conflicts: Problem[];
  warnings: Problem[];
}

const BOM = '\uFEFF';

// i18n-ignore: the first lines of a new config.yaml (data written for Continue)
export const NEW_CONFIG_HEAD = 'name: Local Config\nversion: 1.0.0\nschema: v1\n';

interface Edit {
  start: number;
  end: number;
  insert: string;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline that ends the item's last line of content. */
function itemEnd(text: string, valueEnd: number): number {
  let e = valueEnd;
  while (e > 0 && /[ \t\r\n]/.test(text[e - 1]!)) e--;
  const nl = text.indexOf('\n', e);
  return nl < 0 ? text.length : nl + 1;
}

/** `- name: …` lines for one entry, indented to sit in the user's sequence. */
export function renderItem(entry: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent);
  const yaml = stringify([entry], { lineWidth: 0, indent: 2 });
  return yaml
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

function errorAt(file: string, text: string, message: string, offset: number, hint: string): LlmctlError {
  const line = text.slice(0, offset).split('\n').length;
  const col = offset - lineStart(text, offset) + 1;
  return new LlmctlError(`${file}:${line}:${col}: ${message}`, {
    problems: [{ file, line, col, message, hint }],
    hint: t('fs.nothingWritten'),
  });
}

function parse(body: string, file: string) {
  const doc = parseDocument(body, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    if (isStackOverflowMessage(e.message)) throw tooDeep(file);
    throw errorAt(
      file,
      body,
      t('targets.yamlInvalid', { error: e.message.split('\n')[0]! }),
      e.pos[0],
      t('targets.yamlInvalidHint'),
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw errorAt(file, body, t('targets.yamlNotMapping'), 0, t('targets.yamlNotMappingHint'));
  }
  return doc;
}

function nameOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const n = (item as YAMLMap).get('name');
  return typeof n === 'string' ? n : undefined;
}

/**
 * Applies llmctl's models to the text of a config.yaml (null: the file does not exist).
 * `previous` is what llmctl wrote last time (from state.json).
 */
export function patchContinueConfig(
  text: string | null,
  file: string,
  wanted: ContinueEntry[],
  previous: Record<string, string>,
  options: {
    force: boolean;
    adopt?: (name: string, current: unknown) => boolean;
    /** The managed model a user's entry under another name was imported as (a gateway entry): the entry goes, that model replaces it. */
    importedAs?: (current: unknown) => string | undefined;
  },
): ContinuePatchResult {
  const conflicts: Problem[] = [];
  const warnings: Problem[] = [];
  const models: Record<string, string> = {};
  if (text === null || text.trim() === '') {
    for (const w of wanted) models[w.name] = hashValue(w.entry);
    const body = `${NEW_CONFIG_HEAD}models:${wanted.length ? `\n${wanted.map((w) => renderItem(w.entry, 2)).join('')}` : ' []\n'}`;
    return { text: body, models, conflicts, warnings };
  }

  const bom = text.startsWith(BOM);
  let body = bom ? text.slice(1) : text;
  // Work in LF; a file written all in CRLF goes back to CRLF. (A mixed file stays as it is, new lines in LF.)
  const crlf = body.includes('\r\n') && !/(^|[^\r])\n/.test(body);
  if (crlf) body = body.replace(/\r\n/g, '\n');

  const doc = parse(body, file);
  const managed = new Set([...wanted.map((w) => w.name), ...Object.keys(previous)]);
  refuseDuplicates(file, yamlDuplicateKeys(doc, body, managed), 'Continue');
  const root = doc.contents as YAMLMap | null;
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'models') as Pair | undefined;
  const seq = pair && isSeq(pair.value) ? pair.value : undefined;
  if (pair && pair.value !== null && !seq && !(isScalar(pair.value) && pair.value.value === null)) {
    throw errorAt(
      file,
      body,
      t('targets.modelsNotList'),
      (pair.value as { range?: [number] }).range?.[0] ?? 0,
      t('targets.modelsNotListHint'),
    );
  }
  const blockSeq = seq && !seq.flow ? seq : undefined;
  if (seq?.flow && seq.items.length) {
    throw errorAt(file, body, t('targets.modelsFlow'), seq.range![0], t('targets.modelsFlowHint'));
  }

  const items = (blockSeq?.items ?? []).map((item) => {
    const node = item as YAMLMap;
    const start = lineStart(body, node.range![0]);
    return { name: nameOf(item), node, start, end: itemEnd(body, node.range![1]) };
  });
  const byName = new Map<string, (typeof items)[number]>();
  for (const it of items) if (it.name !== undefined && !byName.has(it.name)) byName.set(it.name, it);

  let indent = 2;
  if (items.length) {
    const dash = body.lastIndexOf('-', items[0]!.node.range![0]);
    indent = dash - lineStart(body, dash);
  }

  const edits: Edit[] = [];
  const appended: string[] = [];
  for (const w of wanted) {
    const it = byName.get(w.name);
    if (!it) {
      appended.push(renderItem(w.entry, indent));
      models[w.name] = hashValue(w.entry);
      continue;
    }
    const current = it.node.toJS(doc) as unknown;
    const d = decide(current, w.entry, previous[w.name], options.force);
    if (d === 'keep') models[w.name] = hashValue(w.entry);
    else if (d === 'write' || (d === 'foreign' && (options.force || options.adopt?.(w.name, current)))) {
      edits.push({ start: it.start, end: it.end, insert: renderItem(w.entry, indent) });
      models[w.name] = hashValue(w.entry);
      if (d === 'foreign') {
        const why = options.force ? t('targets.whyForce') : t('targets.whyImported');
        warnings.push(
          problem(
            file,
            `models[${items.indexOf(it)}]`,
            t('targets.continueTakenOver', { name: w.name, why }),
            t('targets.undoRestore'),
          ),
        );
      }
    } else if (d === 'edited') {
      models[w.name] = previous[w.name]!;
      conflicts.push(
        problem(
          file,
          `models[${items.indexOf(it)}]`,
          t('targets.continueEdited', { name: w.name }),
          t('targets.continueEditedHint'),
        ),
      );
    } else {
      conflicts.push(
        problem(
          file,
          `models[${items.indexOf(it)}]`,
          t('targets.continueForeign', { name: w.name }),
          t('targets.continueForeignHint'),
        ),
      );
    }
  }

  const wantedNames = new Set(wanted.map((w) => w.name));
  for (const [name, recorded] of Object.entries(previous)) {
    if (wantedNames.has(name)) continue;
    const it = byName.get(name);
    if (!it) continue;
    if (hashValue(it.node.toJS(doc)) === recorded || options.force)
      edits.push({ start: it.start, end: it.end, insert: '' });
    else warnings.push(problem(file, `models[${items.indexOf(it)}]`, t('targets.continueLetGoEdited', { name })));
  }

  edits.push(...adoptRenamed(items, doc, wantedNames, previous, file, options.importedAs, warnings));

  if (appended.length) {
    const block = appended.join('');
    if (items.length) {
      const at = items[items.length - 1]!.end;
      const needNl = at > 0 && body[at - 1] !== '\n';
      edits.push({ start: at, end: at, insert: needNl ? `\n${block}` : block });
    } else if (pair) {
      // `models:` with nothing or [] after it: the block goes on the following lines.
      const colon = body.indexOf(
        ':',
        pair.key && (pair.key as { range?: number[] }).range ? (pair.key as { range: number[] }).range[1] : 0,
      );
      const nl = body.indexOf('\n', colon);
      const lineEnd = nl < 0 ? body.length : nl;
      edits.push({ start: colon + 1, end: lineEnd, insert: `\n${block.replace(/\n$/, '')}` });
    } else {
      const sep = body.endsWith('\n') ? '' : '\n';
      edits.push({ start: body.length, end: body.length, insert: `${sep}models:\n${block}` });
    }
  }

  edits.sort((a, b) => b.start - a.start);
  let out = body;
  for (const e of edits) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  if (out !== body) parse(out, file);
  if (crlf) out = out.replace(/\n/g, '\r\n');
  return { text: (bom ? BOM : '') + out, models, conflicts, warnings };
}

/**
 * A user's entry that `llmctl import continue` turned into a model of another name (an entry that
 * reached a model through an old gateway, "a100/GLM-4-Flash-250414" → "GLM-4-Flash-250414") is
 * handed over: llmctl's entry for that model replaces it, so Continue's menu has the model once.
 * It is removed from the list, said in a warning, and kept in this sync's backup.
 */
function adoptRenamed(
  items: { name: string | undefined; node: YAMLMap; start: number; end: number }[],
  doc: ReturnType<typeof parse>,
  wantedNames: Set<string>,
  previous: Record<string, string>,
  file: string,
  importedAs: ((current: unknown) => string | undefined) | undefined,
  warnings: Problem[],
): Edit[] {
  if (!importedAs) return [];
  const edits: Edit[] = [];
  items.forEach((it, i) => {
    if (it.name === undefined || wantedNames.has(it.name) || Object.hasOwn(previous, it.name)) return;
    const as = importedAs(it.node.toJS(doc));
    if (as === undefined || as === it.name || !wantedNames.has(as)) return;
    edits.push({ start: it.start, end: it.end, insert: '' });
    warnings.push(
      problem(file, `models[${i}]`, t('targets.continueImportedAs', { name: it.name, as }), t('targets.undoRestore')),
    );
  });
  return edits;
}

/** Removes every model llmctl wrote (per `models`): the inverse of a patch on an untouched file. */
export function unpatchContinueConfig(text: string, file: string, models: Record<string, string>): string {
  const remove: ContinueEntry[] = [];
  return patchContinueConfig(text, file, remove, models, { force: true }).text;
}
