import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { removeClient } from '../config/clients.js';
import { log } from '../ui/log.js';

export async function run(ctx: Context, name: string): Promise<number> {
  const r = await removeClient(ctx.paths, name);
  log.success(t('clients.rm.done', { name, file: r.file, key: r.removedKey ?? '' }));
  log.info(t('clients.add.next'));
  return 0;
}
