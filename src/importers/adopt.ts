import type { Paths } from '../platform/paths.js';
import type { SecretStore } from '../secrets/store.js';
import type { Ledger } from './ledger.js';
import type { MergeOutcome } from './merge.js';
import type { ImportResult } from './types.js';

/**
 * `llmctl import` as steps a command calls: run the tool's importer, merge its result into llmctl.yaml
 * (or rebuild llmctl.yaml from every import while it holds only what imports wrote, so the order of
 * imports does not matter), then write the keys, llmctl.yaml and the import ledger under the lock.
 * Messages are the command's (src/commands/import.ts).
 */
export const IMPORT_TOOLS = ['litellm', 'continue', 'claude'] as const;
export type ImportTool = (typeof IMPORT_TOOLS)[number];

type Importer = (text: string, file: string) => Promise<ImportResult>;

/** Importers are loaded only for the tool asked for. */
async function loadImporter(tool: ImportTool): Promise<Importer> {
  if (tool === 'litellm') return (await import('./litellm.js')).importLitellm;
  if (tool === 'continue') return (await import('./continue.js')).importContinue;
  return (await import('./claude.js')).importClaude;
}

export interface ImportPlan {
  tool: ImportTool;
  /** The tool's file being imported. */
  file: string;
  /** llmctl.yaml, as read before the merge (null: none yet). */
  configFile: string;
  existing: string | null;
  result: ImportResult;
  merged: MergeOutcome;
  store: SecretStore;
  ledger: { file: string; next?: Ledger; changed: boolean };
}

/** Imports `text` (the content of `file`) and merges it into llmctl.yaml in memory: writes nothing. */
export async function planImport(paths: Paths, tool: ImportTool, file: string, text: string): Promise<ImportPlan> {
  const result = await (await loadImporter(tool))(text, file);
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
  const rebuilt = ledger.importOnly(existing, record)
    ? await ledger.rebuildFromImports(existing, configFile, record, result, store.values(), { secretValue })
    : undefined;
  const merged = rebuilt?.outcome ?? (await mergeImport(existing, configFile, result, { secretValue }));
  return {
    tool,
    file,
    configFile,
    existing,
    result,
    merged,
    store,
    ledger: {
      file: ledgerFile,
      ...(rebuilt ? { next: rebuilt.ledger } : {}),
      changed: Boolean(rebuilt?.ledgerChanged),
    },
  };
}

/** Whether applying the plan writes anything (llmctl.yaml, a key or the ledger). */
export function importWrites(plan: ImportPlan): boolean {
  return plan.merged.changed || Object.keys(plan.merged.secrets).length > 0 || plan.ledger.changed;
}

/**
 * Writes the plan under the lock: the keys, llmctl.yaml (backed up) and the ledger. Returns false,
 * writing nothing, when llmctl.yaml changed since the plan read it (another llmctl wrote meanwhile).
 */
export async function applyImport(paths: Paths, plan: ImportPlan): Promise<boolean> {
  const { withLock } = await import('../fs/lock.js');
  const { writeConfig } = await import('../config/write.js');
  const { readTextIfExists } = await import('../fs/atomic.js');
  const { storeImportSecrets } = await import('./merge.js');
  const { writeLedger } = await import('./ledger.js');
  return withLock(paths.lock, async () => {
    // Re-read under the lock: another llmctl may have written since we merged.
    if ((await readTextIfExists(plan.configFile)) !== plan.existing) return false;
    await storeImportSecrets(plan.store, plan.merged.secrets);
    // i18n-ignore: the backup's reason, data shown as recorded
    if (plan.merged.changed) await writeConfig(paths, plan.configFile, plan.merged.text, `import ${plan.tool}`);
    if (plan.ledger.changed && plan.ledger.next) await writeLedger(plan.ledger.file, plan.ledger.next);
    return true;
  });
}
