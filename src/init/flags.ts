import type { Preset } from '../config/presets.js';
import { NAME_PATTERN } from '../config/constants.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { NEW_TOOLS, type NewTool } from './installed.js';
import {
  addModels,
  freeProviderName,
  modelNames,
  removeProvider,
  servedBy,
  setPort,
  setProvider,
  setTools,
  type Draft,
  type PickedModel,
} from './draft.js';

export interface InitFlags {
  yes?: boolean;
  from?: string;
  provider?: string[];
  /** Providers to take out, with their models (an existing setup). */
  removeProvider?: string[];
  /** Base URLs for the first --provider; several for several instances of one model server. */
  apiBase?: string[];
  keyEnv?: string;
  keyStdin?: boolean;
  model?: string[];
  claudeModel?: string;
  claudeHaikuModel?: string;
  continueModel?: string;
  autocompleteModel?: string;
  tools?: string;
  port?: number;
  sync?: boolean;
  serve?: boolean;
  /** A chat UI: Open WebUI on, with a client key of its own. */
  webui?: boolean;
}

/**
 * `init --yes`: the same result as the wizard, from flags alone. Every missing answer is collected
 * and reported at once, naming the flag that gives it.
 *
 * --model takes `ID`, `NAME=ID` (public name NAME for upstream ID) and, with several --provider,
 * `PROVIDER:ID` to say whose model it is.
 */
export function applyFlags(
  draft: Draft,
  f: InitFlags,
  presets: Map<string, Preset>,
  keyFromStdin: string | undefined,
): void {
  const missing: string[] = [];
  removeProviders(draft, f.removeProvider ?? []);
  const added = addProviders(draft, f, presets, keyFromStdin, missing);
  addModelFlags(draft, f.model ?? [], added, missing, instancesOf(f, added));
  if (!Object.keys(draft.config.providers).length && !f.provider?.length)
    missing.push(t('init.needProvider'), t('init.needItsKey'), t('init.needModels'));
  if (missing.length)
    throw new UsageError(
      t('init.missingFlags', { missing: missing.join(t('init.missingSeparator')) }),
      t('init.missingFlagsHint'),
    );
  for (const name of Object.keys(draft.config.providers))
    if (!NAME_PATTERN.test(name)) throw new UsageError(t('init.badProviderName', { name }));
  setToolFlags(draft, f);
  if (f.port !== undefined) setPort(draft, f.port);
}

function removeProviders(draft: Draft, names: string[]): void {
  for (const name of names) {
    if (!draft.config.providers[name])
      throw new UsageError(
        t('init.noSuchProvider', { name }),
        t('init.useOneOf', { names: Object.keys(draft.config.providers).join(', ') }),
      );
    removeProvider(draft, name);
  }
}

/** Each --provider (the first one takes --api-base and the key); returns their names in llmctl.yaml. */
function addProviders(
  draft: Draft,
  f: InitFlags,
  presets: Map<string, Preset>,
  keyFromStdin: string | undefined,
  missing: string[],
): string[] {
  const added: string[] = [];
  for (const [i, id] of (f.provider ?? []).entries()) {
    const preset = presets.get(id);
    if (!preset)
      throw new UsageError(
        t('init.unknownPreset', { id }),
        t('init.useOneOf', { names: [...presets.keys()].join(', ') }),
      );
    const name = draft.config.providers[id]?.preset === id ? id : freeProviderName(draft, id);
    const apiBase = i === 0 ? instanceBases(f.apiBase, preset)[0] : undefined;
    if (!preset.apiBase && !apiBase && !draft.config.providers[name]?.apiBase)
      missing.push(t('init.needApiBase', { preset: preset.name }));
    const apiKey = keyFlag(draft, f, { first: i === 0, id, name, preset }, keyFromStdin, missing);
    setProvider(draft, name, { preset: id, ...(apiBase ? { apiBase } : {}), ...(apiKey ? { apiKey } : {}) });
    added.push(name);
  }
  return added;
}

/**
 * The --api-base values: one, or several for several instances of one model server (vLLM, TGI,
 * Ollama, a custom endpoint). The same URL twice would weigh that instance double: refused.
 */
export function instanceBases(given: string[] | undefined, preset: Preset): string[] {
  const bases = (given ?? []).map((b) => b.trim()).filter(Boolean);
  if (bases.length > 1 && !preset.server)
    throw new UsageError(
      t('servers.oneBaseOnly', { preset: preset.id, n: bases.length }),
      t('servers.oneBaseOnlyHint'),
    );
  const seen = new Set<string>();
  for (const b of bases) {
    const key = b.replace(/\/+$/, '');
    if (seen.has(key)) throw new UsageError(t('servers.sameBaseTwice', { url: b }), t('servers.sameBaseTwiceHint'));
    seen.add(key);
  }
  return bases;
}

/** The instances of the first --provider when --api-base was given more than once. */
function instancesOf(f: InitFlags, added: string[]): Map<string, string[]> {
  const bases = f.apiBase ?? [];
  return bases.length > 1 && added[0] ? new Map([[added[0], bases.map((b) => b.trim())]]) : new Map();
}

