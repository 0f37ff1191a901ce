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
 * Gemini CLI (npm `@google/gemini-cli`), checked against 0.61.0 (its bundle):
 * - It speaks Gemini's API (`POST {base}/v1beta/models/{model}:streamGenerateContent`), to
 *   `GOOGLE_GEMINI_BASE_URL` when set, with `GEMINI_API_KEY` as the `x-goog-api-key` header.
 *   LiteLLM (1.108.7, proxy/google_endpoints) serves those routes for any model_name and translates
 *   them to the deployment's own API (chat completions for openai/ models); it takes the proxy key
 *   from x-goog-api-key.
 * - Both variables go into `~/.gemini/.env` (0600), which Gemini CLI loads when neither the project
 *   nor its parents have a .env of their own (findEnvFile stops at the first one it finds), and only
 *   in a trusted folder (folder trust is on by default: the user answers its prompt once; headless,
 *   GEMINI_CLI_TRUST_WORKSPACE=true). In an untrusted folder it fails asking for GEMINI_API_KEY
 *   rather than going around the proxy.
 * - `~/.gemini/settings.json` (JSON with comments): `security.auth.selectedType: "gemini-api-key"`
 *   and `model.name`, only when the user lets llmctl (tools.gemini.setDefault, or nothing there).
 * - No per-model output limit is written: Gemini CLI has no simple per-model setting for it.
 */

export const GEMINI_ENV = { base: 'GOOGLE_GEMINI_BASE_URL', key: 'GEMINI_API_KEY' } as const;

export function geminiFiles(platform: Platform): { settings: string; env: string } {
  const dir = platform.path.join(platform.homedir, '.gemini');
  return { settings: platform.path.join(dir, 'settings.json'), env: platform.path.join(dir, '.env') };
}

function chooseModel(ctx: TargetContext): string {
  const { config } = ctx;
  const names = config.models.map((m) => m.name);
  if (!names.length) throw new LlmctlError(t('tools.gemini.noModels'), { hint: t('tools.gemini.noModelsHint') });
  const model =
    config.tools.gemini.model ?? config.models.find((m) => !m.roles || m.roles.includes('chat'))?.name ?? names[0]!;
  if (!names.includes(model)) {
    throw new LlmctlError(t('tools.badModel'), {
      problems: [
        {
          ...ctx.loaded.at(['tools', 'gemini', 'model']),
          message: t('tools.gemini.unknownModel', { model }),
          hint: t('tools.useOneOf', { names: names.join(', ') }),
        },
      ],
      hint: t('tools.badModelHint'),
    });
  }
  return model;
}

export function geminiWanted(ctx: TargetContext): QwenWanted {
  return {
    own: [],
    defaults: [
      ['model.name', chooseModel(ctx)],
      ['security.auth.selectedType', 'gemini-api-key'],
    ],
    setDefault: ctx.config.tools.gemini.setDefault,
  };
}

export const geminiTarget: Target = {
  name: 'gemini',
  label: tEn('tools.gemini.label'),
  enabled: (config) => config.tools.gemini.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const { settings: file, env: envFile } = geminiFiles(ctx.platform);
    const before = await readSettled(file);
    const envBefore = await readSettled(envFile);
    const prev = readSettingsState(ctx.state.targets.gemini);
    const wanted = geminiWanted(ctx);
    const { patchQwenSettings } = await import('./qwen-patch.js');
    const patch = (text: string | null) => {
      const r = patchQwenSettings(text, file, wanted, prev, { force: ctx.force, tool: 'gemini' });
      assertNoLeak(r.text, [...ctx.secrets.values(), ctx.toolKey], file, text);
      return r;
    };
    const r = patch(before);
    const env = { [GEMINI_ENV.base]: proxyRoot(ctx.config), [GEMINI_ENV.key]: ctx.toolKey };
    const after = before === null && r.text === '' ? null : r.text;
    const files: PlannedFile[] = [
      {
        path: file,
        label: tEn('tools.gemini.label'),
        before,
        after,
        mode: 0o644,
        repatch: async (text) => {
          const again = patch(text);
          return { after: again.text, state: { ...again.state, env: Object.keys(env) } };
        },
      },
      {
        path: envFile,
        label: tEn('tools.gemini.envLabel'),
        before: envBefore,
        after: patchEnvFile(envBefore, env, prev.env),
        mode: 0o600,
        secret: true,
        repatch: async (text) => ({ after: patchEnvFile(text, env, prev.env) }),
      },
    ];
    const state = { ...r.state, env: Object.keys(env) };
    return { target: 'gemini', files, warnings: r.warnings, conflicts: r.conflicts, state };
  },
  unlink: planGeminiUnlink,
  files: (platform) => Object.values(geminiFiles(platform)),
};

/** `llmctl unlink gemini`: llmctl's .env lines go; the settings get back what they held before. */
export async function planGeminiUnlink(ctx: TargetContext): Promise<TargetPlan> {
  const { settings: file, env: envFile } = geminiFiles(ctx.platform);
  const before = await readToolFile(file);
  const envBefore = await readToolFile(envFile);
  const prev = readSettingsState(ctx.state.targets.gemini);
  const files: PlannedFile[] = [];
  const warnings: Problem[] = [];
  if (before !== null) {
    const { patchQwenSettings } = await import('./qwen-patch.js');
    const r = patchQwenSettings(before, file, undefined, prev, { force: ctx.force, tool: 'gemini' });
    files.push({ path: file, label: tEn('tools.gemini.label'), before, after: r.text });
    warnings.push(...r.warnings);
  }
  if (envBefore !== null) {
    const envAfter = patchEnvFile(envBefore, {}, prev.env);
    files.push({
      path: envFile,
      label: tEn('tools.gemini.envLabel'),
      before: envBefore,
      after: envAfter === '' ? null : envAfter,
      secret: true,
    });
  }
  return { target: 'gemini', files, warnings, conflicts: [], state: { keys: {}, originals: {}, created: [], env: [] } };
}
