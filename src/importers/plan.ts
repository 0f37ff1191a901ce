import type { Paths } from '../platform/paths.js';
import type { SecretStore } from '../secrets/store.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Ledger } from './ledger.js';
import type { MergeOutcome } from './merge.js';
import type { ImportResult } from './types.js';

/**
 * `llmctl import` after the importer has read the tool's file: what the import does to llmctl.yaml
 * (planImport, nothing written), and doing it (applyImport, under the llmctl lock). The command
 * (src/commands/import.ts) reads the file, prints and calls these.
 */
export interface ImportPlan {
  configFile: string;
  /** llmctl.yaml as it was read (null: there is none yet). */
  existing: string | null;
  merged: MergeOutcome;
  store: SecretStore;
  ledgerFile: string;
  /** Set when llmctl.yaml was rebuilt from every import (see ledger.ts). */
  rebuilt?: { ledger: Ledger; ledgerChanged: boolean };
}

export async function planImport(paths: Paths, result: ImportResult): Promise<ImportPlan> {
  const { SecretStore } = await import('../secrets/store.js');
  const { mergeImport } = await import('./merge.js');
  const { readTextIfExists } = await import('../fs/atomic.js');
  const ledger = await import('./ledger.js');
  const configFile = paths.config;
  const store = await SecretStore.open(paths.secrets);
  const existing = await readTextIfExists(configFile);
  const ledgerFile = ledger.ledgerFile(paths.state);
  const record = await ledger.readLedger(ledgerFile);
  const secretValue = (n: string) => store.get(n);
  // llmctl.yaml still only what imports wrote: rebuild it from every import, so the order does not matter.
  if (ledger.importOnly(existing, record)) {
    const r = await ledger.rebuildFromImports(existing, configFile, record, result, store.values(), { secretValue });
    return { configFile, existing, merged: r.outcome, store, ledgerFile, rebuilt: r };
  }
  const merged = await mergeImport(existing, configFile, result, { secretValue });
  return { configFile, existing, merged, store, ledgerFile };
}

/** The unified diff of llmctl.yaml a dry run shows (keys masked), or undefined when it does not change. */
export async function importDiff(plan: ImportPlan): Promise<string | undefined> {
  if (!plan.merged.changed) return undefined;
  const { colorDiff, fileDiff } = await import('../ui/diff.js');
  const secrets = [...plan.store.values(), ...Object.values(plan.merged.secrets)];
  return colorDiff(
    await fileDiff(plan.configFile, plan.existing, plan.merged.text, secrets, t('importers.cmd.diffLabel')),
  );
}

/** Stores the keys and writes llmctl.yaml and the ledger, under the lock; refuses if llmctl.yaml changed meanwhile. */
export async function applyImport(paths: Paths, plan: ImportPlan, tool: ImportResult['tool']): Promise<void> {
  const { merged, rebuilt } = plan;
  if (!merged.changed && !Object.keys(merged.secrets).length && !rebuilt?.ledgerChanged) return;
  const { withLock } = await import('../fs/lock.js');
  const { writeConfig } = await import('../config/write.js');
  const { readTextIfExists } = await import('../fs/atomic.js');
  const { storeImportSecrets } = await import('./merge.js');
  const { writeLedger } = await import('./ledger.js');
  await withLock(paths.lock, async () => {
    // Re-read under the lock: another llmctl may have written since we merged.
    if ((await readTextIfExists(plan.configFile)) !== plan.existing)
      throw new LlmctlError(t('importers.cmd.changed', { file: plan.configFile }), {
        hint: t('importers.cmd.changedHint'),
      });
    await storeImportSecrets(plan.store, merged.secrets);
    // i18n-ignore: a backup's reason is data (the manifest; `restore` matches on it)
    if (merged.changed) await writeConfig(paths, plan.configFile, merged.text, `import ${tool}`);
    if (rebuilt?.ledgerChanged) await writeLedger(plan.ledgerFile, rebuilt.ledger);
  });
}
