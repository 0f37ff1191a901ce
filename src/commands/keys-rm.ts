import type { Context } from '../context.js';
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
    log.info(`Kept key "${name}".`);
    return 0;
  }
  await SecretStore.update(ctx.paths.secrets, (store) => {
    if (!store.delete(name)) throw noKey(name);
  });
  if (usedBy.length)
    log.warn(
      `Removed key "${name}"; ${places(usedBy)} in ${ctx.paths.config} still use${usedBy.length === 1 ? 's' : ''} secret:${name}: ` +
        `store a new one with \`llmctl keys set ${name}\` before the next sync.`,
    );
  else log.success(`Removed key "${name}" (nothing in llmctl.yaml used it).`);
  return 0;
}

const noKey = (name: string): LlmctlError =>
  new LlmctlError(`no key named "${name}"`, { hint: 'see the stored names with `llmctl keys list`' });

const places = (usedBy: string[]): string => usedBy.join(', ');

/**
 * A key llmctl.yaml uses: removing it breaks the next sync, so ask in a terminal; without one,
 * refuse and name the flag (a script must say it means it).
 */
async function confirmRemoval(ctx: Context, name: string, usedBy: string[]): Promise<boolean> {
  const where = `${places(usedBy)} in ${ctx.paths.config}`;
  if (!isInteractive())
    throw new UsageError(
      `key "${name}" is in use: ${where}`,
      `removing it makes the next \`llmctl sync\` fail; pass --force to remove it anyway, or first point ${usedBy.length === 1 ? 'that place' : 'those places'} at another key`,
    );
  log.warn(`Key "${name}" is used by ${where}; without it the next \`llmctl sync\` fails.`);
  return terminalPrompter().confirm({ message: `Remove key "${name}" anyway?`, default: false });
}
