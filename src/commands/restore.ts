import type { Context } from '../context.js';
import { LlmctlError } from '../errors.js';
import { createBackup, listBackups, readBackup, restoreBackup } from '../fs/backup.js';
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
    else if (!all.length) log.info('No backups yet: they are made by each sync that changes a file.');
    else for (const b of all) log.out(`${b.id}  ${b.createdAt}  ${b.reason}  ${b.files.map((f) => f.path).join(', ')}`);
    return 0;
  }
  const all = await listBackups(backups);
  const chosen = id ? await readBackup(backups, id) : all.filter((b) => b.reason !== 'restore').at(-1);
  if (!chosen) throw new LlmctlError('there is nothing to restore', { hint: 'backups are made by each sync that changes a file' });
  await withLock(ctx.paths.lock, async () => {
    // The restore itself is backed up, so it can be undone with `llmctl restore <that id>`.
    const undo = await createBackup(backups, chosen.files.map((f) => f.path), 'restore');
    await restoreBackup(backups, chosen);
    if (opts.json) log.json({ restored: chosen.id, undo: undo.id, files: chosen.files.map((f) => f.path) });
    else {
      for (const f of chosen.files) log.success(`${f.existed ? 'restored' : 'removed'} ${color.path(f.path)}`);
      log.info(color.dim(`Restored backup ${chosen.id}. The state before this restore is backup ${undo.id}.`));
    }
  });
  return 0;
}
