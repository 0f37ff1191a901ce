import { presetLabel, type Preset } from '../config/presets.js';
import { NAME_PATTERN } from '../config/constants.js';
import type { Choice, Prompter } from '../ui/prompt.js';
import {
  addModels,
  freeProviderName,
  modelNames,
  modelOwner,
  removeProvider,
  setPort,
  setProvider,
  setTools,
  type Draft,
  type PickedModel,
} from './draft.js';
import type { ListModelsResult } from './models.js';
import { envVarOf, secretNameOf } from '../secrets/refs.js';

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
}

const URL_RE = /^https?:\/\/[^\s/]+/;

/**
 * The interactive flow: every question, in order; returns the finished draft. It writes nothing:
 * an interrupted wizard (Ctrl-C) leaves no trace.
 */
export async function runWizard(d: WizardDeps): Promise<Draft> {
  const { prompt, draft } = d;

  if (d.found.length && d.importFound) {
    const picked = await prompt.checkbox<Found>({
      message: 'Import what you already have?',
      choices: d.found.map((f) => ({ name: `${f.label}: ${f.file}`, value: f, checked: true })),
    });
    for (const f of picked) d.say(await d.importFound(draft, f));
  }

  const haveProviders = Object.keys(draft.config.providers).length;
  if (haveProviders) {
    d.say(
      `${draft.fromFile ? 'Already set up' : 'Imported'}: ${haveProviders} provider${haveProviders === 1 ? '' : 's'} (${Object.keys(draft.config.providers).join(', ')}) and ${draft.config.models.length} model${draft.config.models.length === 1 ? '' : 's'}; they are kept.`,
    );
  }
  if (haveProviders && (await prompt.confirm({ message: 'Remove a provider?', default: false }))) {
    const gone = await prompt.checkbox<string>({
      message: 'Providers to remove, with their models (space to pick, enter to go on)',
      choices: Object.keys(draft.config.providers).map((p) => {
        const n = draft.config.models.filter(
          (m) => m.provider === p || m.deployments?.some((x) => x.provider === p),
        ).length;
        return { name: `${p} (${n} model${n === 1 ? '' : 's'})`, value: p };
      }),
    });
    for (const p of gone) {
      const models = removeProvider(draft, p);
      d.say(
        `Removed ${p}${models.length ? ` and its model${models.length === 1 ? '' : 's'} ${models.join(', ')}` : ''}; its key stays in the secrets store (\`llmctl keys rm ${p}\` removes it).`,
      );
    }
  }
  let more =
    Object.keys(draft.config.providers).length === 0 ||
    (await prompt.confirm({ message: 'Add a provider?', default: false }));
  while (more) {
    await addProviderStep(d);
    more = await prompt.confirm({ message: 'Add another provider?', default: false });
  }

  const names = modelNames(draft);
  const modelChoices = (extra: Choice<string>[] = []): Choice<string>[] => [
    ...names.map((n) => ({ name: n, value: n, description: describeModel(draft, n) })),
    ...extra,
  ];
  const tools = draft.config.tools ?? {};
  const picked = await prompt.checkbox<'continue' | 'claude'>({
    message: 'Which tools should use these models?',
    choices: [
      { name: 'Claude Code', value: 'claude', checked: tools.claude?.enabled !== false },
      { name: 'Continue (VS Code, JetBrains)', value: 'continue', checked: tools.continue?.enabled !== false },
    ],
  });
  if (picked.length && !names.length)
    d.say('No models yet: the tools are configured once you add some (`llmctl init` again).');

  let claude: { model?: string; haikuModel?: string } | false = false;
  if (picked.includes('claude') && names.length) {
    const model = await prompt.select({
      message: 'Claude Code: main model',
      choices: modelChoices(),
      default: pickDefault(names, tools.claude?.model),
    });
    const haikuModel = await prompt.select({
      message: 'Claude Code: model for background calls (the "haiku" slot)',
      choices: modelChoices(),
      default: pickDefault(names, tools.claude?.haikuModel ?? names.find((n) => /haiku/i.test(n)) ?? model),
    });
    claude = { model, haikuModel };
  } else if (picked.includes('claude')) claude = {};
  let cont: { chatModel?: string; autocompleteModel?: string } | false = false;
  if (picked.includes('continue') && names.length) {
    const chatModel = await prompt.select({
      message: 'Continue: chat model',
      choices: modelChoices(),
      default: pickDefault(names, tools.continue?.models?.[0]),
    });
    const fim = await prompt.select<string>({
      message: 'Continue: autocomplete (FIM) model',
      choices: modelChoices([{ name: 'none (no autocomplete)', value: '' }]),
      default:
        draft.config.models.find((m) => m.roles?.includes('autocomplete'))?.name ??
        names.find((n) => /coder|code|fim/i.test(n)) ??
        '',
    });
    cont = { chatModel, ...(fim ? { autocompleteModel: fim } : {}) };
  } else if (picked.includes('continue')) cont = {};
  setTools(draft, { claude, continue: cont });

  const current = d.defaults?.port ?? draft.config.proxy?.port ?? 4000;
  const port = await prompt.input({
    message: 'Proxy port (every tool is pointed at it)',
    default: String(current),
    validate: (v) =>
      /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 65535 ? true : 'a number from 1 to 65535',
  });
  setPort(draft, Number(port.trim()));
  return draft;
}

