import type { Context } from '../context.js';
import { t } from '../i18n/index.js';
import { ExitCode, UsageError, formatProblem } from '../errors.js';
import { setConfigValues } from '../config/write.js';
import { applySync, changedFiles, planSync, renderDiffs } from '../sync/engine.js';
import { colorDiff } from '../ui/diff.js';
import { color, log } from '../ui/log.js';

interface Options {
  dryRun?: boolean;
  force?: boolean;
}

/** Product names, never translated. */
const TOOLS = {
  continue: 'Continue',
  claude: 'Claude Code', // i18n-ignore: product name
  codex: 'Codex CLI', // i18n-ignore: product name
  opencode: 'opencode',
  qwen: 'Qwen Code', // i18n-ignore: product name
  gemini: 'Gemini CLI', // i18n-ignore: product name
} as const;
type Tool = keyof typeof TOOLS;

/**
 * Takes llmctl out of one tool's config: removes what llmctl wrote there (entries edited by hand since
 * stay, as the user's, unless --force) and sets tools.<tool>.enabled: false in llmctl.yaml so the next
 * sync leaves the tool alone. One backup holds every file, so `llmctl restore` puts it all back.
 */
export async function run(ctx: Context, tool: string, opts: Options = {}): Promise<number> {
  if (!(tool in TOOLS))
    throw new UsageError(
      t('commands.unlink.badTool', { tool }),
      t('commands.unlink.badToolHint', { tools: Object.keys(TOOLS).join(', ') }),
    );
  const name = tool as Tool;
  // No target is planned: only the context (llmctl.yaml, state, keys for masking diffs) is wanted.
  const session = await planSync(ctx.platform, ctx.paths, { only: [], force: Boolean(opts.force) });
  session.generatedMasterKey = false;
  delete session.replan; // its plans are unlink's, not a sync's: a file changed meanwhile stops it
  const tc = session.ctx;
  const plan =
    name === 'continue'
      ? await (await import('../targets/continue.js')).planContinueUnlink(tc)
      : name === 'claude'
        ? await (await import('../targets/claude.js')).planClaudeUnlink(tc)
        : await (
            await (await import('../targets/index.js')).loadTarget(name)
          ).unlink!(tc);
  const configAfter = setConfigValues(tc.loaded.text, [[['tools', name, 'enabled'], false]]);
  plan.files.push({ path: tc.loaded.file, label: 'llmctl.yaml', before: tc.loaded.text, after: configAfter });
  session.plans = [plan];
  for (const w of plan.warnings) log.warn(formatProblem(w));

  const changed = changedFiles(session.plans);
  if (opts.dryRun) {
    const diff = await renderDiffs(session);
    if (diff) log.out(colorDiff(diff));
    log.info(
      changed.length
        ? t('commands.unlink.wouldChange', { n: changed.length })
        : t('commands.unlink.nothingDry', { tool: TOOLS[name] }),
    );
    return ExitCode.ok;
  }
  const result = await applySync(session, `unlink ${name}`); // i18n-ignore: the backup's reason, data
  for (const f of result.written)
    log.success(
      t(f.after === null ? 'commands.file.removed' : 'commands.file.updated', {
        label: f.label,
        path: color.path(f.path),
      }),
    );
  const words = { tool: TOOLS[name], id: name };
  if (!result.written.length) log.info(t('commands.unlink.nothing', words));
  else
    log.info(
      t('commands.unlink.done', words) + (result.backup ? t('commands.unlink.undo', { backup: result.backup.id }) : ''),
    );
  return ExitCode.ok;
}
