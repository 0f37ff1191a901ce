import type { Preset } from '../config/presets.js';
import { NAME_PATTERN } from '../config/constants.js';
import { UsageError } from '../errors.js';
import {
  addModels,
  freeProviderName,
  modelNames,
  removeProvider,
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
  apiBase?: string;
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
  for (const name of f.removeProvider ?? []) {
    if (!draft.config.providers[name])
      throw new UsageError(
        `--remove-provider ${name}: there is no provider "${name}" in llmctl.yaml`,
        `use one of: ${Object.keys(draft.config.providers).join(', ') || '(none yet)'}`,
      );
    removeProvider(draft, name);
  }
  const providers = f.provider ?? [];
  const added: string[] = [];
  for (const [i, id] of providers.entries()) {
    const preset = presets.get(id);
    if (!preset)
      throw new UsageError(`unknown provider preset "${id}"`, `use one of: ${[...presets.keys()].join(', ')}`);
    const name = draft.config.providers[id]?.preset === id ? id : freeProviderName(draft, id);
    const apiBase = i === 0 ? f.apiBase : undefined;
    if (!preset.apiBase && !apiBase && !draft.config.providers[name]?.apiBase)
      missing.push(`--api-base URL (${preset.name} has no default address; e.g. http://10.0.0.5:8000/v1)`);
    let apiKey: string | undefined;
    if (i === 0 && f.keyEnv) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.keyEnv))
        throw new UsageError(
          `--key-env takes a variable name, not "${f.keyEnv}"`,
          'e.g. --key-env SILICONFLOW_API_KEY',
        );
      apiKey = `env:${f.keyEnv}`;
    } else if (i === 0 && keyFromStdin !== undefined) {
      apiKey = `secret:${name}`;
      draft.secrets[name] = keyFromStdin;
    } else if (preset.needsKey && !draft.config.providers[name]?.apiKey) {
      missing.push(
        i === 0
          ? `--key-env VAR or --key-stdin (the key for ${preset.name})`
          : `a key for ${id}: add it later with \`llmctl keys set ${name}\` (only the first --provider takes --key-env/--key-stdin)`,
      );
    }
    setProvider(draft, name, { preset: id, ...(apiBase ? { apiBase } : {}), ...(apiKey ? { apiKey } : {}) });
    added.push(name);
  }

  const byProvider = new Map<string, PickedModel[]>();
  for (const spec of f.model ?? []) {
    let rest = spec;
    let provider = added.length === 1 ? added[0] : undefined;
    const colon = rest.indexOf(':');
    if (colon > 0 && added.includes(rest.slice(0, colon))) {
      provider = rest.slice(0, colon);
      rest = rest.slice(colon + 1);
    }
    if (!provider) {
      if (!added.length) missing.push(`--provider NAME (for --model ${spec})`);
      else
        throw new UsageError(
          `--model ${spec}: which provider? there are several`,
          `write it as --model PROVIDER:ID, e.g. --model ${added[0]}:${spec}`,
        );
      continue;
    }
    const eq = rest.indexOf('=');
    // Without NAME=, a model this provider already serves keeps its public name.
    const known = draft.config.models.find((m) => m.provider === provider && (m.model ?? m.name) === rest)?.name;
    const picked: PickedModel =
      eq > 0 ? { name: rest.slice(0, eq), id: rest.slice(eq + 1) } : { name: known ?? rest, id: rest };
    if (!picked.id || !picked.name)
      throw new UsageError(`--model "${spec}" is empty`, 'use --model ID or --model NAME=ID');
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), picked]);
  }
  for (const p of added) if (!byProvider.has(p)) missing.push(`--model ID (at least one model of ${p})`);
  for (const [p, picked] of byProvider) addModels(draft, p, picked);

  if (!Object.keys(draft.config.providers).length && !providers.length) {
    missing.push(
      '--provider NAME (a preset, or custom with --api-base URL; or --from FILE)',
      '--key-env VAR or --key-stdin (its key)',
      '--model ID (repeatable)',
    );
  }

  if (missing.length) {
    throw new UsageError(
      `init without questions needs: ${missing.join('; ')}`,
      'pass those flags (see `llmctl init --help`), or run `llmctl init` in a terminal to be asked',
    );
  }
  for (const name of Object.keys(draft.config.providers))
    if (!NAME_PATTERN.test(name)) throw new UsageError(`bad provider name "${name}"`);

  const names = modelNames(draft);
  const check = (flag: string, v: string | undefined) => {
    if (v && !names.includes(v))
      throw new UsageError(
        `${flag} ${v}: no such model`,
        `use one of: ${names.join(', ') || '(none yet: add --model)'}`,
      );
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
  });
  if (f.port !== undefined) setPort(draft, f.port);
}

export function parseTools(v: string | undefined): ('claude' | 'continue')[] | undefined {
  if (v === undefined) return undefined;
  const list = v
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (list.length === 1 && list[0] === 'none') return [];
  for (const t of list)
    if (t !== 'claude' && t !== 'continue')
      throw new UsageError(`--tools: unknown tool "${t}"`, 'use continue, claude, both (continue,claude) or none');
  return list as ('claude' | 'continue')[];
}
