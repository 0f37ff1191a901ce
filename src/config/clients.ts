import { yaml } from '../deps.js';
import { t } from '../i18n/index.js';
import { LlmctlError, UsageError } from '../errors.js';
import type { Paths } from '../platform/paths.js';
import { parseKeyRef } from '../secrets/refs.js';
import { SecretStore, generateMasterKey } from '../secrets/store.js';
import { NAME_PATTERN } from './constants.js';
import { loadConfig, type LoadedConfig } from './load.js';
import type { ProxyClientConfig } from './schema.js';
import { setConfigValues, writeConfigLocked } from './write.js';

/**
 * Client keys (`proxy.clients`) as the `keys client` commands change them: a new key in the secrets
 * store under `client-NAME`, the entry in llmctl.yaml (an edit of the document, backed up). The key
 * is returned once for the command to print; it is never written anywhere else.
 */

export interface ClientLimits {
  models?: string[];
  rpm?: number;
  tpm?: number;
  maxBudget?: number;
}

export const clientSecretName = (name: string): string => `client-${name}`;

export async function addClient(
  paths: Paths,
  name: string,
  limits: ClientLimits,
  options: { force?: boolean } = {},
): Promise<{ key: string; ref: string; file: string; replaced: boolean }> {
  if (!NAME_PATTERN.test(name)) throw new UsageError(t('clients.rule.name', { name }), t('clients.rule.nameHint'));
  const loaded = await loadConfig(paths.config, { cacheDir: paths.cache });
  const existing = loaded.config.proxy.clients?.[name];
  if (existing && !options.force)
    throw new LlmctlError(t('clients.add.exists', { name }), { hint: t('clients.add.existsHint', { name }) });
  assertModels(loaded, limits.models ?? []);
  const ref = `secret:${clientSecretName(name)}`;
  const key = generateMasterKey();
  const entry: ProxyClientConfig = {
    key: ref,
    ...(limits.models?.length ? { models: limits.models } : {}),
    ...(limits.rpm ? { rpm: limits.rpm } : {}),
    ...(limits.tpm ? { tpm: limits.tpm } : {}),
    ...(limits.maxBudget ? { maxBudget: limits.maxBudget } : {}),
  };
  // The key first: an llmctl.yaml naming a key that is not stored would stop every sync.
  await SecretStore.update(paths.secrets, (store) => store.set(clientSecretName(name), key));
  await writeConfigLocked(
    paths,
    loaded.file,
    (current) => setConfigValues(current ?? loaded.text, [[['proxy', 'clients', name], entry]]),
    `keys client add ${name}`, // i18n-ignore: the backup's reason, data shown as recorded
  );
  return { key, ref, file: loaded.file, replaced: Boolean(existing) };
}

function assertModels(loaded: LoadedConfig, models: string[]): void {
  const known = new Set(loaded.config.models.map((m) => m.name));
  const unknown = models.filter((m) => !known.has(m));
  if (unknown.length)
    throw new UsageError(
      t('clients.add.unknownModels', { models: unknown.join(', '), file: loaded.file }),
      known.size
        ? t('clients.rule.unknownModelHint', { names: [...known].join(', ') })
        : t('clients.rule.unknownModelHintNone'),
    );
}

/** Removes the entry and, when it was the client's own stored key, that key. */
export async function removeClient(paths: Paths, name: string): Promise<{ file: string; removedKey?: string }> {
  const loaded = await loadConfig(paths.config, { cacheDir: paths.cache });
  const existing = loaded.config.proxy.clients?.[name];
  if (!existing)
    throw new LlmctlError(t('clients.rm.none', { name, file: loaded.file }), { hint: t('clients.rm.noneHint') });
  await writeConfigLocked(
    paths,
    loaded.file,
    (current) => {
      const doc = yaml().parseDocument(current ?? loaded.text);
      doc.deleteIn(['proxy', 'clients', name]);
      // Maps left empty by this removal go too (an llmctl.yaml that had no proxy: gets none back).
      for (const path of [['proxy', 'clients'], ['proxy']]) {
        const left = doc.getIn(path) as { items?: unknown[] } | undefined;
        if (left && Array.isArray(left.items) && left.items.length === 0) doc.deleteIn(path);
      }
      return doc.toString({ lineWidth: 0 });
    },
    `keys client rm ${name}`, // i18n-ignore: the backup's reason, data shown as recorded
  );
  const ref = parseKeyRef(existing.key);
  if (ref.kind !== 'secret' || ref.name !== clientSecretName(name)) return { file: loaded.file };
  await SecretStore.update(paths.secrets, (store) => store.delete(ref.name));
  return { file: loaded.file, removedKey: ref.name };
}
