import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import type { MergeOutcome } from './merge.js';
import type { ImportResult } from './types.js';

/**
 * What `llmctl import` says after a merge, as data: the command prints each line at its level. Pure,
 * so the wording (in every locale) is tested without running the binary.
 */
export interface SummaryLine {
  level: 'success' | 'info' | 'debug';
  text: string;
}

export interface SummaryInput {
  tool: ImportResult['tool'];
  /** The imported file and llmctl.yaml, as they are to be shown (coloured by the caller). */
  file: string;
  configFile: string;
  secretsFile: string;
  dryRun: boolean;
  merged: MergeOutcome;
  /** A stored key as it may be shown (src/secrets/store.ts maskSecret). */
  mask: (value: string) => string;
  bold: (s: string) => string;
}

export function importSummary(i: SummaryInput): SummaryLine[] {
  const { merged, dryRun } = i;
  const out: SummaryLine[] = [];
  const info = (text: string) => out.push({ level: 'info', text });
  const head = {
    dryRun,
    tool: i.tool,
    file: i.file,
    providers: merged.addedProviders.length,
    models: merged.addedModels.length,
  };
  out.push({
    level: 'success',
    text: t('importers.summary.head', merged.changed ? { ...head, into: i.configFile } : head),
  });
  if (merged.addedProviders.length) info(t('importers.summary.providers', { names: merged.addedProviders.join(', ') }));
  for (const [from, to] of Object.entries(merged.reusedProviders)) info(t('importers.summary.reused', { from, to }));
  if (merged.addedModels.length) info(t('importers.summary.models', { names: merged.addedModels.join(', ') }));
  if (merged.addedSettings.length) info(t('importers.summary.settings', { names: merged.addedSettings.join(', ') }));
  if (merged.skippedModels.length) {
    const names = merged.skippedModels.map((s) => s.name).join(', ');
    info(t('importers.summary.skipped', { n: merged.skippedModels.length, names }));
  }
  for (const [name, value] of Object.entries(merged.secrets))
    info(t('importers.summary.key', { name, masked: i.mask(value), dryRun, file: i.secretsFile }));
  // Named once, by the sync that follows (and every sync until they are set); here only counted.
  if (merged.noKey.length) info(t('importers.summary.noKey', { n: merged.noKey.length }));
  for (const { provider, env } of merged.noKey)
    out.push({ level: 'debug', text: t('importers.summary.noKeyDetail', { provider, ...(env ? { env } : {}) }) });
  // i18n-ignore: command names are never translated
  const syncCmd = i.bold('llmctl sync');
  if (!merged.changed && !Object.keys(merged.secrets).length) info(t('importers.summary.nothingNew'));
  else if (dryRun) info(t('importers.summary.dryRun'));
  else if (merged.deferred.length)
    // i18n-ignore: command names are never translated
    info(t('importers.summary.nextDeferred', { importCmd: i.bold('llmctl import litellm FILE'), syncCmd }));
  else info(t('importers.summary.next', { syncCmd }));
  return out;
}

/**
 * The warnings to print: all of the import's and the merge's but "no key yet", which the summary
 * counts and the next sync names (one line for all of them, not one per provider).
 */
export function importWarnings(result: ImportResult, merged: MergeOutcome): Problem[] {
  const noKeyYet = new Set((result.placeholderKeys ?? []).map((name) => t('importers.placeholder', { name })));
  return [...result.warnings, ...merged.deferred].filter((w) => !noKeyYet.has(w.message));
}
