import { presetLabel, type Preset } from '../config/presets.js';
import { NAME_PATTERN } from '../config/constants.js';
import type { Choice, Prompter } from '../ui/prompt.js';
import {
  addModels,
  freeProviderName,
  modelNames,
  modelOwner,
  removeProvider,
  servedBy,
  setPort,
  setProvider,
  setTools,
  type Draft,
  type PickedModel,
} from './draft.js';
import type { ListModelsResult } from './models.js';
import { servesModel } from '../config/instances.js';
import { envVarOf, secretNameOf } from '../secrets/refs.js';
import { t } from '../i18n/index.js';
import { nameList } from '../ui/list.js';
import { NEW_TOOLS, TOOL_NAME, type NewTool } from './installed.js';
import { disableWebui, enableWebui } from './webui.js';

/** A file init found that it can import (an existing LiteLLM, Continue or Claude Code config). */
export interface Found {
  tool: 'litellm' | 'continue' | 'claude';
  file: string;
  label: string;
}

export interface WizardDeps {
  prompt: Prompter;
  presets: Map<string, Preset>;
  env: NodeJS.ProcessEnv;
  draft: Draft;
  /** Secret names already in the store (an existing key can be kept). */
  storedSecrets: Set<string>;
  found: Found[];
  /** Adds a found file's content to the draft; returns a line for the user. */
  importFound?: (draft: Draft, found: Found) => Promise<string>;
  listModels: (preset: Preset, apiBase: string | undefined, key: string | undefined) => Promise<ListModelsResult>;
  /** A line of information for the user (stderr). */
  say: (line: string) => void;
  /** Answers given as flags (every question has one). */
  defaults?: { port?: number };
  /** Codex CLI, opencode, Qwen Code, Gemini CLI when their program is on PATH: offered, checked. */
  installed?: NewTool[];
}

const URL_RE = /^https?:\/\/[^\s/]+/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The interactive flow: every question, in order; returns the finished draft. It writes nothing:
 * an interrupted wizard (Ctrl-C) leaves no trace.
 */
export async function runWizard(d: WizardDeps): Promise<Draft> {
  await importStep(d);
  await keptProvidersStep(d);
  await missingKeysStep(d);
  await addProvidersStep(d);
  await toolsStep(d);
  await portStep(d);
  return d.draft;
}

/** Offers the files init found (existing LiteLLM, Continue, Claude Code configs), all ticked. */
async function importStep(d: WizardDeps): Promise<void> {
  if (!d.found.length || !d.importFound) return;
  const picked = await d.prompt.checkbox<Found>({
    message: t('init.askImport'),
    choices: d.found.map((f) => ({
      name: t('init.foundChoice', { label: f.label, file: f.file }),
      value: f,
      checked: true,
    })),
  });
  for (const f of picked) d.say(await d.importFound(d.draft, f));
}

/** What is set up (or was just imported) is kept; a provider can be taken out with its models. */
async function keptProvidersStep(d: WizardDeps): Promise<void> {
  const { prompt, draft } = d;
  const providers = Object.keys(draft.config.providers);
  if (!providers.length) return;
  d.say(
    t('init.kept', {
      already: draft.fromFile,
      n: providers.length,
      names: providers.join(', '),
      models: draft.config.models.length,
    }),
  );
  if (!(await prompt.confirm({ message: t('init.askRemove'), default: false }))) return;
  const gone = await prompt.checkbox<string>({
    message: t('init.askRemoveWhich'),
    choices: providers.map((p) => {
      const n = draft.config.models.filter(
        (m) => m.provider === p || m.deployments?.some((x) => x.provider === p),
      ).length;
      return { name: t('init.removeChoice', { name: p, n }), value: p };
    }),
  });
  for (const p of gone) {
    const models = removeProvider(draft, p);
    d.say(t('init.removed', { name: p, n: models.length, models: nameList(models) }));
  }
}

