import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { UsageError } from '../errors.js';
import { addClient } from '../config/clients.js';
import { log } from '../ui/log.js';

interface Options {
  models?: string;
  rpm?: string;
  tpm?: string;
  maxBudget?: string;
  force?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, name: string, opts: Options): Promise<number> {
  const models = opts.models
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const limits = {
    ...(models?.length ? { models } : {}),
    ...positive('--rpm', opts.rpm, 'rpm', true),
    ...positive('--tpm', opts.tpm, 'tpm', true),
    ...positive('--max-budget', opts.maxBudget, 'maxBudget', false),
  };
  const r = await addClient(ctx.paths, name, limits, { force: Boolean(opts.force) });
  if (opts.json || ctx.globals.json) {
    // The key is the result of this command: printed once, here, and nowhere else.
    log.json({ client: name, key: r.key, ref: r.ref, file: r.file, replaced: r.replaced, ...limits });
    return 0;
  }
  log.success(t('clients.add.done', { name, file: r.file, ref: r.ref, replaced: r.replaced }));
  log.info(t('clients.add.keyOnce'));
  log.out(r.key);
  log.info(t('clients.add.next'));
  return 0;
}

function positive(flag: string, value: string | undefined, field: string, integer: boolean): Record<string, number> {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(
      t('clients.add.badNumber', { flag, value, integer }),
      t('clients.add.badNumberHint', { flag }),
    );
  return { [field]: n };
}
