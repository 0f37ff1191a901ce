import type { Context } from '../context.js';
import { LlmctlError } from '../errors.js';
import { SecretStore } from '../secrets/store.js';
import { log } from '../ui/log.js';

export async function run(ctx: Context, name: string): Promise<number> {
  await SecretStore.update(ctx.paths.secrets, (store) => {
    if (!store.delete(name))
      throw new LlmctlError(`no key named "${name}"`, { hint: 'see the stored names with `llmctl keys list`' });
  });
  log.success(`Removed key "${name}". Anything in llmctl.yaml that uses secret:${name} now needs a new one.`);
  return 0;
}