/** Providers whose preset needs a key and that have none this shell or the store could give. */
export function providersWithoutKey(d: Pick<WizardDeps, 'draft' | 'presets' | 'env' | 'storedSecrets'>): string[] {
  return Object.entries(d.draft.config.providers)
    .filter(([, p]) => {
      if (!d.presets.get(p.preset)?.needsKey) return false;
      const secret = secretNameOf(p.apiKey);
      if (secret) return !d.draft.secrets[secret] && !d.storedSecrets.has(secret);
      const variable = envVarOf(p.apiKey);
      if (variable) return !d.env[variable];
      return !p.apiKey;
    })
    .map(([name]) => name);
}

/** Imported providers often come without their keys: offer to type them now, each one skippable. */
async function missingKeysStep(d: WizardDeps): Promise<void> {
  const names = providersWithoutKey(d);
  if (!names.length) return;
  d.say(t('init.missingKeys', { n: names.length, names: nameList(names) }));
  const skipped: string[] = [];
  if (await d.prompt.confirm({ message: t('init.askTypeKeys'), default: true })) {
    for (const name of names) {
      const key = (await d.prompt.secret({ message: t('init.askKeyFor', { name }) })).trim();
      if (!key) {
        skipped.push(name);
        continue;
      }
      d.draft.secrets[name] = key;
      setProvider(d.draft, name, { ...d.draft.config.providers[name]!, apiKey: `secret:${name}` });
    }
  } else skipped.push(...names);
  if (skipped.length) d.say(t('init.keysLater', { n: skipped.length, names: nameList(skipped) }));
}

async function addProvidersStep(d: WizardDeps): Promise<void> {
  let more =
    Object.keys(d.draft.config.providers).length === 0 ||
    (await d.prompt.confirm({ message: t('init.askAdd'), default: false }));
  while (more) {
    await addProviderStep(d);
    more = await d.prompt.confirm({ message: t('init.askAddAnother'), default: false });
  }
}

/** Which tools use the models, and which model each of their slots gets. */
async function toolsStep(d: WizardDeps): Promise<void> {
  const { prompt, draft } = d;
  const names = modelNames(draft);
  const tools = draft.config.tools ?? {};
  const picked = await prompt.checkbox<'continue' | 'claude' | NewTool | 'openwebui'>({
    message: t('init.askTools'),
    choices: [
      // i18n-ignore: a product name
      { name: 'Claude Code', value: 'claude', checked: tools.claude?.enabled !== false },
      { name: t('init.toolContinue'), value: 'continue', checked: tools.continue?.enabled !== false },
      ...newToolChoices(d),
      { name: t('webui.init.choice'), value: 'openwebui', checked: tools.openwebui?.enabled === true },
    ],
  });
  if (picked.length && !names.length) d.say(t('init.noModelsYet'));
  const claude = picked.includes('claude') ? (names.length ? await claudeModels(d, names) : {}) : false;
  const cont = picked.includes('continue') ? (names.length ? await continueModels(d, names) : {}) : false;
  const offered = newToolChoices(d).map((c) => c.value);
  const others = Object.fromEntries(offered.map((tool) => [tool, picked.includes(tool)]));
  setTools(draft, { claude, continue: cont, ...others });
  if (picked.includes('openwebui')) enableWebui(draft);
  else disableWebui(draft);
}

/** The new tools found on PATH (checked unless llmctl.yaml turns them off) and those llmctl.yaml turns on. */
function newToolChoices(d: WizardDeps): { name: string; value: NewTool; checked: boolean }[] {
  const tools = (d.draft.config.tools ?? {}) as Partial<Record<NewTool, { enabled?: boolean }>>;
  const installed = new Set(d.installed ?? []);
  return NEW_TOOLS.filter((tool) => installed.has(tool) || tools[tool]?.enabled === true).map((tool) => ({
    name: TOOL_NAME[tool],
    value: tool,
    checked: tools[tool]?.enabled ?? true,
  }));
}

