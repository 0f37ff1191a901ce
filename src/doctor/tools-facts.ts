import type { LlmctlConfig } from '../config/schema.js';
import { readTextIfExists } from '../fs/atomic.js';
import { jsonc } from '../deps.js';
import { t } from '../i18n/index.js';
import type { Platform, RunResult } from '../platform/index.js';
import { whereExe } from '../platform/windows.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { isStackOverflow } from '../targets/read-tool-file.js';
import type { Facts } from './facts.js';

/**
 * What doctor looks at for the tools of issue 15 (Codex CLI, opencode, Qwen Code, Gemini CLI): is the
 * program on PATH and which version, and which base URL its file (the one each target writes) holds.
 * Gathered only for the tools llmctl.yaml enables; the checks (tools-checks.ts) are pure functions of it.
 */

export const TOOLS = ['codex', 'opencode', 'qwen', 'gemini'] as const;
export type ToolName = (typeof TOOLS)[number];

/** Product names and the program each installs (never translated). */
export const TOOL_INFO: Record<ToolName, { product: string; bin: string; npm: string }> = {
  codex: { product: 'Codex CLI', bin: 'codex', npm: '@openai/codex' }, // i18n-ignore: a product name
  opencode: { product: 'opencode', bin: 'opencode', npm: 'opencode-ai' }, // i18n-ignore: a product name
  qwen: { product: 'Qwen Code', bin: 'qwen', npm: '@qwen-code/qwen-code' }, // i18n-ignore: a product name
  gemini: { product: 'Gemini CLI', bin: 'gemini', npm: '@google/gemini-cli' }, // i18n-ignore: a product name
};

export interface ToolFact {
  tool: ToolName;
  installed: boolean;
  version?: string;
  /** The file holding the base URL the tool sends its requests to. */
  file: string;
  /** That file does not exist. */
  missing?: boolean;
  /** Why that file could not be read (it does not parse). */
  error?: string;
  /** The base URL found there (llmctl's provider's), when there is one. */
  base?: string;
}

export type ToolFacts = Partial<Record<ToolName, ToolFact>>;

/** The enabled tools' facts, looked for at the same time. */
export async function gatherToolFacts(f: Facts): Promise<ToolFacts> {
  const config = f.config;
  if (!config) return {};
  const enabled = TOOLS.filter((name) => config.tools[name].enabled);
  const found = await Promise.all(enabled.map((name) => toolFact(f.platform, name)));
  return Object.fromEntries(found.map((x) => [x.tool, x]));
}

async function toolFact(p: Platform, tool: ToolName): Promise<ToolFact> {
  const [program, base] = await Promise.all([programVersion(p, TOOL_INFO[tool].bin), readBase(p, tool)]);
  return {
    tool,
    installed: program.installed,
    ...(program.version ? { version: program.version } : {}),
    ...base,
  };
}

/** `<bin> --version` on PATH; on Windows npm's `.cmd` shim is found with where.exe (as for claude). */
export async function programVersion(p: Platform, bin: string): Promise<{ installed: boolean; version?: string }> {
  const parse = (r: RunResult) => /(\d+\.\d+\.\d+)/.exec(`${r.stdout}\n${r.stderr}`)?.[1];
  const r = await p.run(bin, ['--version'], { timeoutMs: 15_000 });
  if (!r.error && r.code !== null) {
    const version = parse(r);
    return version ? { installed: true, version } : { installed: r.code === 0 };
  }
  if (p.os !== 'win32') return { installed: false };
  const hits = await whereExe(p, bin);
  const exe = hits.find((h) => /\.exe$/i.test(h));
  const cmd = hits.find((h) => /\.(cmd|bat)$/i.test(h));
  const run = exe
    ? await p.run(exe, ['--version'], { timeoutMs: 15_000 })
    : cmd
      ? await p.run('cmd.exe', ['/d', '/c', bin, '--version'], { timeoutMs: 15_000 })
      : undefined;
  if (!run || run.error || run.code === null) return { installed: hits.length > 0 };
  const version = parse(run);
  return { installed: true, ...(version ? { version } : {}) };
}

/** The base URL each target writes: the proxy's root + /v1, or the root for Gemini CLI (it adds /v1beta). */
export function wantedBase(config: LlmctlConfig, tool: ToolName): string {
  return tool === 'gemini' ? proxyRoot(config) : `${proxyRoot(config)}/v1`;
}

/** Where the base URL is and how to read it, per tool (the facts in each src/targets/<tool>.ts). */
async function readBase(p: Platform, tool: ToolName): Promise<Pick<ToolFact, 'file' | 'missing' | 'error' | 'base'>> {
  const file = await baseFile(p, tool);
  const text = await readTextIfExists(file);
  if (text === null) return { file, missing: true };
  try {
    const base = await baseIn(tool, text, file);
    return { file, ...(base !== undefined ? { base } : {}) };
  } catch (e) {
    return { file, error: isStackOverflow(e) ? t('doctor.facts.tooDeep') : e instanceof Error ? e.message : String(e) };
  }
}

async function baseFile(p: Platform, tool: ToolName): Promise<string> {
  switch (tool) {
    case 'codex':
      return (await import('../targets/codex.js')).codexFiles(p).config;
    case 'opencode': {
      const json = (await import('../targets/opencode.js')).opencodeFiles(p).config;
      return !(await p.exists(json)) && (await p.exists(`${json}c`)) ? `${json}c` : json;
    }
    case 'qwen':
      return (await import('../targets/qwen.js')).qwenFiles(p).settings;
    case 'gemini':
      return (await import('../targets/gemini.js')).geminiFiles(p).env;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

async function baseIn(tool: ToolName, text: string, file: string): Promise<string | undefined> {
  if (tool === 'codex') {
    const { parseToml, tomlLib } = await import('../targets/codex-toml.js');
    return str(obj(obj(parseToml(await tomlLib(), text, file).model_providers).llmctl).base_url);
  }
  if (tool === 'gemini') return envValue(text, 'GOOGLE_GEMINI_BASE_URL');
  const errors: { error: number; offset: number; length: number }[] = [];
  const doc: unknown = jsonc().parse(text, errors, { allowTrailingComma: true });
  if (errors.length) throw new Error(t('tools.doctor.notJson', { offset: errors[0]!.offset }));
  if (tool === 'opencode') return str(obj(obj(obj(obj(doc).provider).llmctl).options).baseURL);
  const entries = obj(obj(doc).modelProviders).llmctl;
  return Array.isArray(entries) ? str(obj(entries[0]).baseUrl) : undefined;
}

/** The last `NAME=value` of a .env (quotes taken off), as dotenv reads it. */
function envValue(text: string, name: string): string | undefined {
  let value: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] === name) value = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return value;
}
