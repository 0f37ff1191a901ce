import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { LlmctlError, UsageError } from '../errors.js';
import { SecretStore } from '../secrets/store.js';
import { log } from '../ui/log.js';
import { isInteractive, terminalPrompter } from '../ui/prompt.js';
import { usage } from './keys-list.js';

interface Options {
  force?: boolean;
}

export async function run(ctx: Context, name: string, opts: Options = {}): Promise<number> {
  if ((await SecretStore.open(ctx.paths.secrets)).get(name) === undefined) throw noKey(name);
  const usedBy = (await usage(ctx)).get(name) ?? [];
  if (usedBy.length && !opts.force && !(await confirmRemoval(ctx, name, usedBy))) {
    log.info(t('commands.keysRm.kept', { name }));
    return 0;
  }
  await SecretStore.update(ctx.paths.secrets, (store) => {
    if (!store.delete(name)) throw noKey(name);
  });
  if (usedBy.length)
    log.warn(
      t('commands.keysRm.removedInUse', {
        name,
        places: places(usedBy),
        file: ctx.paths.config,
        count: usedBy.length,
      }),
    );
  else log.success(t('commands.keysRm.removed', { name }));
  return 0;
}

const noKey = (name: string): LlmctlError =>
  new LlmctlError(t('commands.keysRm.noKey', { name }), { hint: t('commands.keysRm.noKeyHint') });

const places = (usedBy: string[]): string => usedBy.join(', ');

/**
 * A key llmctl.yaml uses: removing it breaks the next sync, so ask in a terminal; without one,
 * refuse and name the flag (a script must say it means it).
 */
async function confirmRemoval(ctx: Context, name: string, usedBy: string[]): Promise<boolean> {
  const where = { name, places: places(usedBy), file: ctx.paths.config };
  if (!isInteractive())
    throw new UsageError(t('commands.keysRm.inUse', where), t('commands.keysRm.inUseHint', { count: usedBy.length }));
  log.warn(t('commands.keysRm.usedBy', where));
  return terminalPrompter().confirm({ message: t('commands.keysRm.confirm', { name }), default: false });
}
