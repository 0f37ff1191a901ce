import type { Document } from 'yaml';
import { yaml } from '../deps.js';
import { withSchemaLine } from '../config/write.js';
import type { ConfigInput, RoleName } from '../config/schema.js';

const { isMap, isSeq, parseDocument } = yaml();

type ProviderInput = NonNullable<ConfigInput['providers']>[string];
type ModelInput = NonNullable<ConfigInput['models']>[number];

/**
 * What init is about to write: llmctl.yaml as a plain object (starting from the user's file when
 * there is one) and the keys typed during the wizard. Everything here is pure; nothing touches disk
 * until the user has confirmed, so Ctrl-C at any question leaves no trace.
 */
export interface Draft {
  config: ConfigInput & { providers: Record<string, ProviderInput>; models: ModelInput[] };
  /** Secret name → value, to add to the secrets store. */
  secrets: Record<string, string>;
  /** The existing llmctl.yaml text, edited in place (comments and order kept) rather than rewritten. */
  baseText: string | null;
  /** Things the user should know before confirming (importer warnings…). */
  notes: string[];
  /** True when llmctl.yaml existed before this init. */
  fromFile: boolean;
}

export function newDraft(existing?: { text: string; raw: ConfigInput }): Draft {
  const raw = structuredClone(existing?.raw ?? { version: 1 as const });
  return {
    config: { ...raw, version: 1, providers: { ...(raw.providers ?? {}) }, models: [...(raw.models ?? [])] },
    secrets: {},
    baseText: existing?.text ?? null,
    notes: [],
    fromFile: existing !== undefined,
  };
}

/** A provider name not yet used: `siliconflow`, then `siliconflow-2`… */
export function freeProviderName(draft: Draft, base: string): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'provider';
  if (!draft.config.providers[clean]) return clean;
  for (let i = 2; ; i++) if (!draft.config.providers[`${clean}-${i}`]) return `${clean}-${i}`;
}

export function setProvider(draft: Draft, name: string, provider: ProviderInput): void {
  const before = draft.config.providers[name];
  // Keep what the wizard does not ask about (params…) when a provider is edited again.
  draft.config.providers[name] = { ...(before ?? {}), ...provider };
}

/** Who owns a public model name already (another provider's model cannot silently take it over). */
export function modelOwner(draft: Draft, name: string): ModelInput | undefined {
  return draft.config.models.find((m) => m.name === name);
}

export interface PickedModel {
  /** Upstream id, as the provider lists it. */
  id: string;
  /** Public name tools ask for; defaults to the id. */
  name: string;
}

/**
 * Adds models; one already there with the same name and provider is updated, never duplicated.
 * With several `instances` (base URLs of one model server: vLLM, TGI, Ollama), each model gets one
 * deployment per instance and LiteLLM load-balances the public name over them.
 */
export function addModels(draft: Draft, provider: string, picked: PickedModel[], instances: string[] = []): void {
  for (const p of picked) {
    const existing = draft.config.models.find((m) => m.name === p.name && servedBy(m, provider));
    const others = existing?.deployments?.filter((d) => d.provider !== provider) ?? [];
    const ours = instances.length > 1 ? instances.map((apiBase) => ({ provider, apiBase })) : [{ provider }];
    const entry: ModelInput =
      others.length || instances.length > 1
        ? { name: p.name, ...(p.id !== p.name ? { model: p.id } : {}), deployments: [...others, ...ours] }
        : { name: p.name, provider, ...(p.id !== p.name ? { model: p.id } : {}) };
    if (!existing) {
      draft.config.models.push(entry);
      continue;
    }
    // The same entry object stays (its other settings and its place in the list are the user's).
    for (const k of ['provider', 'deployments', 'model'] as const) if (!(k in entry)) delete existing[k];
    Object.assign(existing, entry);
  }
}

/** Whether a model goes to this provider (directly or as one of its deployments). */
export function servedBy(m: ModelInput, provider: string): boolean {
  return m.provider === provider || Boolean(m.deployments?.some((d) => d.provider === provider));
}

/**
 * Removes a provider with its models (a model load-balanced over several providers only loses that
 * deployment), and every tool setting that named one of those models. Returns the removed model names.
 * Its key stays in the secrets store (`llmctl keys rm` removes it).
 */
export function removeProvider(draft: Draft, name: string): string[] {
  delete draft.config.providers[name];
  const removed: string[] = [];
  draft.config.models = draft.config.models.flatMap((m) => {
    if (m.deployments) {
      const left = m.deployments.filter((d) => d.provider !== name);
      if (!left.length) {
        removed.push(m.name);
        return [];
      }
      return left.length === m.deployments.length ? [m] : [{ ...m, deployments: left }];
    }
    if (m.provider === name) {
      removed.push(m.name);
      return [];
    }
    return [m];
  });
  const gone = new Set(removed);
  const claude = draft.config.tools?.claude as Record<string, unknown> | undefined;
  if (claude)
    for (const k of ['model', 'haikuModel', 'sonnetModel', 'opusModel'])
      if (gone.has(claude[k] as string)) delete claude[k];
  const cont = draft.config.tools?.continue;
  if (cont?.models) cont.models = cont.models.filter((m) => !gone.has(m));
  return removed;
}

export function modelNames(draft: Draft): string[] {
  return draft.config.models.map((m) => m.name);
}

export interface ToolChoices {
  continue?: { chatModel?: string; autocompleteModel?: string } | false;
  claude?: { model?: string; haikuModel?: string } | false;
  /** On or off; absent: as llmctl.yaml says. */
  codex?: boolean;
  opencode?: boolean;
  qwen?: boolean;
  gemini?: boolean;
}