function pickDefault(names: string[], wanted: string | undefined): string | undefined {
  return wanted && names.includes(wanted) ? wanted : names[0];
}

function describeModel(draft: Draft, name: string): string {
  const m = modelOwner(draft, name);
  return m ? [m.provider, m.model].filter(Boolean).join(' · ') : '';
}

async function addProviderStep(d: WizardDeps): Promise<void> {
  const { prompt, draft } = d;
  const presets = [...d.presets.values()];
  const preset = await prompt.search<Preset>({
    message: 'Provider (type to search)',
    choices: presets.map((p) => ({ name: presetLabel(p), value: p, description: p.apiBase ?? p.apiBaseHint ?? '' })),
  });

  let apiBase: string | undefined;
  if (!preset.apiBase) {
    apiBase = (
      await prompt.input({
        message: `Base URL (${preset.apiBaseHint ?? 'ending in /v1'})`,
        validate: (v) => (URL_RE.test(v.trim()) ? true : 'an http(s) URL such as http://10.0.0.5:8000/v1'),
      })
    ).trim();
  }

  // Self-hosted boxes need telling apart (a100, a101…); hosted APIs are named after their preset.
  // Picking a preset that is already set up edits that provider (keep its key, add models).
  let name = draft.config.providers[preset.id]?.preset === preset.id ? preset.id : freeProviderName(draft, preset.id);
  if (!preset.apiBase || preset.id === 'custom') {
    name = (
      await prompt.input({
        message: 'Name for this provider in llmctl.yaml',
        default: name,
        validate: (v) => (NAME_PATTERN.test(v.trim()) ? true : 'letters, digits, - _ . (no spaces)'),
      })
    ).trim();
  }

  const existing = draft.config.providers[name];
  const storedName = secretNameOf(existing?.apiKey);
  type KeyHow = 'type' | 'env' | 'none' | 'keep';
  const how: KeyHow = await prompt.select<KeyHow>({
    message: `API key for ${name === preset.id ? presetLabel(preset) : `${name} (${preset.name})`}`,
    choices: [
      ...(existing?.apiKey && (!storedName || d.storedSecrets.has(storedName))
        ? [{ name: `keep the current one (${existing.apiKey})`, value: 'keep' as const }]
        : []),
      { name: "type it (hidden; kept in llmctl's secrets file, mode 0600)", value: 'type' },
      {
        name: `read it from an environment variable${d.env[preset.keyEnv] ? ` (${preset.keyEnv} is set)` : ''}`,
        value: 'env',
      },
      ...(preset.needsKey ? [] : [{ name: 'no key (the server needs none)', value: 'none' as const }]),
    ],
    default: existing?.apiKey ? 'keep' : d.env[preset.keyEnv] ? 'env' : preset.needsKey ? 'type' : 'none',
  });
  const typeKey = async (): Promise<string> =>
    (
      await prompt.secret({
        message: 'Key',
        validate: (v) => (v.trim() ? true : 'paste the key, or press Ctrl-C to stop'),
      })
    ).trim();
  let apiKey: string | undefined;
  let keyValue: string | undefined;
  if (how === 'type') {
    keyValue = await typeKey();
    apiKey = `secret:${name}`;
    draft.secrets[name] = keyValue;
  } else if (how === 'env') {
    const v = (
      await prompt.input({
        message: 'Environment variable name',
        default: preset.keyEnv,
        validate: (s) =>
          /^[A-Za-z_][A-Za-z0-9_]*$/.test(s.trim()) ? true : 'a variable name such as SILICONFLOW_API_KEY',
      })
    ).trim();
    apiKey = `env:${v}`;
    keyValue = d.env[v];
    if (!keyValue) d.say(`${v} is not set in this shell: set it before \`llmctl serve\`.`);
  } else if (how === 'keep') {
    apiKey = existing?.apiKey;
    keyValue = storedName ? undefined : d.env[envVarOf(existing?.apiKey) ?? ''];
  }
  setProvider(draft, name, { preset: preset.id, ...(apiBase ? { apiBase } : {}), ...(apiKey ? { apiKey } : {}) });

  // Model ids: listed by the provider when it answers, typed otherwise.
  let ids: string[] = [];
  let listing = await prompt.confirm({
    message: `List the models ${name} offers${apiBase ? ` at ${apiBase}` : ''}?`,
    default: true,
  });
  while (listing) {
    const r = await d.listModels(preset, apiBase, keyValue);
    if (r.ok) {
      const already = new Set(draft.config.models.filter((m) => m.provider === name).map((m) => m.model ?? m.name));
      ids = await prompt.checkbox<string>({
        message: `Models to use (${r.models.length} found; space to pick, enter to go on)`,
        choices: r.models.map((id) => ({ name: id, value: id, checked: already.has(id) })),
        required: true,
      });
      break;
    }
    if (!r.refused) {
      d.say(`Could not list models from ${r.url}: ${r.reason}. Type their ids instead.`);
      break;
    }
    // A mistyped or pasted-wrong key is the usual reason: let it be typed again right here.
    d.say(`Could not list models from ${r.url}: ${r.reason}.`);
    const next = await prompt.select<'retype' | 'ids'>({
      message: `The key for ${name} was refused. What now?`,
      choices: [
        { name: 'type the key again (hidden) and list again', value: 'retype' },
        { name: `type the model ids instead (set the key later: \`llmctl keys set ${name}\`)`, value: 'ids' },
      ],
      default: 'retype',
    });
    listing = next === 'retype';
    if (listing) {
      keyValue = await typeKey();
      apiKey = `secret:${name}`;
      draft.secrets[name] = keyValue;
      setProvider(draft, name, { preset: preset.id, ...(apiBase ? { apiBase } : {}), apiKey });
    }
  }
  if (!ids.length) {
    const typed = await prompt.input({
      message: 'Model ids, comma-separated (as the provider names them)',
      validate: (v) => (splitList(v).length ? true : 'at least one model id'),
    });
    ids = splitList(typed);
  }

  // A model this provider already serves keeps its public name (tools are configured with it).
  const current = new Map(
    draft.config.models.filter((m) => m.provider === name).map((m) => [m.model ?? m.name, m.name]),
  );
  const picked: PickedModel[] = ids.map((id) => ({ id, name: current.get(id) ?? id }));
  if (await prompt.confirm({ message: 'Give any of them a shorter name for the tools?', default: false })) {
    for (const p of picked) {
      p.name = (
        await prompt.input({
          message: `Name for ${p.id}`,
          default: p.id,
          validate: (v) => {
            const n = v.trim();
            if (!n) return 'a name';
            const owner = modelOwner(draft, n);
            if (owner && owner.provider !== name)
              return `"${n}" is already a model of ${owner.provider ?? 'another provider'}; choose another name`;
            if (picked.some((o) => o !== p && o.name === n)) return `"${n}" is already used above`;
            return true;
          },
        })
      ).trim();
    }
  }
  for (const p of picked) {
    const owner = modelOwner(draft, p.name);
    if (owner && owner.provider !== name) {
      p.name = `${p.name}@${name}`;
      d.say(`A model named ${p.id} exists already; this one is called ${p.name}.`);
    }
  }
  addModels(draft, name, picked);
}

export function splitList(v: string): string[] {
  return v
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
