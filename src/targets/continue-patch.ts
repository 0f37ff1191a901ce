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

export interface ContinuePatchOptions {
  force: boolean;
  adopt?: (name: string, current: unknown) => boolean;
  /**
   * The managed model a user's entry under another name was imported
   * as (a gateway entry): the entry goes, that model replaces it.
   */
  importedAs?: (current: unknown) => string | undefined;
}

/** One `- name: …` item of the user's `models:` list, with the lines it spans. */
interface Item {
  name: string | undefined;
  node: YAMLMap;
  start: number;
  end: number;
}

/** Where llmctl's models go in the parsed file: the `models:` pair, its items, their indent. */
interface ModelsList {
  pair: Pair | undefined;
  items: Item[];
  byName: Map<string, Item>;
  indent: number;
}

/** What one patch collects while it walks the file: the text edits and what to report. */
interface PatchRun {
  file: string;
  doc: ReturnType<typeof parse>;
  list: ModelsList;
  previous: Record<string, string>;
  options: ContinuePatchOptions;
  edits: Edit[];
  appended: string[];
  models: Record<string, string>;
  conflicts: Problem[];
  warnings: Problem[];
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
  options: ContinuePatchOptions,
): ContinuePatchResult {
  if (text === null || text.trim() === '') return newConfig(wanted);
  const { bom, crlf, body } = toLf(text);
  const doc = parse(body, file);
  const managed = new Set([...wanted.map((w) => w.name), ...Object.keys(previous)]);
  refuseDuplicates(file, yamlDuplicateKeys(doc, body, managed), 'Continue');
  const run: PatchRun = {
    file,
    doc,
    list: locateModels(doc, body, file),
    previous,
    options,
    edits: [],
    appended: [],
    models: {},
    conflicts: [],
    warnings: [],
  };
  for (const w of wanted) placeWanted(run, w);
  const wantedNames = new Set(wanted.map((w) => w.name));
  letGo(run, wantedNames);
  const { items } = run.list;
  run.edits.push(...adoptRenamed(items, doc, wantedNames, previous, file, options.importedAs, run.warnings));
  if (run.appended.length) run.edits.push(appendEdit(body, run.list, run.appended.join('')));

  let out = applyEdits(body, run.edits);
  if (out !== body) parse(out, file);
  if (crlf) out = out.replace(/\n/g, '\r\n');
  return { text: (bom ? BOM : '') + out, models: run.models, conflicts: run.conflicts, warnings: run.warnings };
}

/** A config.yaml llmctl creates (or one that was empty): a head Continue accepts and llmctl's models. */
function newConfig(wanted: ContinueEntry[]): ContinuePatchResult {
  const models: Record<string, string> = {};
  for (const w of wanted) models[w.name] = hashValue(w.entry);
  const list = wanted.length ? `\n${wanted.map((w) => renderItem(w.entry, 2)).join('')}` : ' []\n';
  return { text: `${NEW_CONFIG_HEAD}models:${list}`, models, conflicts: [], warnings: [] };
}

/**
 * Work in LF without the BOM; a file written all in CRLF goes
 * back to CRLF. (A mixed file stays as it is, new lines in LF.)
 */
function toLf(text: string): { bom: boolean; crlf: boolean; body: string } {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const crlf = body.includes('\r\n') && !/(^|[^\r])\n/.test(body);
  return { bom, crlf, body: crlf ? body.replace(/\r\n/g, '\n') : body };
}

/** The `models:` list and its items; refuses a `models` that is not a block list llmctl can add to. */
function locateModels(doc: ReturnType<typeof parse>, body: string, file: string): ModelsList {
  const root = doc.contents as YAMLMap | null;
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'models') as Pair | undefined;
  const seq = pair && isSeq(pair.value) ? pair.value : undefined;
  if (pair && pair.value !== null && !seq && !(isScalar(pair.value) && pair.value.value === null)) {
    const at = (pair.value as { range?: [number] }).range?.[0] ?? 0;
    throw errorAt(file, body, t('targets.modelsNotList'), at, t('targets.modelsNotListHint'));
  }
  if (seq?.flow && seq.items.length)
    throw errorAt(file, body, t('targets.modelsFlow'), seq.range![0], t('targets.modelsFlowHint'));
  const blockSeq = seq && !seq.flow ? seq : undefined;
  const items: Item[] = (blockSeq?.items ?? []).map((item) => {
    const node = item as YAMLMap;
    return { name: nameOf(item), node, start: lineStart(body, node.range![0]), end: itemEnd(body, node.range![1]) };
  });
  const byName = new Map<string, Item>();
  for (const it of items) if (it.name !== undefined && !byName.has(it.name)) byName.set(it.name, it);
  let indent = 2;
  if (items.length) {
    const dash = body.lastIndexOf('-', items[0]!.node.range![0]);
    indent = dash - lineStart(body, dash);
  }
  return { pair, items, byName, indent };
}

