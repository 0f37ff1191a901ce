import type { Context } from '../context.js';
import { LlmctlError, UsageError, formatProblem, isNodeError } from '../errors.js';
import type { ImportResult } from '../importers/types.js';
import { color, log } from '../ui/log.js';

interface Options {
  dryRun?: boolean;
}

type Importer = (text: string, file: string) => Promise<ImportResult>;

const TOOLS = ['litellm', 'continue', 'claude', 'codex'] as const;
type Tool = (typeof TOOLS)[number];

/** Importers are loaded only for the tool asked for. */
async function loadImporter(tool: Tool): Promise<Importer> {
  if (tool === 'litellm') return (await import('../importers/litellm.js')).importLitellm;
  if (tool === 'continue') return (await import('../importers/continue.js')).importContinue;
  if (tool === 'codex') return (await import('../importers/codex.js')).importCodex;
  return (await import('../importers/claude.js')).importClaude;
}

async function defaultFile(ctx: Context, tool: Tool): Promise<string> {
  if (tool === 'continue') return ctx.paths.continueConfig;
  if (tool === 'claude') return ctx.paths.claudeSettings;
  if (tool === 'codex') return (await import('../targets/codex.js')).codexFiles(ctx.platform).config;
  const candidates = ['config.yaml', 'litellm.config.yaml'].map((f) => ctx.platform.path.resolve(f));
  for (const f of candidates) if (await ctx.platform.exists(f)) return f;
  throw new UsageError(
    'no LiteLLM config found in this folder (looked for config.yaml and litellm.config.yaml)',
    'pass the file: `llmctl import litellm PATH/TO/config.yaml`',
  );
}

