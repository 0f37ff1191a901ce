import type { Context } from '../context.js';
import { LlmctlError, UsageError, formatProblem, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';
import { IMPORT_TOOLS, type ImportPlan, type ImportTool } from '../importers/adopt.js';
import { maskSecret } from '../secrets/store.js';
import { color, log } from '../ui/log.js';

interface Options {
  dryRun?: boolean;
}

/** `llmctl import TOOL [FILE]`: read the file, plan the merge into llmctl.yaml, show or write it, say what it did. */
export async function run(ctx: Context, toolArg: string, fileArg: string | undefined, opts: Options): Promise<number> {
  if (!(IMPORT_TOOLS as readonly string[]).includes(toolArg)) {
    throw new UsageError(
      t('commands.import.badTool', { tool: toolArg }),
      t('commands.import.badToolHint', { tools: IMPORT_TOOLS.join(', ') }),
    );
  }
  const tool = toolArg as ImportTool;
  const file = fileArg ? ctx.platform.path.resolve(fileArg) : await defaultFile(ctx, tool);
  const text = await readSource(file, tool);
  const { planImport, applyImport, importWrites } = await import('../importers/adopt.js');
  const plan = await planImport(ctx.paths, tool, file, text);
  // Providers without a key are counted below and named by the next sync, not warned about one by one.
  const noKey = await noKeyMessages(plan);
  for (const w of [...plan.result.warnings, ...plan.merged.deferred])
    if (!noKey.has(w.message) && !isNoKeyWarning(w)) log.warn(formatProblem(w));
  if (opts.dryRun) await showDiff(plan);
  else if (importWrites(plan) && !(await applyImport(ctx.paths, plan)))
    throw new LlmctlError(t('commands.import.changedMeanwhile', { file: plan.configFile }), {
      hint: t('commands.import.changedMeanwhileHint'),
    });
  printSummary(ctx, plan, Boolean(opts.dryRun));
  printNext(plan, Boolean(opts.dryRun));
  return 0;
}

/** The importers' "no key yet for provider …" warning for each imported provider, in the active language. */
async function noKeyMessages(plan: ImportPlan): Promise<Set<string>> {
  const { placeholderWarning } = await import('../importers/litellm.js');
  return new Set(Object.keys(plan.result.providers).map((n) => placeholderWarning(n, 'secret:x').message));
}

/**
 * The importers' "no key yet for provider …" warning. Matched on its English start (as before the
 * catalog) and on the grouped form a translated importer marks it with.
 */
function isNoKeyWarning(w: { message: string; group?: { kind: string } }): boolean {
  // i18n-ignore: matches the importer's English text, not a message printed here
  return w.group?.kind === 'no-key' || w.message.startsWith('no key yet');
}

async function defaultFile(ctx: Context, tool: ImportTool): Promise<string> {
  if (tool === 'continue') return ctx.paths.continueConfig;
  if (tool === 'claude') return ctx.paths.claudeSettings;
  const candidates = ['config.yaml', 'litellm.config.yaml'].map((f) => ctx.platform.path.resolve(f));
  for (const f of candidates) if (await ctx.platform.exists(f)) return f;
  throw new UsageError(t('commands.import.noLitellmConfig'), t('commands.import.noLitellmConfigHint'));
}

/** The tool's file, strictly UTF-8: a stray byte would otherwise reach llmctl.yaml as U+FFFD. */
async function readSource(file: string, tool: ImportTool): Promise<string> {
  const { readToolFile } = await import('../targets/read-tool-file.js');
  let text: string | null;
  try {
    text = await readToolFile(file);
  } catch (e) {
    if (e instanceof LlmctlError) throw e;
    throw cannotRead(file, tool, isNodeError(e) ? e.code : String(e));
  }
  if (text === null) throw cannotRead(file, tool, 'ENOENT');
  return text;
}

/** --dry-run: the llmctl.yaml diff, every key masked. */
async function showDiff(plan: ImportPlan): Promise<void> {
  if (!plan.merged.changed) return;
  const { colorDiff, fileDiff } = await import('../ui/diff.js');
  const known = [...plan.store.values(), ...Object.values(plan.merged.secrets)];
  // i18n-ignore: a diff header label, like the other diff headers
  const label = 'after import';
  log.out(colorDiff(await fileDiff(plan.configFile, plan.existing, plan.merged.text, known, label)));
}

/** What was (or would be) added: the headline, then one line per kind of thing. */
function printSummary(ctx: Context, plan: ImportPlan, dryRun: boolean): void {
  const m = plan.merged;
  const headline = t('commands.import.summary', {
    dryRun,
    tool: plan.tool,
    file: color.path(plan.file),
    providers: m.addedProviders.length,
    models: m.addedModels.length,
    config: m.changed ? color.path(plan.configFile) : undefined,
  });
  log.success(headline);
  const line = (text: string) => log.info(`  ${text}`);
  if (m.addedProviders.length) line(t('commands.import.providers', { list: m.addedProviders.join(', ') }));
  for (const [from, to] of Object.entries(m.reusedProviders)) line(t('commands.import.reused', { from, to }));
  if (m.addedModels.length) line(t('commands.import.models', { list: m.addedModels.join(', ') }));
  if (m.addedSettings.length) line(t('commands.import.settings', { list: m.addedSettings.join(', ') }));
  if (m.skippedModels.length)
    line(
      t('commands.import.skipped', { n: m.skippedModels.length, list: m.skippedModels.map((s) => s.name).join(', ') }),
    );
  for (const [name, value] of Object.entries(m.secrets))
    line(t('commands.import.keyStored', { name, masked: maskSecret(value), dryRun, file: ctx.paths.secrets }));
  // Named once, by the sync that follows (and every sync until they are set); here only counted.
  if (m.noKey.length) line(t('commands.import.noKeyCount', { n: m.noKey.length }));
  for (const { provider, env } of m.noKey) log.debug(`  ${t('commands.import.noKeyFor', { provider, env })}`);
}

const SYNC = 'llmctl sync'; // i18n-ignore: a command, never translated
const IMPORT_LITELLM = 'llmctl import litellm FILE'; // i18n-ignore: a command, never translated

/** The closing line: nothing new, a dry run, or the command to run next. */
function printNext(plan: ImportPlan, dryRun: boolean): void {
  const m = plan.merged;
  if (!m.changed && !Object.keys(m.secrets).length) log.info(t('commands.import.nothingNew'));
  else if (dryRun) log.info(t('commands.import.dryRunDone'));
  else if (m.deferred.length)
    log.info(
      t('commands.import.nextDeferred', {
        importCommand: color.bold(IMPORT_LITELLM),
        syncCommand: color.bold(SYNC),
      }),
    );
  else log.info(t('commands.import.next', { syncCommand: color.bold(SYNC) }));
}

function cannotRead(file: string, tool: ImportTool, code: string | undefined): LlmctlError {
  const reason =
    code === 'ENOENT'
      ? t('commands.import.noSuchFile')
      : code === 'EACCES'
        ? t('commands.import.permissionDenied')
        : code === 'EISDIR'
          ? t('commands.import.isFolder')
          : String(code);
  return new LlmctlError(t('commands.import.cannotRead', { file, reason }), {
    hint: code === 'EACCES' ? t('commands.import.permissionHint') : t('commands.import.passPathHint', { tool }),
  });
}
