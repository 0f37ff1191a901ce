import type { Context } from '../context.js';
import { LlmctlError, UsageError } from '../errors.js';
import { NAME_PATTERN } from '../config/constants.js';
import { SecretStore, maskSecret } from '../secrets/store.js';
import { envVarOf } from '../secrets/refs.js';
import { log } from '../ui/log.js';
import { askSecret, isInteractive } from '../ui/prompt.js';

interface Options {
  fromEnv?: string;
  stdin?: boolean;
}

export async function run(ctx: Context, name: string, opts: Options): Promise<number> {
  if (!NAME_PATTERN.test(name))
    throw new UsageError(`"${name}" is not a usable key name`, 'use letters, digits, "-", "_" or "." (e.g. zhipu)');
  if (opts.fromEnv && opts.stdin) throw new UsageError('--from-env and --stdin cannot be used together', 'pick one');
  const value = (await readValue(ctx, opts)).trim();
  if (!value)
    throw new LlmctlError(`the key for "${name}" is empty`, { hint: 'nothing was stored; pass a non-empty value' });
  if (/\s/.test(value))
    throw new LlmctlError(`the key for "${name}" contains whitespace`, { hint: 'paste the key alone, on one line' });
  const replaced = await SecretStore.update(ctx.paths.secrets, (store) => {
    const had = store.has(name);
    store.set(name, value);
    return had;
  });
  log.success(`${replaced ? 'Replaced' : 'Stored'} key "${name}" (${maskSecret(value)}) in ${ctx.paths.secrets}.`);
  await wireProvider(ctx, name);
  return 0;
}

/**
 * The key of a provider of that name: point llmctl.yaml at it when its reference leads nowhere (no
 * apiKey, or an env: variable this shell does not set, as after importing a placeholder key);
 * otherwise say how to use it. The edit keeps the file's comments and is backed up.
 */
async function wireProvider(ctx: Context, name: string): Promise<void> {
  const ref = `secret:${name}`;
  let loaded;
  try {
    const { loadConfig } = await import('../config/load.js');
    loaded = await loadConfig(ctx.paths.config, { cacheDir: ctx.paths.cache });
  } catch {
    // No llmctl.yaml yet, or one with problems: storing the key was the job; sync will say the rest.
    log.info(`Use it as ${ref} in llmctl.yaml.`);
    return;
  }
  const provider = loaded.config.providers[name];
  if (!provider || provider.apiKey === ref) {
    if (!provider) log.info(`Use it as ${ref} in llmctl.yaml.`);
    return;
  }
  const current = provider.apiKey;
  const envVar = envVarOf(current);
  if (current && !(envVar && !ctx.platform.env[envVar])) {
    log.info(
      `providers.${name}.apiKey is ${current}${envVar ? ` (set in this shell)` : ''}: to use the stored key instead, set it to ${ref}.`,
    );
    return;
  }
  const { setConfigValues, writeConfigLocked } = await import('../config/write.js');
  // The edit applies to llmctl.yaml as read under the lock: a parallel `keys set` keeps its edit too.
  await writeConfigLocked(
    ctx.paths,
    loaded.file,
    (current) => setConfigValues(current ?? loaded.text, [[['providers', name, 'apiKey'], ref]]),
    `keys set ${name}`,
  );
  log.success(
    `providers.${name}.apiKey in ${loaded.file}: ${current ? `${current} (not set in this shell)` : 'none'} → ${ref}. Run \`llmctl sync\` to pass it on.`,
  );
}

async function readValue(ctx: Context, opts: Options): Promise<string> {
  if (opts.fromEnv) {
    const v = ctx.platform.env[opts.fromEnv];
    if (v === undefined || v === '')
      throw new LlmctlError(`environment variable ${opts.fromEnv} is not set`, {
        hint: `export ${opts.fromEnv}=… first, or use --stdin`,
      });
    return v;
  }
  if (opts.stdin || !process.stdin.isTTY) {
    if (!opts.stdin)
      throw new UsageError(
        'no terminal to type the key in',
        'pass --stdin (e.g. `printenv KEY | llmctl keys set NAME --stdin`) or --from-env VAR',
      );
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!isInteractive()) throw new UsageError('no terminal to type the key in', 'pass --stdin or --from-env VAR');
  return askSecret('Key (input hidden):');
}
