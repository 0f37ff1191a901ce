import { validateConfigText, type LoadedConfig } from '../config/load.js';
import type { Preset } from '../config/presets.js';
import { writeConfigLocked } from '../config/write.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import { readTextIfExists } from '../fs/atomic.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { SecretStore, maskSecret } from '../secrets/store.js';
import { applySync, changedFiles, planSync, secretValues, type SyncSession } from '../sync/engine.js';
import { renderDraft, type Draft } from './draft.js';

export interface InitPlan {
  file: string;
  before: string | null;
  after: string;
  loaded: LoadedConfig;
  store: SecretStore;
  /** Secret names this init adds or replaces. */
  keys: { name: string; replaced: boolean; masked: string }[];
  session?: SyncSession;
}

/**
 * Everything init would write, computed without writing: the new llmctl.yaml, the keys, and the
 * sync plan of every tool file (from the in-memory config, with the new keys in an unsaved store).
 */
export async function planInit(
  platform: Platform,
  paths: Paths,
  draft: Draft,
  presets: Map<string, Preset>,
  options: { sync: boolean; confirm?: (q: string) => Promise<boolean | undefined> },
): Promise<InitPlan> {
  const file = paths.config;
  const before = await readTextIfExists(file);
  const after = renderDraft(draft);
  const v = await validateConfigText(after, file, presets);
  if (v.errors.length || !v.config) {
    throw new LlmctlError(t('init.answersInvalid', { file }), {
      problems: v.errors,
      hint: t('init.answersInvalidHint'),
    });
  }
  const loaded: LoadedConfig = {
    file,
    text: after,
    config: v.config,
    doc: v.doc,
    presets,
    warnings: v.warnings,
    at: v.at,
  };
  const store = await SecretStore.open(paths.secrets);
  const keys = Object.entries(draft.secrets).map(([name, value]) => ({
    name,
    replaced: store.has(name) && store.get(name) !== value,
    masked: maskSecret(value),
  }));
  for (const [name, value] of Object.entries(draft.secrets)) store.set(name, value);
  const session = options.sync
    ? await planSync(
        platform,
        paths,
        { secrets: store, ...(options.confirm ? { confirm: options.confirm } : {}) },
        loaded,
      )
    : undefined;
  return { file, before, after, loaded, store, keys, ...(session ? { session } : {}) };
}

/** The diff of llmctl.yaml and of every tool file, keys masked. */
export async function renderInitDiff(plan: InitPlan): Promise<string> {
  return [...(await initDiffs(plan)).values()].join('');
}

/** One masked diff per file init would change, by path: llmctl.yaml first, then the tools' files. */
export async function initDiffs(plan: InitPlan): Promise<Map<string, string>> {
  const { fileDiff } = await import('../ui/diff.js');
  const secrets = [...plan.store.values(), ...(plan.session ? [plan.session.ctx.masterKey] : [])];
  const out = new Map<string, string>();
  if (plan.before !== plan.after) out.set(plan.file, await fileDiff(plan.file, plan.before, plan.after, secrets));
  if (plan.session) {
    const known = secretValues(plan.session);
    for (const f of changedFiles(plan.session.plans)) out.set(f.path, await fileDiff(f.path, f.before, f.after, known));
  }
  return out;
}

/** Lines added and removed by a unified diff (its file headers not counted). */
export function diffCounts(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) added++;
    else if (line.startsWith('-') && !line.startsWith('---')) removed++;
  }
  return { added, removed };
}

export function filesToWrite(
  plan: InitPlan,
  secretsFile: string,
): { path: string; label: string; status: 'create' | 'update' }[] {
  const files: { path: string; label: string; status: 'create' | 'update' }[] = [];
  if (plan.before !== plan.after)
    files.push({ path: plan.file, label: 'llmctl.yaml', status: plan.before === null ? 'create' : 'update' });
  if (plan.keys.length || plan.session?.generatedMasterKey || plan.session?.generatedSecrets.size)
    files.push({ path: secretsFile, label: t('init.keysLabel'), status: plan.store.existed ? 'update' : 'create' });
  for (const f of plan.session ? changedFiles(plan.session.plans) : [])
    files.push({ path: f.path, label: f.label, status: f.before === null ? 'create' : 'update' });
  return files;
}

export interface InitResult {
  configWritten: boolean;
  backup?: string;
  synced: { path: string; label: string }[];
}

/** Writes llmctl.yaml (backed up), the keys (0600), then every tool file through the sync engine. */
export async function applyInit(plan: InitPlan, paths: Paths): Promise<InitResult> {
  const w = await writeConfigLocked(paths, plan.file, plan.after, 'init', { before: plan.before });
  if (plan.keys.length || plan.session?.generatedMasterKey || plan.session?.generatedSecrets.size)
    await plan.store.save();
  const r = plan.session ? await applySync(plan.session, 'init') : undefined;
  return {
    configWritten: w.written,
    ...(w.backup ? { backup: w.backup.id } : r?.backup ? { backup: r.backup.id } : {}),
    synced: (r?.written ?? []).map((f) => ({ path: f.path, label: f.label })),
  };
}