export async function run(ctx: Context, toolArg: string, fileArg: string | undefined, opts: Options): Promise<number> {
  if (!(TOOLS as readonly string[]).includes(toolArg)) {
    throw new UsageError(
      `cannot import from "${toolArg}"`,
      `use one of: ${TOOLS.join(', ')} (e.g. \`llmctl import litellm config.yaml\`)`,
    );
  }
  const tool = toolArg as Tool;
  const file = fileArg ? ctx.platform.path.resolve(fileArg) : await defaultFile(ctx, tool);
  // Strict UTF-8: a stray byte would otherwise reach llmctl.yaml as U+FFFD.
  const { readToolFile } = await import('../targets/read-tool-file.js');
  let text: string | null;
  try {
    text = await readToolFile(file);
  } catch (e) {
    if (e instanceof LlmctlError) throw e;
    throw cannotRead(file, tool, isNodeError(e) ? e.code : String(e));
  }
  if (text === null) throw cannotRead(file, tool, 'ENOENT');

  const importer = await loadImporter(tool);
  const result = await importer(text, file);

  const { SecretStore, maskSecret } = await import('../secrets/store.js');
  const { mergeImport, storeImportSecrets } = await import('./../importers/merge.js');
  const { readTextIfExists } = await import('../fs/atomic.js');
  const configFile = ctx.paths.config;
  const store = await SecretStore.open(ctx.paths.secrets);
  const existing = await readTextIfExists(configFile);
  const ledger = await import('../importers/ledger.js');
  const ledgerFile = ledger.ledgerFile(ctx.paths.state);
  const record = await ledger.readLedger(ledgerFile);
  // llmctl.yaml still only what imports wrote: rebuild it from every import, so the order does not matter.
  const rebuilt = ledger.importOnly(existing, record)
    ? await ledger.rebuildFromImports(existing, configFile, record, result, store.values(), {
        secretValue: (n) => store.get(n),
      })
    : undefined;
  const merged =
    rebuilt?.outcome ?? (await mergeImport(existing, configFile, result, { secretValue: (n) => store.get(n) }));

  for (const w of [...result.warnings, ...merged.deferred]) {
    if (!w.message.startsWith('no key yet')) log.warn(formatProblem(w));
  }

  const verb = opts.dryRun ? 'would add' : 'added';
  if (opts.dryRun) {
    if (merged.changed) {
      const { colorDiff, fileDiff } = await import('../ui/diff.js');
      log.out(
        colorDiff(
          await fileDiff(
            configFile,
            existing,
            merged.text,
            [...store.values(), ...Object.values(merged.secrets)],
            'after import',
          ),
        ),
      );
    }
  } else if (merged.changed || Object.keys(merged.secrets).length || rebuilt?.ledgerChanged) {
    const { withLock } = await import('../fs/lock.js');
    const { writeConfig } = await import('../config/write.js');
    await withLock(ctx.paths.lock, async () => {
      // Re-read under the lock: another llmctl may have written since we merged.
      if ((await readTextIfExists(configFile)) !== existing)
        throw new LlmctlError(`${configFile} changed while importing`, { hint: 'run the command again' });
      await storeImportSecrets(store, merged.secrets);
      if (merged.changed) await writeConfig(ctx.paths, configFile, merged.text, `import ${tool}`);
      if (rebuilt?.ledgerChanged) await ledger.writeLedger(ledgerFile, rebuilt.ledger);
    });
  }

  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  const head = `${opts.dryRun ? 'Dry run — ' : ''}${tool} config ${color.path(file)}: ${verb} ${n(merged.addedProviders.length, 'provider')} and ${n(merged.addedModels.length, 'model')}`;
  log.success(`${head}${merged.changed ? ` ${opts.dryRun ? 'to' : 'in'} ${color.path(configFile)}` : ''}.`);
  if (merged.addedProviders.length) log.info(`  providers: ${merged.addedProviders.join(', ')}`);
  for (const [from, to] of Object.entries(merged.reusedProviders))
    log.info(`  provider ${from}: already in llmctl.yaml as "${to}"`);
  if (merged.addedModels.length) log.info(`  models: ${merged.addedModels.join(', ')}`);
  if (merged.addedSettings.length) log.info(`  settings: ${merged.addedSettings.join(', ')}`);
  if (merged.skippedModels.length)
    log.info(
      `  skipped ${n(merged.skippedModels.length, 'model')} already in llmctl.yaml: ${merged.skippedModels.map((s) => s.name).join(', ')}`,
    );
  for (const [name, value] of Object.entries(merged.secrets)) {
    log.info(
      `  key ${name} (${maskSecret(value)}) ${opts.dryRun ? 'would be stored' : 'stored'} in ${ctx.paths.secrets}`,
    );
  }
  // Named once, by the sync that follows (and every sync until they are set); here only counted.
  if (merged.noKey.length)
    log.info(
      `  ${n(merged.noKey.length, 'provider')} without a key yet: \`llmctl keys set NAME\` stores one (\`llmctl sync\` names them)`,
    );
  for (const { provider, env } of merged.noKey)
    log.debug(
      `  no key yet for "${provider}": run \`llmctl keys set ${provider}\` (it points llmctl.yaml at the stored key)${env ? `, or export ${env}` : ''}`,
    );
  if (!merged.changed && !Object.keys(merged.secrets).length)
    log.info('Nothing new to import: llmctl.yaml already has all of it.');
  else if (opts.dryRun) log.info('Nothing was written (dry run).');
  else if (merged.deferred.length)
    log.info(
      `Next: ${color.bold('llmctl import litellm FILE')} with the config of the proxy the tool used (see the warning above), then ${color.bold('llmctl sync')}.`,
    );
  else log.info(`Next: ${color.bold('llmctl sync')} writes the tool configs from it.`);
  return 0;
}

function cannotRead(file: string, tool: Tool, code: string | undefined): LlmctlError {
  return new LlmctlError(
    `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(code)}`,
    {
      hint:
        code === 'EACCES'
          ? 'check the file permissions; nothing was imported'
          : `pass the path of the ${tool} config to import; nothing was imported`,
    },
  );
}