/** One of llmctl's models: added, updated, kept, or left to the user (reported), by who owns the entry. */
function placeWanted(run: PatchRun, w: ContinueEntry): void {
  const { list, options, previous, file } = run;
  const it = list.byName.get(w.name);
  if (!it) {
    run.appended.push(renderItem(w.entry, list.indent));
    run.models[w.name] = hashValue(w.entry);
    return;
  }
  const where = `models[${list.items.indexOf(it)}]`;
  const current = it.node.toJS(run.doc) as unknown;
  const d = decide(current, w.entry, previous[w.name], options.force);
  if (d === 'keep') run.models[w.name] = hashValue(w.entry);
  else if (d === 'write' || (d === 'foreign' && (options.force || options.adopt?.(w.name, current)))) {
    run.edits.push({ start: it.start, end: it.end, insert: renderItem(w.entry, list.indent) });
    run.models[w.name] = hashValue(w.entry);
    if (d === 'foreign') {
      const why = options.force ? t('targets.whyForce') : t('targets.whyImported');
      const message = t('targets.continueTakenOver', { name: w.name, why });
      run.warnings.push(problem(file, where, message, t('targets.undoRestore')));
    }
  } else if (d === 'edited') {
    run.models[w.name] = previous[w.name]!;
    const message = t('targets.continueEdited', { name: w.name });
    run.conflicts.push(problem(file, where, message, t('targets.continueEditedHint')));
  } else {
    const message = t('targets.continueForeign', { name: w.name });
    run.conflicts.push(problem(file, where, message, t('targets.continueForeignHint')));
  }
}

/** Models llmctl wrote before and no longer wants: removed, unless edited by hand since (then the user's). */
function letGo(run: PatchRun, wantedNames: Set<string>): void {
  for (const [name, recorded] of Object.entries(run.previous)) {
    if (wantedNames.has(name)) continue;
    const it = run.list.byName.get(name);
    if (!it) continue;
    if (hashValue(it.node.toJS(run.doc)) === recorded || run.options.force)
      run.edits.push({ start: it.start, end: it.end, insert: '' });
    else {
      const where = `models[${run.list.items.indexOf(it)}]`;
      run.warnings.push(problem(run.file, where, t('targets.continueLetGoEdited', { name })));
    }
  }
}

/** New models go after the last item of `models:`, on the lines after an empty `models:`, or in a new `models:`. */
function appendEdit(body: string, list: ModelsList, block: string): Edit {
  const { items, pair } = list;
  if (items.length) {
    const at = items[items.length - 1]!.end;
    const needNl = at > 0 && body[at - 1] !== '\n';
    return { start: at, end: at, insert: needNl ? `\n${block}` : block };
  }
  if (pair) {
    // `models:` with nothing or [] after it: the block goes on the following lines.
    const keyRange = (pair.key as { range?: number[] } | null)?.range;
    const colon = body.indexOf(':', keyRange ? keyRange[1] : 0);
    const nl = body.indexOf('\n', colon);
    const lineEnd = nl < 0 ? body.length : nl;
    return { start: colon + 1, end: lineEnd, insert: `\n${block.replace(/\n$/, '')}` };
  }
  const sep = body.endsWith('\n') ? '' : '\n';
  return { start: body.length, end: body.length, insert: `${sep}models:\n${block}` };
}

/** Splices the edits in, last first, so earlier offsets stay valid. */
function applyEdits(body: string, edits: Edit[]): string {
  let out = body;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return out;
}

/**
 * A user's entry that `llmctl import continue` turned into a model of another name (an entry that
 * reached a model through an old gateway, "a100/GLM-4-Flash-250414" → "GLM-4-Flash-250414") is
 * handed over: llmctl's entry for that model replaces it, so Continue's menu has the model once.
 * It is removed from the list, said in a warning, and kept in this sync's backup.
 */
function adoptRenamed(
  items: Item[],
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