const DEFAULT_ROLES: RoleName[] = ['chat', 'edit', 'apply'];

export function setTools(draft: Draft, t: ToolChoices): void {
  const tools = (draft.config.tools ??= {});
  if (t.continue === false) tools.continue = { ...(tools.continue ?? {}), enabled: false };
  else if (t.continue) {
    tools.continue = { ...(tools.continue ?? {}), enabled: true };
    const { chatModel, autocompleteModel } = t.continue;
    if (chatModel) {
      const m = modelOwner(draft, chatModel);
      if (m?.roles && !m.roles.includes('chat')) m.roles = [...m.roles, 'chat'];
      // Continue offers its models in list order: the chosen chat model goes first.
      const list = tools.continue.models;
      if (list?.length) tools.continue.models = [chatModel, ...list.filter((n) => n !== chatModel)];
      else {
        const i = draft.config.models.findIndex((x) => x.name === chatModel);
        if (i > 0) tools.continue.models = [chatModel, ...modelNames(draft).filter((n) => n !== chatModel)];
      }
    }
    if (autocompleteModel) {
      const m = modelOwner(draft, autocompleteModel);
      if (m) {
        // A model chosen for chat too keeps its chat roles; a dedicated FIM model only autocompletes.
        const base = m.roles ?? (autocompleteModel === chatModel ? DEFAULT_ROLES : []);
        if (!base.includes('autocomplete')) m.roles = [...base, 'autocomplete'];
      }
    }
  }
  if (t.claude === false) tools.claude = { ...(tools.claude ?? {}), enabled: false };
  else if (t.claude) {
    tools.claude = { ...(tools.claude ?? {}), enabled: true };
    if (t.claude.model) tools.claude.model = t.claude.model;
    if (t.claude.haikuModel) tools.claude.haikuModel = t.claude.haikuModel;
  }
  for (const tool of ['codex', 'opencode', 'qwen', 'gemini'] as const) {
    const on = t[tool];
    if (on !== undefined) tools[tool] = { ...(tools[tool] ?? {}), enabled: on };
  }
}

export function setPort(draft: Draft, port: number): void {
  draft.config.proxy = { ...(draft.config.proxy ?? {}), port };
}

/**
 * llmctl.yaml text for the draft. An existing file is edited node by node (only what changed is
 * set, only what was removed — a provider, its models — is deleted), so the user's comments, order
 * and everything init did not touch survive.
 */
export function renderDraft(draft: Draft): string {
  const wanted = JSON.parse(JSON.stringify(draft.config)) as Record<string, unknown>;
  if (draft.baseText === null || !draft.baseText.trim()) {
    // A new file reads top-down: the proxy, who provides, what models, which tools.
    const ordered: Record<string, unknown> = {};
    for (const k of ['version', 'proxy', 'providers', 'models', 'tools'])
      if (wanted[k] !== undefined) ordered[k] = wanted[k];
    Object.assign(ordered, wanted);
    const doc = parseDocument('{}');
    doc.contents = doc.createNode(ordered) as typeof doc.contents;
    return withSchemaLine(doc.toString({ lineWidth: 0 }));
  }
  const doc = parseDocument(draft.baseText);
  const before = (doc.toJS() ?? {}) as Record<string, unknown>;
  for (const k of ['providers', 'models'] as const) {
    const v = wanted[k];
    if (before[k] === undefined && (Array.isArray(v) ? v.length === 0 : isPlainObject(v) && !Object.keys(v).length))
      delete wanted[k];
  }
  // Untouched, the file keeps its exact bytes (re-printing would reflow the user's spacing).
  if (same(before, wanted)) return withSchemaLine(draft.baseText);
  patchInto(doc, [], before, wanted);
  return withSchemaLine(doc.toString({ lineWidth: 0 }));
}

/**
 * When `after` is `before` with some items taken out (and, for models, a changed deployment list),
 * the indexes of `before` that stay; undefined when it is not (items were reordered too).
 * Items are matched by their name when they have one, else by value.
 */
function keptIndexes(before: unknown[], after: unknown[]): Set<number> | undefined {
  const id = (v: unknown) => (isPlainObject(v) && typeof v.name === 'string' ? `name:${v.name}` : JSON.stringify(v));
  const kept = new Set<number>();
  let j = 0;
  for (const v of after) {
    while (j < before.length && id(before[j]) !== id(v)) j++;
    if (j === before.length) return undefined;
    kept.add(j++);
  }
  return kept;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function patchInto(doc: Document, path: (string | number)[], before: unknown, after: unknown): void {
  if (same(before, after)) return;
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    for (const k of Object.keys(before)) if (!(k in after)) doc.deleteIn([...path, k]);
    for (const [k, v] of Object.entries(after)) patchInto(doc, [...path, k], before[k], v);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    // Items removed from the list (a removed provider's models): delete those nodes, keep the rest
    // with their comments. Found by matching `after` in order against `before`.
    if (after.length < before.length) {
      const kept = keptIndexes(before, after);
      // Not a plain removal (also reordered): the list is written anew.
      if (!kept) return void doc.setIn(path, doc.createNode(after));
      for (let i = before.length - 1; i >= 0; i--) if (!kept.has(i)) doc.deleteIn([...path, i]);
      const rest = before.filter((_, i) => kept.has(i));
      after.forEach((v, i) => patchInto(doc, [...path, i], rest[i], v));
      return;
    }
    after.forEach((v, i) => {
      if (i < before.length) patchInto(doc, [...path, i], before[i], v);
      else doc.addIn(path, doc.createNode(v));
    });
    return;
  }
  doc.setIn(path, doc.createNode(after));
}