function modelChoices(draft: Draft, names: string[], extra: Choice<string>[] = []): Choice<string>[] {
  return [...names.map((n) => ({ name: n, value: n, description: describeModel(draft, n) })), ...extra];
}

async function claudeModels(d: WizardDeps, names: string[]): Promise<{ model: string; haikuModel: string }> {
  const current = d.draft.config.tools?.claude;
  const model = await d.prompt.select({
    message: t('init.askClaudeModel'),
    choices: modelChoices(d.draft, names),
    default: pickDefault(names, current?.model),
  });
  const haikuModel = await d.prompt.select({
    message: t('init.askClaudeHaiku'),
    choices: modelChoices(d.draft, names),
    default: pickDefault(names, current?.haikuModel ?? names.find((n) => /haiku/i.test(n)) ?? model),
  });
  return { model, haikuModel };
}

async function continueModels(
  d: WizardDeps,
  names: string[],
): Promise<{ chatModel: string; autocompleteModel?: string }> {
  const { draft } = d;
  const chatModel = await d.prompt.select({
    message: t('init.askContinueChat'),
    choices: modelChoices(draft, names),
    default: pickDefault(names, draft.config.tools?.continue?.models?.[0]),
  });
  const fim = await d.prompt.select<string>({
    message: t('init.askContinueFim'),
    choices: modelChoices(draft, names, [{ name: t('init.noAutocomplete'), value: '' }]),
    default:
      draft.config.models.find((m) => m.roles?.includes('autocomplete'))?.name ??
      names.find((n) => /coder|code|fim/i.test(n)) ??
      '',
  });
  return { chatModel, ...(fim ? { autocompleteModel: fim } : {}) };
}

async function portStep(d: WizardDeps): Promise<void> {
  const current = d.defaults?.port ?? d.draft.config.proxy?.port ?? 4000;
  const port = await d.prompt.input({
    message: t('init.askPort'),
    default: String(current),
    validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? true : t('init.badPort')),
  });
  setPort(d.draft, Number(port.trim()));
}

function pickDefault(names: string[], wanted: string | undefined): string | undefined {
  return wanted && names.includes(wanted) ? wanted : names[0];
}

function describeModel(draft: Draft, name: string): string {
  const m = modelOwner(draft, name);
  return m ? [m.provider, m.model].filter(Boolean).join(' · ') : '';
}

/** One provider: which preset, where, its name, its key, then its models. */
async function addProviderStep(d: WizardDeps): Promise<void> {
  const preset = await d.prompt.search<Preset>({
    message: t('init.askPreset'),
    choices: [...d.presets.values()].map((p) => ({
      name: presetLabel(p),
      value: p,
      description: p.apiBase ?? (p.apiBaseHint ? baseHint(p) : ''),
    })),
  });
  // A model server (vLLM, TGI, Ollama, custom) may run as several instances: one URL each.
  const bases = preset.apiBase && !preset.server ? [] : await askBaseUrls(d, preset);
  const apiBase = bases[0] === preset.apiBase && bases.length === 1 ? undefined : bases[0];
  const name = await askProviderName(d, preset);
  const p: NewProvider = {
    preset,
    name,
    ...(apiBase ? { apiBase } : {}),
    ...(bases.length > 1 ? { instances: bases } : {}),
    ...(await askKey(d, preset, name)),
  };
  saveProvider(d, p);
  if (p.instances) d.say(t('servers.instances', { provider: name, n: p.instances.length }));
  const ids = (await listedModelIds(d, p)) ?? (await typedModelIds(d));
  addModels(d.draft, name, await nameModels(d, name, ids), p.instances);
}

/** A provider being added: what the questions so far answered. */
interface NewProvider {
  preset: Preset;
  name: string;
  apiBase?: string;
  /** Several base URLs of one model server (the first is apiBase). */
  instances?: string[];
  /** The reference written to llmctl.yaml (secret:NAME, env:VAR). */
  apiKey?: string;
  /** The key itself, when known, to list the models with. */
  keyValue?: string;
}

