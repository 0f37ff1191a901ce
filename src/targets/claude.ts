import { t } from '../i18n/index.js';
import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError, type Problem } from '../errors.js';
import { readSettled } from '../fs/txn.js';
import { findGitBash } from '../platform/git-bash.js';
import type { Platform } from '../platform/index.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { connectHost, isLoopback } from '../proxy/url.js';
import {
  patchClaudeSettings,
  unlinkClaudeSettings,
  type ClaudeState,
  type ClaudeWanted,
  type MergeKeys,
} from './claude-patch.js';
import { parseJsonObject, setJsonValue } from './json-edit.js';
import { readToolFile } from './read-tool-file.js';
import { assertNoLeak, hashValue } from './managed.js';
import type { HandEdit, PlannedFile, Target, TargetContext, TargetPlan } from './types.js';

export interface ClaudeModels {
  model: string;
  opus: string;
  sonnet: string;
  haiku: string;
}

/**
 * Which proxy models Claude Code asks for. Unset choices default to: the first chat model for the
 * main (and opus/sonnet) model, a model named like claude-*haiku* for haiku (Claude Code's background
 * model), else the main model. Every choice must exist on the proxy, or Claude Code fails at runtime.
 */
export function chooseClaudeModels(ctx: Pick<TargetContext, 'config' | 'loaded'>): ClaudeModels {
  const { config } = ctx;
  const c = config.tools.claude;
  const names = config.models.map((m) => m.name);
  if (!names.length) {
    throw new LlmctlError(t('targets.claudeNoModels'), { hint: t('targets.claudeNoModelsHint') });
  }
  const firstChat = config.models.find((m) => !m.roles || m.roles.includes('chat'))?.name ?? names[0]!;
  const model = c.model ?? firstChat;
  const haiku = c.haikuModel ?? names.find((n) => /claude.*haiku/i.test(n)) ?? model;
  const chosen = { model, opus: c.opusModel ?? model, sonnet: c.sonnetModel ?? model, haiku };
  const fields: [keyof typeof chosen, string][] = [
    ['model', 'model'],
    ['opus', 'opusModel'],
    ['sonnet', 'sonnetModel'],
    ['haiku', 'haikuModel'],
  ];
  const problems: Problem[] = [];
  for (const [k, field] of fields) {
    if (names.includes(chosen[k])) continue;
    const configured = (c as Record<string, unknown>)[field] !== undefined;
    problems.push({
      ...(configured
        ? ctx.loaded.at(['tools', 'claude', field])
        : { file: ctx.loaded.file, path: `tools.claude.${field}` }),
      message: t('targets.claudeUnknownModel', { name: chosen[k] }),
      hint: t('targets.useOneOf', { names: names.join(', ') }),
    });
  }
  if (problems.length) {
    throw new LlmctlError(t('targets.claudeUnknownModels'), { problems, hint: t('targets.claudeUnknownModelsHint') });
  }
  return chosen;
}

/** Values llmctl owns in settings.json, in the order they are added to a file. */
export function claudeWanted(
  config: LlmctlConfig,
  toolKey: string,
  models: ClaudeModels,
  gitBash?: string,
): ClaudeWanted {
  const c = config.tools.claude;
  const w: ClaudeWanted = {
    'env.ANTHROPIC_BASE_URL': proxyRoot(config),
    'env.ANTHROPIC_AUTH_TOKEN': toolKey,
    'env.ANTHROPIC_DEFAULT_OPUS_MODEL': models.opus,
    'env.ANTHROPIC_DEFAULT_SONNET_MODEL': models.sonnet,
    'env.ANTHROPIC_DEFAULT_HAIKU_MODEL': models.haiku,
  };
  const cap = c.maxOutputTokens ?? smallestCap(config, models);
  if (cap) w['env.CLAUDE_CODE_MAX_OUTPUT_TOKENS'] = String(cap);
  if (gitBash) w['env.CLAUDE_CODE_GIT_BASH_PATH'] = gitBash;
  w.model = models.model;
  return w;
}

/**
 * Claude Code asks for up to 32k output tokens by default; an upstream that caps output lower
 * (DeepSeek: 8192) answers that with a 400. The smallest `maxTokens` among the models Claude Code
 * uses caps it (tools.claude.maxOutputTokens, when set, wins).
 */
