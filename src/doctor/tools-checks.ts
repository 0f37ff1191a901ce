import type { LlmctlConfig } from '../config/schema.js';
import { t } from '../i18n/index.js';
import { noConfig } from './checks.js';
import type { Facts } from './facts.js';
import { TOOLS, TOOL_INFO, type ToolFacts, type ToolName, gatherToolFacts, wantedBase } from './tools-facts.js';
import { type Check, fail, pass, skip, warn } from './types.js';

/**
 * Per-tool checks for Codex CLI, opencode, Qwen Code and Gemini CLI (issue 15), each SKIP unless
 * llmctl.yaml enables the tool: `tools.<name>.installed`, `.config` (its file points at the proxy) and
 * `.models` (the models llmctl.yaml gives it are the proxy's). `--online` adds `.api` (tools-online.ts).
 */
export async function toolChecks(f: Facts): Promise<Check[]> {
  return toolChecksOf(f, await gatherToolFacts(f));
}

/** The checks over gathered facts: pure, for tests. */
export function toolChecksOf(f: Facts, tf: ToolFacts): Check[] {
  return TOOLS.flatMap((tool) => [installedCheck(f, tf, tool), configCheck(f, tf, tool), modelsCheck(f, tool)]);
}

const product = (tool: ToolName) => TOOL_INFO[tool].product;
// i18n-ignore: a command
const syncOnly = (tool: ToolName, force: boolean) => `llmctl sync --only ${tool}${force ? ' --force' : ''}`;

/** Why a tool's check does not apply, when it does not. */
export function notApplicable(f: Facts, tool: ToolName): string | undefined {
  if (!f.config) return noConfig(f);
  if (!f.config.tools[tool].enabled) return t('tools.doctor.notEnabled', { tool });
  return undefined;
}

function installedCheck(f: Facts, tf: ToolFacts, tool: ToolName): Check {
  const id = `tools.${tool}.installed`;
  const title = t('tools.doctor.installedTitle', { product: product(tool) });
  const why = notApplicable(f, tool);
  const fact = tf[tool];
  if (why || !fact) return skip(id, title, why ?? t('doctor.unknownReason'));
  if (!fact.installed)
    return warn(
      id,
      title,
      t('tools.doctor.notFound', { bin: TOOL_INFO[tool].bin }),
      `npm install -g ${TOOL_INFO[tool].npm}`, // i18n-ignore: a command
    );
  // i18n-ignore: a product name and its version
  return pass(id, title, `${product(tool)} ${fact.version ?? t('doctor.versionUnknown')}`);
}

function configCheck(f: Facts, tf: ToolFacts, tool: ToolName): Check {
  const id = `tools.${tool}.config`;
  const title = t('tools.doctor.configTitle', { product: product(tool) });
  const why = notApplicable(f, tool);
  const fact = tf[tool];
  if (why || !fact) return skip(id, title, why ?? t('doctor.unknownReason'));
  // A plain sync keeps entries edited by hand: when the plan keeps any, only --force puts llmctl's back.
  const force = !!f.session?.plans.find((p) => p.target === tool)?.conflicts.length;
  const fix = syncOnly(tool, force);
  const { file } = fact;
  if (fact.missing) return fail(id, title, t('tools.doctor.noFile', { file }), fix);
  if (fact.error !== undefined)
    return fail(id, title, t('tools.doctor.badFile', { file, error: fact.error }), t('tools.doctor.badFileFix'));
  const want = wantedBase(f.config!, tool);
  if (fact.base === undefined) return fail(id, title, t('tools.doctor.noBase', { file }), fix);
  if (fact.base.replace(/\/+$/, '') !== want)
    return fail(id, title, t('tools.doctor.elsewhere', { file, base: fact.base, want }), fix);
  return pass(id, title, t('tools.doctor.pointsAtProxy', { file, base: fact.base }));
}

/** The proxy models llmctl.yaml gives a tool (what its target writes), the named ones first. */
export function toolModels(config: LlmctlConfig, tool: ToolName): string[] {
  const chat = config.models.filter((m) => !m.roles || m.roles.includes('chat')).map((m) => m.name);
  const first = chat[0] ?? config.models[0]?.name;
  const main = config.tools[tool].model;
  if (tool === 'codex' || tool === 'gemini') return (main ?? first) ? [(main ?? first)!] : [];
  const list = config.tools[tool].models ?? (chat.length ? chat : config.models.map((m) => m.name));
  return [...new Set([...(main ? [main] : []), ...list])];
}

function modelsCheck(f: Facts, tool: ToolName): Check {
  const id = `tools.${tool}.models`;
  const title = t('tools.doctor.modelsTitle', { product: product(tool) });
  const why = notApplicable(f, tool);
  if (why) return skip(id, title, why);
  const served = new Set(f.config!.models.map((m) => m.name));
  const asked = toolModels(f.config!, tool);
  if (!asked.length) return fail(id, title, t('tools.doctor.noModels'), t('tools.doctor.noModelsFix'));
  const missing = asked.filter((m) => !served.has(m));
  if (missing.length)
    return fail(
      id,
      title,
      t('tools.doctor.modelsMissing', { list: missing.join(', ') }),
      t('tools.doctor.modelsFix', { tool, names: [...served].join(', ') }),
    );
  return pass(id, title, t('tools.doctor.modelsOk', { list: asked.join(', ') }));
}