function saveProvider(d: WizardDeps, p: NewProvider): void {
  setProvider(d.draft, p.name, {
    preset: p.preset.id,
    ...(p.apiBase ? { apiBase: p.apiBase } : {}),
    ...(p.apiKey ? { apiKey: p.apiKey } : {}),
  });
}

/**
 * The base URL; a model server takes several (its instances), separated by spaces. OpenAI-compatible
 * servers answer under /v1: URLs without it are offered the fix right away.
 */
async function askBaseUrls(d: WizardDeps, preset: Preset): Promise<string[]> {
  const hint = baseHint(preset);
  const urls = splitList(
    await d.prompt.input({
      message: preset.server ? t('servers.askBaseUrls', { hint }) : t('init.askBaseUrl', { hint }),
      ...(preset.apiBase ? { default: preset.apiBase } : {}),
      validate: (v) => badBaseUrls(v, preset.server) ?? true,
    }),
  );
  const lacking = preset.v1 ? urls.filter((u) => !/\/v1\/?$/.test(u)) : [];
  if (!lacking.length) return urls;
  const fix = (u: string) => (lacking.includes(u) ? `${u.replace(/\/+$/, '')}/v1` : u);
  if (urls.length === 1) {
    const [url] = urls as [string];
    const fixed = fix(url);
    const chosen = await d.prompt.select<string>({
      message: t('init.askV1', { url }),
      choices: [
        { name: t('init.v1Add', { url: fixed }), value: fixed },
        { name: t('init.v1Keep', { url }), value: url },
      ],
      default: fixed,
    });
    return [chosen];
  }
  const add = await d.prompt.select<boolean>({
    message: t('servers.askV1All', { urls: lacking.join(', ') }),
    choices: [
      { name: t('servers.v1AddAll'), value: true },
      { name: t('servers.v1KeepAll'), value: false },
    ],
    default: true,
  });
  return add ? urls.map(fix) : urls;
}

/** Why the typed base URLs cannot be used, or undefined when they can. */
function badBaseUrls(v: string, several: boolean): string | undefined {
  const urls = splitList(v);
  if (!urls.length || (!several && urls.length > 1)) return t('init.badUrl');
  const bad = urls.find((u) => !URL_RE.test(u));
  // Nothing URL-like at all: the plain message; one bad URL among good ones: which one.
  if (bad) return several && urls.some((u) => URL_RE.test(u)) ? t('servers.badUrls', { value: bad }) : t('init.badUrl');
  const seen = new Set<string>();
  for (const u of urls) {
    const k = u.replace(/\/+$/, '');
    if (seen.has(k)) return t('servers.sameUrlTwice', { url: u });
    seen.add(k);
  }
  return undefined;
}

function baseHint(preset: Preset): string {
  return t('init.baseHint', { hint: preset.apiBaseHint, example: preset.apiBaseHint?.match(/e\.g\. (\S+)/)?.[1] });
}

// Self-hosted boxes need telling apart (a100, a101…); hosted APIs are named after their preset.
// Picking a preset that is already set up edits that provider (keep its key, add models).
async function askProviderName(d: WizardDeps, preset: Preset): Promise<string> {
  const { draft } = d;
  const name = draft.config.providers[preset.id]?.preset === preset.id ? preset.id : freeProviderName(draft, preset.id);
  if (preset.apiBase && preset.id !== 'custom') return name;
  return (
    await d.prompt.input({
      message: t('init.askName'),
      default: name,
      validate: (v) => (NAME_PATTERN.test(v.trim()) ? true : t('init.badName')),
    })
  ).trim();
}

type KeyHow = 'type' | 'env' | 'none' | 'keep';

