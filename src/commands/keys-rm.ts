import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { LlmctlError, UsageError } from '../errors.js';
import { SecretStore } from '../secrets/store.js';
import { log } from '../ui/log.js';
import { isInteractive, terminalPrompter } from '../ui/prompt.js';
import { knownUsage } from './keys-list.js';

interface Options {
  force?: boolean;
}

export async function run(ctx: Context, name: string, opts: Options = {}): Promise<number> {
  if ((await SecretStore.open(ctx.paths.secrets)).get(name) === undefined) throw noKey(name);
  const usage = await knownUsage(ctx);
  // llmctl.yaml does not parse: whether the key is used is unknown, so it counts as used.
  if (usage === null && !opts.force && !(await confirmUnknown(ctx, name))) {
    log.info(t('commands.keysRm.kept', { name }));
    return 0;
  }
  const usedBy = usage?.get(name) ?? [];
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
  else if (usage === null) log.success(t('commands.keysRm.removedUnknown', { name, file: ctx.paths.config }));
  else log.success(t('commands.keysRm.removed', { name }));
  return 0;
}

const noKey = (name: string): LlmctlError =>
  new LlmctlError(t('commands.keysRm.noKey', { name }), { hint: t('commands.keysRm.noKeyHint') });

const places = (usedBy: string[]): string => usedBy.join(', ');

/** As confirmRemoval, for a key llmctl.yaml may use: it does not parse, so nobody can tell. */
async function confirmUnknown(ctx: Context, name: string): Promise<boolean> {
  const where = { name, file: ctx.paths.config };
  if (!isInteractive())
    throw new UsageError(t('commands.keysRm.unknownUse', where), t('commands.keysRm.unknownUseHint'));
  log.warn(t('commands.keysRm.unknownUse', where));
  return terminalPrompter().confirm({ message: t('commands.keysRm.confirm', { name }), default: false });
}

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
