import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Preset } from '../config/presets.js';
import type { ConfigInput } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import { yaml } from '../deps.js';
import { readTextIfExists } from '../fs/atomic.js';
import type { Paths } from '../platform/paths.js';
import type { ImportResult } from '../importers/types.js';
import { renderDraft, type Draft } from './draft.js';
import type { Found } from './wizard.js';

/** Names a LiteLLM proxy config usually has in a project folder. */
const LITELLM_NAMES = ['litellm.config.yaml', 'litellm_config.yaml', 'litellm.yaml', 'config.yaml'];

/**
 * What the user already has that init can start from: `--from FILE` (or a LiteLLM config in the
 * current folder), Continue's and Claude Code's configs. Only files that look like the real thing
 * are offered (a config.yaml without model_list is somebody else's file).
 */
export async function detectExisting(
  paths: Paths,
  cwd: string,
  from: string | undefined,
  firstRun: boolean,
): Promise<Found[]> {
  const found: Found[] = [];
  if (from) {
    const file = path.resolve(cwd, from);
    if ((await readTextIfExists(file)) === null)
      throw new LlmctlError(t('init.fromNoSuchFile', { from }), { exitCode: 2, hint: t('init.fromNoSuchFileHint') });
    found.push({ tool: 'litellm', file, label: t('init.foundLitellm') });
  } else {
    for (const n of LITELLM_NAMES) {
      const file = path.join(cwd, n);
      const text = await readTextIfExists(file).catch(() => null);
      if (text && /^model_list\s*:/m.test(text) && file !== paths.litellmConfig) {
        found.push({ tool: 'litellm', file, label: t('init.foundLitellm') });
        break;
      }
    }
  }
  // Once llmctl manages the tools, their configs are its own output: importing them again adds nothing.
  if (firstRun) {
    if (await exists(paths.continueConfig))
      found.push({ tool: 'continue', file: paths.continueConfig, label: t('init.foundContinue') });
    if (await exists(paths.claudeSettings)) {
      const text = (await readTextIfExists(paths.claudeSettings)) ?? '';
      if (/ANTHROPIC_(BASE_URL|AUTH_TOKEN|API_KEY|MODEL)|"model"/.test(text))
        found.push({ tool: 'claude', file: paths.claudeSettings, label: t('init.foundClaude') });
    }
  }
  return found;
}

async function exists(file: string): Promise<boolean> {
  return fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
}

type Importer = (text: string, file: string, presets: Map<string, Preset>) => Promise<ImportResult>;

async function importerFor(tool: Found['tool']): Promise<Importer> {
  switch (tool) {
    case 'litellm':
      return (await import('../importers/litellm.js')).importLitellm;
    case 'continue':
      return (await import('../importers/continue.js')).importContinue;
    case 'claude': {
      const { importClaude } = await import('../importers/claude.js');
      return (text, file) => importClaude(text, file);
    }
  }
}

/**
 * Imports a found file into the draft through the shared merge (src/importers/merge.ts): what is
 * there already is kept, nothing is duplicated, found keys go to the secrets store with the rest.
 */
export function importInto(
  configFile: string,
  presets: Map<string, Preset>,
  storedSecret: (name: string) => string | undefined,
) {
  return async (draft: Draft, f: Found): Promise<string> => {
    const importer = await importerFor(f.tool);
    // Strict UTF-8: a stray byte would otherwise reach llmctl.yaml as U+FFFD.
    const { readToolFile } = await import('../targets/read-tool-file.js');
    const text = (await readToolFile(f.file)) ?? '';
    const result = await importer(text, f.file, presets);
    const { mergeImport } = await import('../importers/merge.js');
    const current =
      draft.baseText === null && !Object.keys(draft.config.providers).length && !draft.config.models.length
        ? null
        : renderDraft(draft);
    const out = await mergeImport(current, configFile, result, {
      presets,
      secretValue: (n) => draft.secrets[n] ?? storedSecret(n),
    });
    if (out.changed) {
      draft.baseText = out.text;
      const raw = (yaml().parse(out.text) ?? {}) as ConfigInput;
      draft.config = { ...raw, version: 1, providers: { ...(raw.providers ?? {}) }, models: [...(raw.models ?? [])] };
    }
    Object.assign(draft.secrets, out.secrets);
    for (const w of [...result.warnings, ...out.deferred])
      if (w.message) draft.notes.push(t('init.importNote', { label: f.label, message: w.message, hint: w.hint }));
    return t('init.imported', {
      file: f.file,
      providers: out.addedProviders.length,
      models: out.addedModels.length,
      keys: Object.keys(out.secrets).length,
      skipped: out.skippedModels.length,
    });
  };
}