/** The key reference for a --provider from --key-env or --key-stdin; a missing needed key is noted. */
function keyFlag(
  draft: Draft,
  f: InitFlags,
  p: { first: boolean; id: string; name: string; preset: Preset },
  keyFromStdin: string | undefined,
  missing: string[],
): string | undefined {
  if (p.first && f.keyEnv) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.keyEnv))
      throw new UsageError(t('init.badKeyEnv', { value: f.keyEnv }), t('init.badKeyEnvHint'));
    return `env:${f.keyEnv}`;
  }
  if (p.first && keyFromStdin !== undefined) {
    draft.secrets[p.name] = keyFromStdin;
    return `secret:${p.name}`;
  }
  if (p.preset.needsKey && !draft.config.providers[p.name]?.apiKey)
    missing.push(
      p.first ? t('init.needKey', { preset: p.preset.name }) : t('init.needKeyLater', { id: p.id, name: p.name }),
    );
  return undefined;
}

/** --model specs, each given to its provider; every added provider needs at least one. */
function addModelFlags(
  draft: Draft,
  specs: string[],
  added: string[],
  missing: string[],
  instances: Map<string, string[]>,
): void {
  const byProvider = new Map<string, PickedModel[]>();
  for (const spec of specs) {
    const parsed = parseModelSpec(draft, spec, added);
    if (!parsed) {
      missing.push(t('init.needProviderFor', { spec }));
      continue;
    }
    byProvider.set(parsed.provider, [...(byProvider.get(parsed.provider) ?? []), parsed.picked]);
  }
  for (const p of added) if (!byProvider.has(p)) missing.push(t('init.needModel', { provider: p }));
  for (const [p, picked] of byProvider) addModels(draft, p, picked, instances.get(p));
}

/** `ID`, `NAME=ID`, `PROVIDER:ID`, `PROVIDER:NAME=ID`; undefined when no provider was added at all. */
function parseModelSpec(
  draft: Draft,
  spec: string,
  added: string[],
): { provider: string; picked: PickedModel } | undefined {
  let rest = spec;
  let provider = added.length === 1 ? added[0] : undefined;
  const colon = rest.indexOf(':');
  if (colon > 0 && added.includes(rest.slice(0, colon))) {
    provider = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
  }
  if (!provider) {
    if (!added.length) return undefined;
    throw new UsageError(t('init.whichProvider', { spec }), t('init.whichProviderHint', { provider: added[0]!, spec }));
  }
  const eq = rest.indexOf('=');
  // Without NAME=, a model this provider already serves keeps its public name.
  const known = draft.config.models.find((m) => servedBy(m, provider) && (m.model ?? m.name) === rest)?.name;
  const picked: PickedModel =
    eq > 0 ? { name: rest.slice(0, eq), id: rest.slice(eq + 1) } : { name: known ?? rest, id: rest };
  if (!picked.id || !picked.name) throw new UsageError(t('init.emptyModel', { spec }), t('init.emptyModelHint'));
  return { provider, picked };
}

/** --tools and the model flags of each tool; without them, what llmctl.yaml says or the first model. */
function setToolFlags(draft: Draft, f: InitFlags): void {
  const names = modelNames(draft);
  const check = (flag: string, v: string | undefined) => {
    if (v && !names.includes(v))
      throw new UsageError(t('init.noSuchModel', { flag, value: v }), t('init.useModel', { names: names.join(', ') }));
  };
  check('--claude-model', f.claudeModel);
  check('--claude-haiku-model', f.claudeHaikuModel);
  check('--continue-model', f.continueModel);
  check('--autocomplete-model', f.autocompleteModel);

  const tools = parseTools(f.tools);
  const tc = draft.config.tools ?? {};
  const wantClaude = tools ? tools.includes('claude') : tc.claude?.enabled !== false;
  const wantContinue = tools ? tools.includes('continue') : tc.continue?.enabled !== false;
  // Claude Code asks for a main and a background model; without flags both are the first model.
  const claudeModel = f.claudeModel ?? tc.claude?.model ?? names[0];
  // A model named like Claude's small one (the seed maps claude-3-5-haiku-… to a distill) is the background model.
  const haiku = f.claudeHaikuModel ?? tc.claude?.haikuModel ?? names.find((n) => /haiku/i.test(n)) ?? claudeModel;
  setTools(draft, {
    claude: wantClaude
      ? { ...(claudeModel ? { model: claudeModel } : {}), ...(haiku ? { haikuModel: haiku } : {}) }
      : false,
    continue: wantContinue
      ? {
          ...(f.continueModel ? { chatModel: f.continueModel } : {}),
          ...(f.autocompleteModel ? { autocompleteModel: f.autocompleteModel } : {}),
        }
      : false,
    // Listed in --tools: on; not listed: off; without --tools: as llmctl.yaml says.
    ...(tools ? Object.fromEntries(NEW_TOOLS.map((tool) => [tool, tools.includes(tool)])) : {}),
  });
}

type ToolFlag = 'claude' | 'continue' | NewTool;

export function parseTools(v: string | undefined): ToolFlag[] | undefined {
  if (v === undefined) return undefined;
  const list = v
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (list.length === 1 && list[0] === 'none') return [];
  const known: readonly string[] = ['claude', 'continue', ...NEW_TOOLS];
  for (const tool of list)
    if (!known.includes(tool)) throw new UsageError(t('init.unknownTool', { tool }), t('init.unknownToolHint'));
  return list as ToolFlag[];
}
