import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
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
    throw new UsageError(t('commands.keysSet.badName', { name }), t('commands.keysSet.badNameHint'));
  if (opts.fromEnv && opts.stdin)
    throw new UsageError(t('commands.keysSet.twoSources'), t('commands.keysSet.twoSourcesHint'));
  const value = (await readValue(ctx, opts)).trim();
  if (!value) throw new LlmctlError(t('commands.keysSet.empty', { name }), { hint: t('commands.keysSet.emptyHint') });
  if (/\s/.test(value))
    throw new LlmctlError(t('commands.keysSet.whitespace', { name }), { hint: t('commands.keysSet.whitespaceHint') });
  const replaced = await SecretStore.update(ctx.paths.secrets, (store) => {
    const had = store.has(name);
    store.set(name, value);
    return had;
  });
  log.success(t('commands.keysSet.stored', { replaced, name, masked: maskSecret(value), file: ctx.paths.secrets }));
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
    log.info(t('commands.keysSet.useAs', { ref }));
    return;
  }
  const provider = loaded.config.providers[name];
  if (!provider || provider.apiKey === ref) {
    if (!provider) log.info(t('commands.keysSet.useAs', { ref }));
    return;
  }
  const current = provider.apiKey;
  const envVar = envVarOf(current);
  if (current && !(envVar && !ctx.platform.env[envVar])) {
    log.info(t('commands.keysSet.otherRef', { name, current, inShell: Boolean(envVar), ref }));
    return;
  }
  const { setConfigValues, writeConfigLocked } = await import('../config/write.js');
  // The edit applies to llmctl.yaml as read under the lock: a parallel `keys set` keeps its edit too.
  await writeConfigLocked(
    ctx.paths,
    loaded.file,
    (current) => setConfigValues(current ?? loaded.text, [[['providers', name, 'apiKey'], ref]]),
    `keys set ${name}`, // i18n-ignore: the backup's reason, data shown as recorded
  );
  log.success(t('commands.keysSet.wired', { name, file: loaded.file, current: current ?? '', ref }));
}

async function readValue(ctx: Context, opts: Options): Promise<string> {
  if (opts.fromEnv) {
    const v = ctx.platform.env[opts.fromEnv];
    if (v === undefined || v === '')
      throw new LlmctlError(t('commands.keysSet.noEnv', { name: opts.fromEnv }), {
        hint: t('commands.keysSet.noEnvHint', { name: opts.fromEnv }),
      });
    return v;
  }
  if (opts.stdin || !process.stdin.isTTY) {
    if (!opts.stdin) throw new UsageError(t('commands.keysSet.noTerminal'), t('commands.keysSet.noTerminalPipeHint'));
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!isInteractive()) throw new UsageError(t('commands.keysSet.noTerminal'), t('commands.keysSet.noTerminalHint'));
  return askSecret(t('commands.keysSet.prompt'));
}