function smallestCap(config: LlmctlConfig, models: ClaudeModels): number | undefined {
  const used = new Set([models.model, models.opus, models.sonnet, models.haiku]);
  const caps = config.models.filter((m) => used.has(m.name) && m.maxTokens).map((m) => m.maxTokens!);
  return caps.length ? Math.min(...caps) : undefined;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/** Behind a system proxy (Clash…), loopback traffic to llmctl's proxy must bypass it. */
export function noProxyMerge(
  config: LlmctlConfig,
  platform: Platform,
  settingsEnv: Record<string, unknown> | undefined,
): MergeKeys['noProxy'] | undefined {
  const host = connectHost(config.proxy.host).replace(/^\[|\]$/g, '');
  if (!isLoopback(host)) return undefined;
  const set = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const proxied = PROXY_VARS.some((k) => set(platform.env[k]) || set(settingsEnv?.[k]));
  if (!proxied) return undefined;
  const add = ['127.0.0.1', 'localhost'];
  if (!add.includes(host)) add.push(host);
  return { base: platform.env.NO_PROXY ?? platform.env.no_proxy, add };
}

const WSL_BASH = /\\windows\\system32\\bash\.exe$/i;

async function gitBashFor(ctx: TargetContext, file: string): Promise<{ path?: string; warnings: Problem[] }> {
  const setting = ctx.config.tools.claude.gitBashPath;
  if (ctx.platform.os !== 'win32' || setting === 'off') return { warnings: [] };
  const r = await findGitBash(ctx.platform, setting);
  const warnings: Problem[] = [];
  if (r.wslShadowing) {
    warnings.push({
      file,
      path: 'env.CLAUDE_CODE_GIT_BASH_PATH',
      message: t('targets.wslBash'),
    });
  }
  if (r.path && !WSL_BASH.test(r.path)) return { path: r.path, warnings };
  const looked = r.candidates.map((c) => c.path).join(', ');
  warnings.push({
    file,
    path: 'env.CLAUDE_CODE_GIT_BASH_PATH',
    message: t('targets.gitBashMissing', { ...(setting !== 'auto' ? { configured: setting } : {}), looked }),
    hint: t('targets.gitBashMissingHint'),
  });
  return { warnings };
}

function readClaudeState(ctx: TargetContext): ClaudeState | undefined {
  const s = ctx.state.targets.claude as ClaudeState | undefined;
  return s && typeof s === 'object' && s.keys && typeof s.keys === 'object' ? s : undefined;
}

/**
 * The user's "No" to the onboarding question, kept in state.json (this machine's record, which sync
 * writes anyway) rather than llmctl.yaml (the user's own file, which sync never writes): asked once,
 * not again on every sync. `tools.claude.onboarding` in llmctl.yaml still decides over it.
 */
function declinedOnboarding(ctx: TargetContext): boolean {
  const s = ctx.state.targets.claude as { onboarding?: unknown } | undefined;
  return s?.onboarding === 'declined';
}

/** ~/.claude.json: only `hasCompletedOnboarding`, only with consent, merged into Claude Code's own file. */
async function onboardingFile(
  ctx: TargetContext,
): Promise<{ file?: PlannedFile; warnings: Problem[]; declined?: true }> {
  const file = ctx.paths.claudeJson;
  const before = await readSettled(file);
  const obj = parseJsonObject(before ?? '', file);
  if (obj.hasCompletedOnboarding === true) return { warnings: [] };
  const setting = ctx.config.tools.claude.onboarding;
  if (setting === false) return { warnings: [] };
  if (setting === undefined && declinedOnboarding(ctx)) return { warnings: [], declined: true };
  const yes = setting === true || (await ctx.confirm?.(t('targets.onboardingQuestion', { file })));
  if (yes === false) return { warnings: [], declined: true };
  if (!yes) {
    return {
      warnings: [
        {
          file,
          path: 'hasCompletedOnboarding',
          message: t('targets.onboardingUnset'),
          hint: t('targets.onboardingUnsetHint'),
        },
      ],
    };
  }
  // Claude Code rewrites this file all the time: a change after planning is patched again.
  const onboard = (text: string | null) => {
    const done = parseJsonObject(text ?? '', file).hasCompletedOnboarding === true;
    return done ? text : setJsonValue(text ?? '', ['hasCompletedOnboarding'], true);
  };
  return {
    file: {
      path: file,
      // i18n-ignore: a label names a file; it is also in --json and in the test step log
      label: 'Claude Code state (~/.claude.json)',
      before,
      after: onboard(before),
      mode: 0o600,
      repatch: async (text) => ({ after: onboard(text) }),
    },
    warnings: [],
  };
}

/** Keys of settings.json that one llmctl.yaml field sets, and whether its value must be a proxy model. */
const ADOPTABLE: Record<string, { field: string; model: boolean }> = {
  model: { field: 'model', model: true },
  'env.ANTHROPIC_DEFAULT_OPUS_MODEL': { field: 'opusModel', model: true },
  'env.ANTHROPIC_DEFAULT_SONNET_MODEL': { field: 'sonnetModel', model: true },
  'env.ANTHROPIC_DEFAULT_HAIKU_MODEL': { field: 'haikuModel', model: true },
  'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS': { field: 'maxOutputTokens', model: false },
};

/** The tools.claude setting that would make sync write the user's hand edit itself, when one can. */
function adoptEdit(edit: Problem, current: Record<string, unknown>, config: LlmctlConfig): HandEdit {
  const a = edit.path ? ADOPTABLE[edit.path] : undefined;
  if (!a || !edit.path) return edit;
  const env = current.env && typeof current.env === 'object' ? (current.env as Record<string, unknown>) : {};
  const value = edit.path.startsWith('env.') ? env[edit.path.slice(4)] : current[edit.path];
  if (typeof value !== 'string') return edit;
  const fits = a.model ? config.models.some((m) => m.name === value) : /^[1-9]\d*$/.test(value);
  if (!fits) return edit;
  const yamlValue = /^[A-Za-z0-9][\w.\/-]*$/.test(value) ? value : JSON.stringify(value);
  return { ...edit, adopt: `tools.claude.${a.field}: ${yamlValue}` };
}

export const claudeTarget: Target = {
  name: 'claude',
  // i18n-ignore: a label names a file; it is also in --json and in the test step log
  label: 'Claude Code settings',
  enabled: (config) => config.tools.claude.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const file = ctx.paths.claudeSettings;
    const before = await readSettled(file);
    // Parse first: an invalid settings.json stops the whole sync before anything is written.
    parseJsonObject(before ?? '', file);
    const models = chooseClaudeModels(ctx);
    const bash = await gitBashFor(ctx, file);
    const wanted = claudeWanted(ctx.config, ctx.toolKey, models, bash.path);
    // Pure in the file's text, so it can be redone when Claude Code rewrites the file meanwhile.
    const patch = (text: string | null) => {
      const current = parseJsonObject(text ?? '', file);
      const env = current.env && typeof current.env === 'object' ? (current.env as Record<string, unknown>) : undefined;
      const noProxy = noProxyMerge(ctx.config, ctx.platform, env);
      const r = patchClaudeSettings(text, file, wanted, readClaudeState(ctx), {
        force: ctx.force,
        ...(noProxy ? { merge: { noProxy } } : {}),
      });
      // The proxy key belongs here (it is how Claude Code authenticates); upstream keys never do.
      assertNoLeak(
        r.text,
        ctx.secrets.values().filter((v) => v !== ctx.toolKey),
        file,
        text,
      );
      return { r, after: text === null && r.text === '' ? null : r.text };
    };
    const { r, after } = patch(before);
    const onboarding = await onboardingFile(ctx);
    const withAnswer = (state: ClaudeState) =>
      onboarding.declined ? { ...state, onboarding: 'declined' as const } : state;
    const repatch = async (text: string | null) => {
      const again = patch(text);
      return { after: again.after, state: withAnswer(again.r.state) };
    };
    const files: PlannedFile[] = [
      // i18n-ignore: a label names a file; it is also in --json and in the test step log
      { path: file, label: 'Claude Code settings', before, after, mode: 0o600, secret: true, repatch },
    ];
    if (onboarding.file) files.push(onboarding.file);
    return {
      target: 'claude',
      files,
      warnings: [...bash.warnings, ...r.warnings, ...onboarding.warnings],
      conflicts: r.conflicts.map((c) => adoptEdit(c, parseJsonObject(before ?? '', file), ctx.config)),
      state: withAnswer(r.state),
    };
  },
};

/** `llmctl unlink claude`: the keys llmctl manages go (see unlinkClaudeSettings); nothing else changes. */
export async function planClaudeUnlink(ctx: TargetContext): Promise<TargetPlan> {
  const file = ctx.paths.claudeSettings;
  const before = await readToolFile(file);
  if (before === null) return { target: 'claude', files: [], warnings: [], conflicts: [], state: { keys: {} } };
  // A credential the user had before llmctl is recorded as a hash only: look for it among the stored keys.
  const byHash = (hash: string) => ctx.secrets.values().find((v) => hashValue(v) === hash);
  const r = unlinkClaudeSettings(before, file, readClaudeState(ctx), ctx.force, byHash);
  const repatch = async (text: string | null) => {
    const again =
      text === null
        ? { text: null, state: { keys: {} } }
        : unlinkClaudeSettings(text, file, readClaudeState(ctx), ctx.force, byHash);
    return { after: again.text, state: again.state };
  };
  return {
    target: 'claude',
    // i18n-ignore: a label names a file; it is also in --json and in the test step log
    files: [{ path: file, label: 'Claude Code settings', before, after: r.text, secret: true, repatch }],
    warnings: r.warnings,
    conflicts: [],
    state: r.state,
  };
}
