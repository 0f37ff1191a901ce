import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { LlmctlError } from '../errors.js';
import { checkManifest, createBackup, listBackups, readBackup, restoreBackup } from '../fs/backup.js';
import { readTextIfExists } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
import { color, log } from '../ui/log.js';

interface Options {
  list?: boolean;
  json?: boolean;
}

export async function run(ctx: Context, id: string | undefined, opts: Options): Promise<number> {
  const { backups } = ctx.paths;
  if (opts.list) {
    const all = await listBackups(backups);
    if (opts.json) log.json(all);
    else if (!all.length) log.info(t('commands.restore.noBackups'));
    else for (const b of all) log.out(`${b.id}  ${b.createdAt}  ${b.reason}  ${b.files.map((f) => f.path).join(', ')}`);
    return 0;
  }
  // An id given (even "") must name a backup that exists; only no id at all means "the last one".
  const chosen =
    id !== undefined
      ? await readBackup(backups, id)
      : (await listBackups(backups)).filter((b) => b.reason !== 'restore').at(-1);
  if (!chosen) throw new LlmctlError(t('commands.restore.nothing'), { hint: t('commands.restore.nothingHint') });
  checkManifest(backups, chosen.id, chosen, await managedFiles(ctx));
  await withLock(ctx.paths.lock, async () => {
    // The restore itself is backed up, so it can be undone with `llmctl restore <that id>`.
    const undo = await createBackup(
      backups,
      chosen.files.map((f) => f.path),
      'restore',
    );
    await restoreBackup(backups, chosen);
    if (opts.json) log.json({ restored: chosen.id, undo: undo.id, files: chosen.files.map((f) => f.path) });
    else {
      for (const f of chosen.files)
        log.success(
          t(f.existed ? 'commands.restore.restoredFile' : 'commands.restore.removedFile', { path: color.path(f.path) }),
        );
      log.info(color.dim(t('commands.restore.done', { id: chosen.id, undo: undo.id })));
    }
  });
  return 0;
}

/**
 * Every file a backup may hold: what llmctl writes (the LiteLLM config, where proxy.configFile puts
 * it, and its llmctl_auth.py; Continue's config and .env; Claude Code's settings.json and
 * .claude.json; llmctl.yaml, state.json, the secrets). A restore writes or deletes nothing else.
 */
async function managedFiles(ctx: Context): Promise<string[]> {
  const p = ctx.paths;
  const { AUTH_MODULE, litellmConfigPath } = await import('../targets/litellm.js');
  const litellm = new Set([p.litellmConfig]);
  try {
    const { yaml } = await import('../deps.js');
    const configFile = yaml().parse((await readTextIfExists(p.config)) ?? '')?.proxy?.configFile;
    if (typeof configFile === 'string' && configFile) {
      litellm.add(litellmConfigPath({ config: { proxy: { configFile } } as never, paths: p, platform: ctx.platform }));
    }
  } catch {
    // A broken llmctl.yaml: only the default LiteLLM config place is known.
  }
  const auth = [...litellm].map((f) => ctx.platform.path.join(ctx.platform.path.dirname(f), `${AUTH_MODULE}.py`));
  const defaultConfig = ctx.platform.path.join(p.home, 'llmctl.yaml');
  const { TARGET_NAMES } = await import('../targets/types.js');
  const { loadTarget } = await import('../targets/index.js');
  const toolFiles = (await Promise.all(TARGET_NAMES.map(loadTarget))).flatMap((t) => t.files?.(ctx.platform) ?? []);
  return [
    ...toolFiles,
    ...litellm,
    ...auth,
    p.continueConfig,
    p.continueEnv,
    p.claudeSettings,
    p.claudeJson,
    p.config,
    defaultConfig,
    p.state,
    p.secrets,
  ];
}
