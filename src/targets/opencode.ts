import type { LlmctlConfig, ModelConfig } from '../config/schema.js';
import { LlmctlError, type Problem } from '../errors.js';
import { readSettled } from '../fs/txn.js';
import { t, tEn } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { assertNoLeak } from './managed.js';
import type { OpencodeState, OpencodeWanted } from './opencode-patch.js';
import { readToolFile } from './read-tool-file.js';
import type { PlannedFile, Target, TargetContext, TargetPlan } from './types.js';

/**
 * opencode (npm `opencode-ai`), checked against opencode 1.18.33 by running it against a fake server:
 * - Global config `$XDG_CONFIG_HOME/opencode/opencode.json` (or `.jsonc`), XDG_CONFIG_HOME defaulting
 *   to ~/.config; JSONC (comments and trailing commas are accepted).
 * - `provider.<id>`: `npm: "@ai-sdk/openai-compatible"`, `name`, `options.baseURL` (…/v1: it posts
 *   /v1/chat/completions), `options.apiKey` (sent as `Authorization: Bearer`), `models.<id>`
 *   with `name` and `limit: { context, output }` (both required once limit is given; `output` is sent
 *   as max_tokens). Top-level `model` is `<provider>/<model>`.
 * - `{file:~/…}` in a value is replaced by that file's contents: the proxy key lives in
 *   `llmctl.key` next to the config (0600), never in opencode.json.
 */

export function opencodeFiles(platform: Platform): { config: string; key: string; keyRef: string } {
  const xdg = platform.env.XDG_CONFIG_HOME;
  const base = xdg && platform.path.isAbsolute(xdg) ? xdg : platform.path.join(platform.homedir, '.config');
  const dir = platform.path.join(base, 'opencode');
  const key = platform.path.join(dir, 'llmctl.key');
  // `~/` is what opencode's own docs use; an absolute path when the folder is outside the home.
  const rel = platform.path.relative(platform.homedir, key);
  const keyRef =
    !rel.startsWith('..') && !platform.path.isAbsolute(rel) ? `~/${rel.split(platform.path.sep).join('/')}` : key;
  return { config: platform.path.join(dir, 'opencode.json'), key, keyRef };
}

/** The config file opencode reads: opencode.json, or opencode.jsonc when only that one exists. */
async function configFile(ctx: TargetContext): Promise<string> {
  const json = opencodeFiles(ctx.platform).config;
  const jsoncFile = `${json}c`;
  if (!(await ctx.platform.exists(json)) && (await ctx.platform.exists(jsoncFile))) return jsoncFile;
  return json;
}

/** opencode needs a context size with the output cap; llmctl.yaml's modelInfo.max_input_tokens, else this. */
export const DEFAULT_CONTEXT = 131072;

function chosenModels(ctx: TargetContext): ModelConfig[] {
  const { config } = ctx;
  const only = config.tools.opencode.models;
  const chat = config.models.filter((m) => !m.roles || m.roles.includes('chat'));
  if (!only) return chat.length ? chat : config.models;
  const problems: Problem[] = [];
  only.forEach((n, i) => {
    if (!config.models.some((m) => m.name === n)) {
      problems.push({
        ...ctx.loaded.at(['tools', 'opencode', 'models', i]),
        message: t('tools.opencode.unknownModel', { model: n }),
        hint: t('tools.useOneOf', { names: config.models.map((m) => m.name).join(', ') }),
      });
    }
  });
  if (problems.length) throw new LlmctlError(t('tools.badModel'), { problems, hint: t('tools.badModelHint') });
  return config.models.filter((m) => only.includes(m.name));
}

function modelEntry(m: ModelConfig): Record<string, unknown> {
  if (!m.maxTokens) return { name: m.name };
  const ctxSize = Number(m.modelInfo?.max_input_tokens);
  const context = Number.isInteger(ctxSize) && ctxSize > 0 ? ctxSize : DEFAULT_CONTEXT;
  return { name: m.name, limit: { context, output: m.maxTokens } };
}

