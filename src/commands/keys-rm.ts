import type { Context } from '../context.js';
import { LlmctlError } from '../errors.js';
import { withLock } from '../fs/lock.js';
import { SecretStore } from '../secrets/store.js';
import { log } from '../ui/log.js';

export async function run(ctx: Context, name: string): Promise<number> {
  await withLock(ctx.paths.lock, async () => {
    const store = await SecretStore.open(ctx.paths.secrets);
    if (!store.delete(name)) throw new LlmctlError(`no key named "${name}"`, { hint: 'see the stored names with `llmctl keys list`' });
    await store.save();
  });
  log.success(`Removed key "${name}". Anything in llmctl.yaml that uses secret:${name} now needs a new one.`);
  return 0;
}
