import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError, type Problem } from '../errors.js';
import { readSettled } from '../fs/txn.js';
import { t, tEn } from '../i18n/index.js';
import type { Platform } from '../platform/index.js';
import { proxyRoot } from '../proxy/endpoint.js';
import type { CodexState, CodexWanted } from './codex-patch.js';
import { hasLoneSurrogate } from './codex-toml.js';
import { patchEnvFile } from './dotenv.js';
import { assertNoLeak } from './managed.js';
import { readToolFile } from './read-tool-file.js';
import type { PlannedFile, Target, TargetContext, TargetPlan } from './types.js';

/**
 * Codex CLI (npm `@openai/codex`), checked against codex-cli 0.171.0 (its source, openai/codex
 * codex-rs, and the binary itself):
 * - `$CODEX_HOME/config.toml`, CODEX_HOME defaulting to ~/.codex (%USERPROFILE%\.codex on Windows).
 * - `[model_providers.<id>]`: `name`, `base_url` (Codex appends /responses), `env_key` (the NAME of an
 *   environment variable holding the key, sent as `Authorization: Bearer`), `wire_api = "responses"`
 *   (the only value 0.171 accepts: `wire_api = "chat"` is no longer supported). Top-level
 *   `model_provider` picks the provider, `model` the model.
 * - Codex loads `$CODEX_HOME/.env` into its environment at start (codex-rs/arg0 load_dotenv; names
 *   starting with CODEX_ are ignored): the proxy key goes there, 0600, never into config.toml.
 * - Codex has no per-model output limit setting (no model_max_output_tokens in 0.171) and sends no
 *   max_output_tokens of its own: the proxy's model params (max_tokens) cap a model instead.
 * - It speaks only the Responses API: LiteLLM serves /v1/responses to a chat-completions-only
 *   upstream through its Responses→chat bridge (litellm_params.use_chat_completions_api, see
 *   codex-litellm.ts).
 */

/** The env var Codex reads the proxy key from (set in $CODEX_HOME/.env). */
export const CODEX_KEY_ENV = 'LLMCTL_PROXY_KEY';

export function codexHome(platform: Platform): string {
  const env = platform.env.CODEX_HOME;
  return env ? platform.path.resolve(env) : platform.path.join(platform.homedir, '.codex');
}

export function codexFiles(platform: Platform): { config: string; env: string } {
  const home = codexHome(platform);
  return { config: platform.path.join(home, 'config.toml'), env: platform.path.join(home, '.env') };
}

/** The proxy model Codex uses: tools.codex.model, else the first chat model. */
export function chooseCodexModel(ctx: Pick<TargetContext, 'config' | 'loaded'>): string {
  const { config } = ctx;
  const names = config.models.map((m) => m.name);
  if (!names.length) throw new LlmctlError(t('tools.codex.noModels'), { hint: t('tools.codex.noModelsHint') });
  const chosen = config.tools.codex.model;
  const model = chosen ?? config.models.find((m) => !m.roles || m.roles.includes('chat'))?.name ?? names[0]!;
  const problems: Problem[] = [];
  if (!names.includes(model)) {
    problems.push({
      ...ctx.loaded.at(['tools', 'codex', 'model']),
      message: t('tools.codex.unknownModel', { model }),
      hint: t('tools.useOneOf', { names: names.join(', ') }),
    });
  }
  if (hasLoneSurrogate(model)) {
    problems.push({
      ...ctx.loaded.at(['tools', 'codex', 'model']),
      message: t('tools.loneSurrogate', { name: JSON.stringify(model) }),
      hint: t('tools.loneSurrogateHint'),
    });
  }
  if (problems.length) throw new LlmctlError(t('tools.badModel'), { problems, hint: t('tools.badModelHint') });
  return model;
}

/** What llmctl wants in config.toml. */
export function codexWanted(config: LlmctlConfig, model: string): CodexWanted {
  return {
    provider: [
      ['name', 'llmctl'],
      ['base_url', `${proxyRoot(config)}/v1`],
      ['env_key', CODEX_KEY_ENV],
      ['wire_api', 'responses'],
    ],
    top: [
      ['model', model],
      ['model_provider', 'llmctl'],
    ],
    setDefault: config.tools.codex.setDefault,
  };
}

function readCodexState(ctx: TargetContext): CodexState {
  const s = ctx.state.targets.codex as Partial<CodexState> | undefined;
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  return {
    keys: obj(s?.keys) as CodexState['keys'],
    originals: obj(s?.originals) as CodexState['originals'],
    env: Array.isArray(s?.env) ? s.env : [],
  };
}

export const codexTarget: Target = {
  name: 'codex',
  label: tEn('tools.codex.label'),
  enabled: (config) => config.tools.codex.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const { config: file, env: envFile } = codexFiles(ctx.platform);
    const before = await readSettled(file);
    const envBefore = await readSettled(envFile);
    const prev = readCodexState(ctx);
    const wanted = codexWanted(ctx.config, chooseCodexModel(ctx));
    const { patchCodexConfig } = await import('./codex-patch.js');
    const patch = async (text: string | null) => {
      const r = await patchCodexConfig(text, file, wanted, prev, { force: ctx.force });
      // config.toml is the file users share: no key of any kind goes into it.
      assertNoLeak(r.text, [...ctx.secrets.values(), ctx.toolKey], file, text);
      return r;
    };
    const r = await patch(before);
    const env = { [CODEX_KEY_ENV]: ctx.toolKey };
    const after = before === null && r.text === '' ? null : r.text;
    const envAfter = patchEnvFile(envBefore, env, prev.env);
    const repatch = async (text: string | null) => {
      const again = await patch(text);
      return { after: again.text, state: { ...again.state, env: Object.keys(env) } satisfies CodexState };
    };
    const files: PlannedFile[] = [
      { path: file, label: tEn('tools.codex.label'), before, after, mode: 0o644, repatch },
      {
        path: envFile,
        label: tEn('tools.codex.envLabel'),
        before: envBefore,
        after: envAfter,
        mode: 0o600,
        secret: true,
        repatch: async (text) => ({ after: patchEnvFile(text, env, prev.env) }),
      },
    ];
    const state: CodexState = { ...r.state, env: Object.keys(env) };
    return { target: 'codex', files, warnings: r.warnings, conflicts: r.conflicts, state };
  },
  unlink: planCodexUnlink,
  files: (platform) => Object.values(codexFiles(platform)),
};

/** `llmctl unlink codex`: llmctl's provider table and .env line go; the top-level keys get their old values. */
export async function planCodexUnlink(ctx: TargetContext): Promise<TargetPlan> {
  const { config: file, env: envFile } = codexFiles(ctx.platform);
  const before = await readToolFile(file);
  const envBefore = await readToolFile(envFile);
  const prev = readCodexState(ctx);
  const files: PlannedFile[] = [];
  const warnings: Problem[] = [];
  if (before !== null) {
    const { unlinkCodexConfig } = await import('./codex-patch.js');
    const r = await unlinkCodexConfig(before, file, prev, ctx.force);
    files.push({ path: file, label: tEn('tools.codex.label'), before, after: r.text });
    warnings.push(...r.warnings);
  }
  if (envBefore !== null) {
    const envAfter = patchEnvFile(envBefore, {}, prev.env);
    files.push({
      path: envFile,
      label: tEn('tools.codex.envLabel'),
      before: envBefore,
      after: envAfter === '' ? null : envAfter,
      secret: true,
    });
  }
  const state: CodexState = { keys: {}, originals: {}, env: [] };
  return { target: 'codex', files, warnings, conflicts: [], state };
}