export function opencodeWanted(ctx: TargetContext, keyRef: string): OpencodeWanted {
  const { config } = ctx;
  const models = chosenModels(ctx);
  if (!models.length) throw new LlmctlError(t('tools.opencode.noModels'), { hint: t('tools.opencode.noModelsHint') });
  const main = config.tools.opencode.model ?? models[0]!.name;
  if (!models.some((m) => m.name === main)) {
    throw new LlmctlError(t('tools.badModel'), {
      problems: [
        {
          ...ctx.loaded.at(['tools', 'opencode', 'model']),
          message: t('tools.opencode.unknownModel', { model: main }),
          hint: t('tools.useOneOf', { names: models.map((m) => m.name).join(', ') }),
        },
      ],
      hint: t('tools.badModelHint'),
    });
  }
  return {
    provider: {
      npm: '@ai-sdk/openai-compatible',
      name: 'llmctl',
      options: { baseURL: `${proxyRoot(config)}/v1`, apiKey: `{file:${keyRef}}` },
      models: Object.fromEntries(models.map((m) => [m.name, modelEntry(m)])),
    },
    model: `llmctl/${main}`,
    setDefault: config.tools.opencode.setDefault,
  };
}

function readState(ctx: TargetContext): OpencodeState {
  const s = ctx.state.targets.opencode as Partial<OpencodeState> | undefined;
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  return {
    keys: obj(s?.keys) as OpencodeState['keys'],
    originals: obj(s?.originals) as OpencodeState['originals'],
    ...(s?.createdProvider ? { createdProvider: true } : {}),
  };
}

/** opencode reads `{file:…}` as the whole file: the key alone, no line ending. */
const keyText = (key: string) => key;

export const opencodeTarget: Target = {
  name: 'opencode',
  label: tEn('tools.opencode.label'),
  enabled: (config: LlmctlConfig) => config.tools.opencode.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const file = await configFile(ctx);
    const { key: keyFile, keyRef } = opencodeFiles(ctx.platform);
    const before = await readSettled(file);
    const keyBefore = await readSettled(keyFile);
    const prev = readState(ctx);
    const wanted = opencodeWanted(ctx, keyRef);
    const { patchOpencodeConfig } = await import('./opencode-patch.js');
    const patch = (text: string | null) => {
      const r = patchOpencodeConfig(text, file, wanted, prev, { force: ctx.force });
      assertNoLeak(r.text, [...ctx.secrets.values(), ctx.toolKey], file, text);
      return r;
    };
    const r = patch(before);
    const repatch = async (text: string | null) => {
      const again = patch(text);
      return { after: again.text, state: again.state };
    };
    const files: PlannedFile[] = [
      { path: file, label: tEn('tools.opencode.label'), before, after: r.text, mode: 0o644, repatch },
      {
        path: keyFile,
        label: tEn('tools.opencode.keyLabel'),
        before: keyBefore,
        after: keyText(ctx.toolKey),
        mode: 0o600,
        secret: true,
      },
    ];
    return { target: 'opencode', files, warnings: r.warnings, conflicts: r.conflicts, state: r.state };
  },
  unlink: planOpencodeUnlink,
  files: (platform) => {
    const f = opencodeFiles(platform);
    return [f.config, `${f.config}c`, f.key];
  },
};

/** `llmctl unlink opencode`: provider.llmctl and the key file go; the model gets back its old value. */
export async function planOpencodeUnlink(ctx: TargetContext): Promise<TargetPlan> {
  const file = await configFile(ctx);
  const { key: keyFile } = opencodeFiles(ctx.platform);
  const before = await readToolFile(file);
  const keyBefore = await readToolFile(keyFile);
  const files: PlannedFile[] = [];
  const warnings: Problem[] = [];
  if (before !== null) {
    const { patchOpencodeConfig } = await import('./opencode-patch.js');
    const r = patchOpencodeConfig(before, file, undefined, readState(ctx), { force: ctx.force });
    files.push({ path: file, label: tEn('tools.opencode.label'), before, after: r.text });
    warnings.push(...r.warnings);
  }
  if (keyBefore !== null)
    files.push({ path: keyFile, label: tEn('tools.opencode.keyLabel'), before: keyBefore, after: null, secret: true });
  return {
    target: 'opencode',
    files,
    warnings,
    conflicts: [],
    state: { keys: {}, originals: {} } satisfies OpencodeState,
  };
}