/** How the provider's key is given: typed (stored), an environment variable, none, or the current one. */
async function askKey(d: WizardDeps, preset: Preset, name: string): Promise<Pick<NewProvider, 'apiKey' | 'keyValue'>> {
  const existing = d.draft.config.providers[name];
  const storedName = secretNameOf(existing?.apiKey);
  const canKeep = Boolean(existing?.apiKey && (!storedName || d.storedSecrets.has(storedName)));
  const how = await d.prompt.select<KeyHow>({
    message: t('init.askKey', {
      who: name === preset.id ? presetLabel(preset) : t('init.keyWho', { name, preset: preset.name }),
    }),
    choices: [
      ...(canKeep ? [{ name: t('init.keyKeep', { ref: existing!.apiKey! }), value: 'keep' as const }] : []),
      { name: t('init.keyType'), value: 'type' },
      { name: t('init.keyEnv', { variable: preset.keyEnv, set: Boolean(d.env[preset.keyEnv]) }), value: 'env' },
      ...(preset.needsKey ? [] : [{ name: t('init.keyNone'), value: 'none' as const }]),
    ],
    default: existing?.apiKey ? 'keep' : d.env[preset.keyEnv] ? 'env' : preset.needsKey ? 'type' : 'none',
  });
  if (how === 'type') return typedKey(d, name);
  if (how === 'env') return envKey(d, preset);
  if (how === 'keep')
    return {
      apiKey: existing!.apiKey!,
      ...(storedName ? {} : { keyValue: d.env[envVarOf(existing?.apiKey) ?? ''] }),
    };
  return {};
}

/** A key typed (hidden), stored under the provider's name. */
async function typedKey(d: WizardDeps, name: string): Promise<{ apiKey: string; keyValue: string }> {
  const keyValue = (
    await d.prompt.secret({
      message: t('init.askKeyValue'),
      validate: (v) => (v.trim() ? true : t('init.emptyKey')),
    })
  ).trim();
  d.draft.secrets[name] = keyValue;
  return { apiKey: `secret:${name}`, keyValue };
}

async function envKey(d: WizardDeps, preset: Preset): Promise<Pick<NewProvider, 'apiKey' | 'keyValue'>> {
  const variable = (
    await d.prompt.input({
      message: t('init.askEnvName'),
      default: preset.keyEnv,
      validate: (s) => (ENV_NAME.test(s.trim()) ? true : t('init.badEnvName')),
    })
  ).trim();
  const keyValue = d.env[variable];
  if (!keyValue) d.say(t('init.envNotSet', { variable }));
  return { apiKey: `env:${variable}`, ...(keyValue ? { keyValue } : {}) };
}

/**
 * Model ids as the provider lists them, picked by the user; undefined when it was not asked or did
 * not answer. A refused key (mistyped, pasted wrong) can be typed again right here.
 */
async function listedModelIds(d: WizardDeps, p: NewProvider): Promise<string[] | undefined> {
  const { prompt, draft } = d;
  let listing = await prompt.confirm({
    message: t('init.askList', { name: p.name, apiBase: p.apiBase }),
    default: true,
  });
  if (listing && p.instances) return instanceModelIds(d, p);
  while (listing) {
    const r = await d.listModels(p.preset, p.apiBase, p.keyValue);
    if (r.ok) {
      const already = new Set(draft.config.models.filter((m) => servedBy(m, p.name)).map((m) => m.model ?? m.name));
      return prompt.checkbox<string>({
        message: t('init.askModels', { n: r.models.length }),
        choices: r.models.map((id) => ({ name: id, value: id, checked: already.has(id) })),
        required: true,
      });
    }
    if (!r.refused) {
      d.say(t('init.listFailed', { url: r.url, reason: r.reason ?? '' }));
      return undefined;
    }
    d.say(t('init.listRefused', { url: r.url, reason: r.reason ?? '' }));
    listing = await askRetypeRefused(d, p);
  }
  return undefined;
}

/**
 * Several instances: what each one serves, said line by line; the picker offers every model any of
 * them serves (one not on all is marked), and a picked model some reachable instance lacks is named.
 */
