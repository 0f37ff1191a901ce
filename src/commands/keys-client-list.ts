import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { loadConfig } from '../config/load.js';
import { padDisplay, displayWidth } from '../i18n/width.js';
import { resolveKeyRef } from '../secrets/refs.js';
import { SecretStore } from '../secrets/store.js';
import { color, log } from '../ui/log.js';

interface Options {
  json?: boolean;
}

export async function run(ctx: Context, opts: Options): Promise<number> {
  const loaded = await loadConfig(ctx.paths.config, { cacheDir: ctx.paths.cache });
  const store = await SecretStore.open(ctx.paths.secrets);
  const rows = Object.entries(loaded.config.proxy.clients ?? {}).map(([name, c]) => ({
    name,
    key: c.key,
    keySet: resolveKeyRef(c.key, store, ctx.platform.env) !== undefined,
    models: c.models ?? null,
    rpm: c.rpm ?? null,
    tpm: c.tpm ?? null,
    maxBudget: c.maxBudget ?? null,
  }));
  if (opts.json || ctx.globals.json) {
    log.json({ file: loaded.file, clients: rows });
    return 0;
  }
  if (!rows.length) {
    log.info(t('clients.list.none'));
    return 0;
  }
  const w = Math.max(...rows.map((r) => displayWidth(r.name)));
  for (const r of rows) {
    const limits = [r.rpm ? `rpm ${r.rpm}` : '', r.tpm ? `tpm ${r.tpm}` : '', r.maxBudget ? `$${r.maxBudget}` : '']
      .filter(Boolean)
      .join(', ');
    const models = r.models ? r.models.join(', ') : t('clients.list.allModels');
    const key = r.keySet ? r.key : color.warn(t('clients.list.keyMissing', { ref: r.key }));
    log.out(`${padDisplay(r.name, w)}  ${key}  ${models}${limits ? `  (${limits})` : ''}`);
  }
  return 0;
}
