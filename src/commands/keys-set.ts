import type { Context } from '../context.js';
import { LlmctlError, UsageError } from '../errors.js';
import { NAME_PATTERN } from '../config/constants.js';
import { SecretStore, maskSecret } from '../secrets/store.js';
import { withLock } from '../fs/lock.js';
import { log } from '../ui/log.js';
import { askSecret, isInteractive } from '../ui/prompt.js';

interface Options {
  fromEnv?: string;
  stdin?: boolean;
}

export async function run(ctx: Context, name: string, opts: Options): Promise<number> {
  if (!NAME_PATTERN.test(name)) throw new UsageError(`"${name}" is not a usable key name`, 'use letters, digits, "-", "_" or "." (e.g. zhipu)');
  if (opts.fromEnv && opts.stdin) throw new UsageError('--from-env and --stdin cannot be used together', 'pick one');
  const value = (await readValue(ctx, opts)).trim();
  if (!value) throw new LlmctlError(`the key for "${name}" is empty`, { hint: 'nothing was stored; pass a non-empty value' });
  if (/\s/.test(value)) throw new LlmctlError(`the key for "${name}" contains whitespace`, { hint: 'paste the key alone, on one line' });
  await withLock(ctx.paths.lock, async () => {
    const store = await SecretStore.open(ctx.paths.secrets);
    const replaced = store.has(name);
    store.set(name, value);
    await store.save();
    log.success(`${replaced ? 'Replaced' : 'Stored'} key "${name}" (${maskSecret(value)}) in ${ctx.paths.secrets}. Use it as secret:${name} in llmctl.yaml.`);
  });
  return 0;
}

async function readValue(ctx: Context, opts: Options): Promise<string> {
  if (opts.fromEnv) {
    const v = ctx.platform.env[opts.fromEnv];
    if (v === undefined || v === '') throw new LlmctlError(`environment variable ${opts.fromEnv} is not set`, { hint: `export ${opts.fromEnv}=… first, or use --stdin` });
    return v;
  }
  if (opts.stdin || !process.stdin.isTTY) {
    if (!opts.stdin) throw new UsageError('no terminal to type the key in', 'pass --stdin (e.g. `printenv KEY | llmctl keys set NAME --stdin`) or --from-env VAR');
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!isInteractive()) throw new UsageError('no terminal to type the key in', 'pass --stdin or --from-env VAR');
  return askSecret('Key (input hidden):');
}