async function instanceModelIds(d: WizardDeps, p: NewProvider): Promise<string[] | undefined> {
  const results = [];
  for (const url of p.instances!) {
    const r = await d.listModels(p.preset, url, p.keyValue);
    d.say(
      r.ok
        ? t('servers.instanceServes', { url: r.url, n: r.models.length, served: r.models.join(', ') })
        : t('servers.cannotList', { url: r.url || url, reason: r.reason ?? '' }),
    );
    results.push({ url, r });
  }
  const reachable = results.filter((x) => x.r.ok);
  if (!reachable.length) return undefined;
  const all = [...new Set(reachable.flatMap((x) => x.r.models))].sort((a, b) => a.localeCompare(b));
  const on = (id: string) => reachable.filter((x) => servesModel(x.r.models, id)).length;
  const already = new Set(d.draft.config.models.filter((m) => servedBy(m, p.name)).map((m) => m.model ?? m.name));
  const picked = await d.prompt.checkbox<string>({
    message: t('init.askModels', { n: all.length }),
    choices: all.map((id) => ({
      name: id,
      value: id,
      checked: already.has(id),
      ...(on(id) < results.length ? { description: t('servers.onSome', { n: on(id), of: results.length }) } : {}),
    })),
    required: true,
  });
  for (const id of picked) {
    const lacking = reachable.filter((x) => !servesModel(x.r.models, id)).map((x) => x.url);
    if (lacking.length) d.say(t('servers.notOnInstances', { model: id, urls: lacking.join(', ') }));
  }
  return picked;
}

async function askRetypeRefused(d: WizardDeps, p: NewProvider): Promise<boolean> {
  const next = await d.prompt.select<'retype' | 'ids'>({
    message: t('init.askRefused', { name: p.name }),
    choices: [
      { name: t('init.refusedRetype'), value: 'retype' },
      { name: t('init.refusedIds', { name: p.name }), value: 'ids' },
    ],
    default: 'retype',
  });
  if (next !== 'retype') return false;
  Object.assign(p, await typedKey(d, p.name));
  saveProvider(d, p);
  return true;
}

async function typedModelIds(d: WizardDeps): Promise<string[]> {
  const typed = await d.prompt.input({
    message: t('init.askIds'),
    validate: (v) => (splitList(v).length ? true : t('init.noIds')),
  });
  return splitList(typed);
}

/** Public names for the picked ids: shorter ones on request, never one another provider's model has. */
async function nameModels(d: WizardDeps, name: string, ids: string[]): Promise<PickedModel[]> {
  const { draft } = d;
  // A model this provider already serves keeps its public name (tools are configured with it).
  const current = new Map(draft.config.models.filter((m) => servedBy(m, name)).map((m) => [m.model ?? m.name, m.name]));
  const picked: PickedModel[] = ids.map((id) => ({ id, name: current.get(id) ?? id }));
  if (await d.prompt.confirm({ message: t('init.askRename'), default: false }))
    for (const p of picked) p.name = await askModelName(d, name, p, picked);
  for (const p of picked) {
    const owner = modelOwner(draft, p.name);
    if (owner && !servedBy(owner, name)) {
      p.name = `${p.name}@${name}`;
      d.say(t('init.modelRenamed', { id: p.id, name: p.name }));
    }
  }
  return picked;
}

async function askModelName(d: WizardDeps, provider: string, p: PickedModel, picked: PickedModel[]): Promise<string> {
  const answer = await d.prompt.input({
    message: t('init.askModelName', { id: p.id }),
    default: p.id,
    validate: (v) => {
      const n = v.trim();
      if (!n) return t('init.emptyModelName');
      const owner = modelOwner(d.draft, n);
      if (owner && !servedBy(owner, provider))
        return t('init.modelNameTaken', { name: n, owner: owner.provider ?? owner.deployments?.[0]?.provider ?? '' });
      if (picked.some((o) => o !== p && o.name === n)) return t('init.modelNameUsedAbove', { name: n });
      return true;
    },
  });
  return answer.trim();
}

export function splitList(v: string): string[] {
  return v
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
