import type { Context } from '../context.js';
import { LlmctlError, UsageError, formatProblem, isNodeError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { ImportResult } from '../importers/types.js';
import { color, log } from '../ui/log.js';

interface Options {
  dryRun?: boolean;
  /** import continue: --gateway (client mode) / --no-gateway (a provider of llmctl's proxy); asked in a TTY. */
  gateway?: boolean;
}

type Importer = (text: string, file: string) => Promise<ImportResult>;

const TOOLS = ['litellm', 'continue', 'claude', 'codex', 'opencode', 'qwen', 'gemini'] as const;
type Tool = (typeof TOOLS)[number];

/** Importers are loaded only for the tool asked for. */
async function loadImporter(tool: Tool): Promise<Importer> {
  if (tool === 'litellm') return (await import('../importers/litellm.js')).importLitellm;
  if (tool === 'continue') return (await import('../importers/continue.js')).importContinue;
  if (tool === 'codex') return (await import('../importers/codex.js')).importCodex;
  if (tool === 'opencode') return (await import('../importers/opencode.js')).importOpencode;
  if (tool === 'gemini') return (await import('../importers/gemini.js')).importGemini;
  if (tool === 'qwen') {
    const { importQwen } = await import('../importers/qwen.js');
    const { readToolFile } = await import('../targets/read-tool-file.js');
    const path = await import('node:path');
    return async (text, file) => importQwen(text, file, await readToolFile(path.join(path.dirname(file), '.env')));
  }
  return (await import('../importers/claude.js')).importClaude;
}

async function defaultFile(ctx: Context, tool: Tool): Promise<string> {
  if (tool === 'continue') return ctx.paths.continueConfig;
  if (tool === 'claude') return ctx.paths.claudeSettings;
  if (tool === 'codex') return (await import('../targets/codex.js')).codexFiles(ctx.platform).config;
  if (tool === 'opencode') return opencodeConfig(ctx);
  if (tool === 'qwen') return (await import('../targets/qwen.js')).qwenFiles(ctx.platform).settings;
  if (tool === 'gemini') return (await import('../targets/gemini.js')).geminiFiles(ctx.platform).env;
  const candidates = ['config.yaml', 'litellm.config.yaml'].map((f) => ctx.platform.path.resolve(f));
  for (const f of candidates) if (await ctx.platform.exists(f)) return f;
  throw new UsageError(t('importers.cmd.noLitellmConfig'), t('importers.cmd.noLitellmConfigHint'));
}

/** opencode.json, or opencode.jsonc when only that one exists (as opencode reads them). */
async function opencodeConfig(ctx: Context): Promise<string> {
  const json = (await import('../targets/opencode.js')).opencodeFiles(ctx.platform).config;
  return !(await ctx.platform.exists(json)) && (await ctx.platform.exists(`${json}c`)) ? `${json}c` : json;
}

export async function run(ctx: Context, toolArg: string, fileArg: string | undefined, opts: Options): Promise<number> {
  if (!(TOOLS as readonly string[]).includes(toolArg)) {
    throw new UsageError(
      t('importers.cmd.unknownTool', { tool: toolArg }),
      t('importers.cmd.unknownToolHint', { tools: TOOLS.join(', ') }),
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
  // No ~/.gemini/.env: Gemini CLI talks to Google directly, which the importer says.
  if (text === null && tool === 'gemini' && !fileArg) text = '';
  if (text === null) throw cannotRead(file, tool, 'ENOENT');

  const importer = tool === 'continue' ? await continueImporter(text, file, opts.gateway) : await loadImporter(tool);
  const result = await importer(text, file);
  if (tool === 'gemini' && !result.proxy && !result.tools) {
    // Nothing maps (the importer says why): no llmctl.yaml or import record is written.
    for (const w of result.warnings) log.warn(formatProblem(w));
    return 0;
  }

  const { planImport, importDiff, applyImport } = await import('../importers/plan.js');
  const plan = await planImport(ctx.paths, result);
  const { merged } = plan;
  const { importSummary, importWarnings } = await import('../importers/summary.js');
  for (const w of importWarnings(result, merged)) log.warn(formatProblem(w));
  if (opts.dryRun) {
    const diff = await importDiff(plan);
    if (diff !== undefined) log.out(diff);
  } else await applyImport(ctx.paths, plan, tool);

  const { maskSecret } = await import('../secrets/store.js');
  const lines = importSummary({
    tool,
    file: color.path(file),
    configFile: color.path(plan.configFile),
    secretsFile: ctx.paths.secrets,
    dryRun: Boolean(opts.dryRun),
    merged,
    mask: maskSecret,
    bold: color.bold,
  });
  for (const { level, text } of lines) log[level](text);
  return 0;
}

/** Continue: a LiteLLM gateway in the file becomes client mode when the flag (or, in a TTY, the user) says so. */
async function continueImporter(text: string, file: string, flag: boolean | undefined): Promise<Importer> {
  const { detectGateway, importContinue } = await import('../importers/continue.js');
  let gateway = flag;
  const { askFn, isInteractive } = await import('../ui/prompt.js');
  // Without a TTY the importer's warning says what was found and which flag chooses.
  if (gateway === undefined && isInteractive()) {
    const found = await detectGateway(text, file);
    if (found) {
      log.info(t('gateway.import.found', { url: found.url, n: found.n }));
      gateway = await askFn(false)(t('gateway.import.ask', { url: found.url }));
    }
  }
  return (t2, f) => importContinue(t2, f, undefined, gateway === undefined ? {} : { gateway });
}

function cannotRead(file: string, tool: Tool, code: string | undefined): LlmctlError {
  return new LlmctlError(t('importers.cmd.cannotRead', { file, code: String(code) }), {
    hint: code === 'EACCES' ? t('importers.cmd.cannotReadPermissionHint') : t('importers.cmd.cannotReadHint', { tool }),
  });
}
