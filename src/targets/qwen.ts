import type { ModelConfig } from '../config/schema.js';
import { LlmctlError, type Problem } from '../errors.js';
import { readSettled } from '../fs/txn.js';
import { t, tEn } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { patchEnvFile } from './dotenv.js';
import { assertNoLeak } from './managed.js';
import { readSettingsState, type QwenWanted } from './qwen-patch.js';
import { readToolFile } from './read-tool-file.js';
import type { PlannedFile, Target, TargetContext, TargetPlan } from './types.js';

/**
 * Qwen Code (npm `@qwen-code/qwen-code`), checked against 0.24.4 (its bundled source, and by running
 * `qwen -p` against a fake server):
 * - `~/.qwen/settings.json` (`QWEN_HOME` moves the folder); JSON with comments.
 * - `modelProviders.<id>`: an array of `{ id, name, baseUrl, envKey, generationConfig }`; `id` is the
 *   model name sent to the API; a custom provider id needs `providerProtocol.<id>: "openai"`.
 *   `generationConfig.samplingParams.max_tokens` is sent as max_tokens (the output cap).
 * - Which model runs: `model.name` with `security.auth.selectedType: "openai"`.
 * - Keys: the runtime reads `process.env[envKey]`; `~/.qwen/.env` is always loaded (after a project's
 *   .env, never overriding the shell): the proxy key goes there, 0600.
 */

export const QWEN_KEY_ENV = 'LLMCTL_PROXY_KEY';

export function qwenFiles(platform: Platform): { settings: string; env: string } {
  const home = platform.env.QWEN_HOME
    ? platform.path.resolve(platform.env.QWEN_HOME)
    : platform.path.join(platform.homedir, '.qwen');
  return { settings: platform.path.join(home, 'settings.json'), env: platform.path.join(home, '.env') };
}

function chosenModels(ctx: TargetContext): ModelConfig[] {
  const { config } = ctx;
  const only = config.tools.qwen.models;
  const chat = config.models.filter((m) => !m.roles || m.roles.includes('chat'));
  const list = only ? config.models.filter((m) => only.includes(m.name)) : chat.length ? chat : config.models;
  const problems: Problem[] = [];
  (only ?? []).forEach((n, i) => {
    if (!config.models.some((m) => m.name === n))
      problems.push({
        ...ctx.loaded.at(['tools', 'qwen', 'models', i]),
        message: t('tools.qwen.unknownModel', { model: n }),
        hint: t('tools.useOneOf', { names: config.models.map((m) => m.name).join(', ') }),
      });
  });
  const main = config.tools.qwen.model;
  if (main !== undefined && !list.some((m) => m.name === main))
    problems.push({
      ...ctx.loaded.at(['tools', 'qwen', 'model']),
      message: t('tools.qwen.unknownModel', { model: main }),
      hint: t('tools.useOneOf', { names: list.map((m) => m.name).join(', ') }),
    });
  if (problems.length) throw new LlmctlError(t('tools.badModel'), { problems, hint: t('tools.badModelHint') });
  if (!list.length) throw new LlmctlError(t('tools.qwen.noModels'), { hint: t('tools.qwen.noModelsHint') });
  return list;
}

export function qwenWanted(ctx: TargetContext): QwenWanted {
  const models = chosenModels(ctx);
  const baseUrl = `${proxyRoot(ctx.config)}/v1`;
  const entries = models.map((m) => ({
    id: m.name,
    name: m.name,
    baseUrl,
    envKey: QWEN_KEY_ENV,
    ...(m.maxTokens ? { generationConfig: { samplingParams: { max_tokens: m.maxTokens } } } : {}),
  }));
  return {
    own: [
      ['modelProviders.llmctl', entries],
      ['providerProtocol.llmctl', 'openai'],
    ],
    defaults: [
      ['model.name', ctx.config.tools.qwen.model ?? models[0]!.name],
      ['security.auth.selectedType', 'openai'],
    ],
    setDefault: ctx.config.tools.qwen.setDefault,
  };
}

export const qwenTarget: Target = {
  name: 'qwen',
  label: tEn('tools.qwen.label'),
  enabled: (config) => config.tools.qwen.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const { settings: file, env: envFile } = qwenFiles(ctx.platform);
    const before = await readSettled(file);
    const envBefore = await readSettled(envFile);
    const prev = readSettingsState(ctx.state.targets.qwen);
    const wanted = qwenWanted(ctx);
    const { patchQwenSettings } = await import('./qwen-patch.js');
    const patch = (text: string | null) => {
      const r = patchQwenSettings(text, file, wanted, prev, { force: ctx.force });
      assertNoLeak(r.text, [...ctx.secrets.values(), ctx.toolKey], file, text);
      return r;
    };
    const r = patch(before);
    const env = { [QWEN_KEY_ENV]: ctx.toolKey };
    const repatch = async (text: string | null) => {
      const again = patch(text);
      return { after: again.text, state: { ...again.state, env: Object.keys(env) } };
    };
    const files: PlannedFile[] = [
      { path: file, label: tEn('tools.qwen.label'), before, after: r.text, mode: 0o644, repatch },
      {
        path: envFile,
        label: tEn('tools.qwen.envLabel'),
        before: envBefore,
        after: patchEnvFile(envBefore, env, prev.env),
        mode: 0o600,
        secret: true,
        repatch: async (text) => ({ after: patchEnvFile(text, env, prev.env) }),
      },
    ];
    return {
      target: 'qwen',
      files,
      warnings: r.warnings,
      conflicts: r.conflicts,
      state: { ...r.state, env: Object.keys(env) },
    };
  },
  unlink: planQwenUnlink,
  files: (platform) => Object.values(qwenFiles(platform)),
};

/** `llmctl unlink qwen`: llmctl's provider and .env line go; the default model gets its old value back. */
export async function planQwenUnlink(ctx: TargetContext): Promise<TargetPlan> {
  const { settings: file, env: envFile } = qwenFiles(ctx.platform);
  const before = await readToolFile(file);
  const envBefore = await readToolFile(envFile);
  const prev = readSettingsState(ctx.state.targets.qwen);
  const files: PlannedFile[] = [];
  const warnings: Problem[] = [];
  if (before !== null) {
    const { patchQwenSettings } = await import('./qwen-patch.js');
    const r = patchQwenSettings(before, file, undefined, prev, { force: ctx.force });
    files.push({ path: file, label: tEn('tools.qwen.label'), before, after: r.text });
    warnings.push(...r.warnings);
  }
  if (envBefore !== null) {
    const envAfter = patchEnvFile(envBefore, {}, prev.env);
    files.push({
      path: envFile,
      label: tEn('tools.qwen.envLabel'),
      before: envBefore,
      after: envAfter === '' ? null : envAfter,
      secret: true,
    });
  }
  return { target: 'qwen', files, warnings, conflicts: [], state: { keys: {}, originals: {}, created: [], env: [] } };
}
