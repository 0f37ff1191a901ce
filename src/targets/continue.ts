import { currentLocale, t } from '../i18n/index.js';
import type { LlmctlConfig, ModelConfig } from '../config/schema.js';
import { LlmctlError, type Problem } from '../errors.js';
import { readSettled } from '../fs/txn.js';
import { cacheKey, readCache, writeCache } from '../fs/cache.js';
import { llmctlVersion } from '../version.js';
import { envNameFor, resolveKeyRef } from '../secrets/refs.js';
import { deploymentsOf } from '../config/deployments.js';
import { proxyRoot } from '../proxy/endpoint.js';
import type { ContinueEntry, ContinuePatchResult, ContinueState } from './continue-patch.js';
import { patchEnvFile } from './dotenv.js';
import { readToolFile, withDepthGuard } from './read-tool-file.js';
import { assertNoLeak, sameValue } from './managed.js';
import { continueEntryShape } from './continue-entry.js';
import type { PlannedFile, Target, TargetContext, TargetPlan } from './types.js';

/** The name under which Continue finds the proxy key: `${{ secrets.LLMCTL_PROXY_KEY }}` → ~/.continue/.env. */
export const PROXY_SECRET = 'LLMCTL_PROXY_KEY';

export const DEFAULT_ROLES = ['chat', 'edit', 'apply'];

const secretRef = (name: string) => `\${{ secrets.${name} }}`;

function chosenModels(ctx: TargetContext): ModelConfig[] {
  const { config } = ctx;
  const only = config.tools.continue.models;
  if (!only) return config.models;
  const problems: Problem[] = [];
  only.forEach((n, i) => {
    if (!config.models.some((m) => m.name === n)) {
      problems.push({
        ...ctx.loaded.at(['tools', 'continue', 'models', i]),
        message: t('targets.continueUnknownModel', { name: n }),
        hint: t('targets.useOneOf', { names: config.models.map((m) => m.name).join(', ') }),
      });
    }
  });
  if (problems.length)
    throw new LlmctlError(t('targets.continueUnknownModels'), { problems, hint: t('targets.fixConfig') });
  return config.models.filter((m) => only.includes(m.name));
}

/** Fields common to both modes: roles, token limit, the user's pass-through (chatOptions…). */
function finish(base: Record<string, unknown>, m: ModelConfig): Record<string, unknown> {
  const extra = { ...(m.continue ?? {}) };
  const core = new Set(['name', 'provider', 'model', 'apiBase', 'apiKey']);
  for (const k of core) delete extra[k];
  const entry: Record<string, unknown> = { ...base, roles: m.roles ?? DEFAULT_ROLES };
  const dco = { ...((extra.defaultCompletionOptions as Record<string, unknown> | undefined) ?? {}) };
  delete extra.defaultCompletionOptions;
  // Continue reads defaultCompletionOptions.maxTokens; the `max-tokens` some configs carry is silently ignored.
  if (m.maxTokens) dco.maxTokens = m.maxTokens;
  if (Object.keys(dco).length) entry.defaultCompletionOptions = dco;
  return { ...entry, ...extra };
}

/** What llmctl wants in Continue: its model entries and the .env lines they refer to. */
export function continueWanted(ctx: TargetContext): {
  entries: ContinueEntry[];
  env: Record<string, string>;
  warnings: Problem[];
} {
  const { config } = ctx;
  const via = config.tools.continue.via;
  const entries: ContinueEntry[] = [];
  const env: Record<string, string> = {};
  const warnings: Problem[] = [];
  const models = chosenModels(ctx);
  refuseTemplates(ctx, models);
  for (const m of models) {
    if (via === 'proxy') {
      entries.push({
        name: m.name,
        entry: finish(
          {
            name: m.name,
            provider: 'openai',
            model: m.name,
            apiBase: `${proxyRoot(config)}/v1`,
            apiKey: secretRef(PROXY_SECRET),
          },
          m,
        ),
      });
      env[PROXY_SECRET] = ctx.toolKey;
      continue;
    }
    entries.push({ name: m.name, entry: finish(directBase(ctx, config, m, env, warnings), m) });
  }
  return { entries, env, warnings };
}

/**
 * Continue renders `${{ secrets.X }}` / `${{ inputs.X }}` anywhere in the raw text of config.yaml
 * (@continuedev/config-yaml fillTemplateVariables: a regex over the whole file, no escape), so a model
 * name such as `${{ secrets.OPENAI_API_KEY }}` becomes the user's key, sent upstream as the model
 * name. A YAML escape (`\x24{{`) would not hold either: Continue re-renders the YAML it re-dumps.
 * So a value llmctl writes that Continue would expand is refused where it comes from. The `continue:`
 * pass-through is left alone: the user writes Continue's own syntax there on purpose.
 */
export const CONTINUE_TEMPLATE = /\$\{\{/;

function refuseTemplates(ctx: TargetContext, models: ModelConfig[]): void {
  const { config } = ctx;
  const problems: Problem[] = [];
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== 'string' || !CONTINUE_TEMPLATE.test(value)) return;
    problems.push({
      ...ctx.loaded.at(path),
      message: t('targets.template'),
      hint: t('targets.templateHint'),
    });
  };
  const providers = new Set<string>();
  for (const m of models) {
    const i = config.models.indexOf(m);
    check(m.name, ['models', i, 'name']);
    check(m.model, ['models', i, 'model']);
    check(m.apiBase, ['models', i, 'apiBase']);
    if (m.provider) providers.add(m.provider);
    (m.deployments ?? []).forEach((d, j) => {
      check(d.model, ['models', i, 'deployments', j, 'model']);
      check(d.apiBase, ['models', i, 'deployments', j, 'apiBase']);
      providers.add(d.provider);
    });
  }
  for (const p of providers) check(config.providers[p]?.apiBase, ['providers', p, 'apiBase']);
  if (config.tools.continue.via === 'proxy') check(config.proxy.host, ['proxy', 'host']);
  if (problems.length) {
    throw new LlmctlError(t('targets.templates', { n: problems.length }), {
      problems,
      hint: t('targets.fixConfigNoFile'),
    });
  }
}

function directBase(
  ctx: TargetContext,
  config: LlmctlConfig,
  m: ModelConfig,
  env: Record<string, string>,
  warnings: Problem[],
): Record<string, unknown> {
  const ds = deploymentsOf(m);
  const d = ds[0]!;
  if (ds.length > 1) {
    warnings.push({
      ...ctx.loaded.at(['models', config.models.indexOf(m), 'deployments']),
      message: t('targets.firstDeployment', { name: m.name, n: ds.length }),
      hint: t('targets.firstDeploymentHint'),
    });
  }
  const provider = config.providers[d.provider]!;
  const preset = ctx.loaded.presets.get(provider.preset)!;
  const apiBase = d.apiBase ?? m.apiBase ?? provider.apiBase ?? preset.apiBase;
  const base: Record<string, unknown> = {
    name: m.name,
    provider: preset.continueProvider,
    model: d.model ?? m.model ?? m.name,
  };
  if (apiBase) base.apiBase = apiBase;
  if (provider.apiKey) {
    const name = envNameFor(provider.apiKey);
    const value = resolveKeyRef(provider.apiKey, ctx.secrets, ctx.platform.env);
    base.apiKey = secretRef(name);
    if (value !== undefined) env[name] = value;
    else
      warnings.push({
        ...ctx.loaded.at(['providers', d.provider, 'apiKey']),
        group: { kind: 'no-key', name: d.provider },
        message: t('targets.continueNoKey', { ref: provider.apiKey, name, model: m.name }),
        hint: t('targets.continueNoKeyHint'),
      });
  }
  return base;
}

/**
 * A user's entry with a managed model's name is left alone — unless llmctl.yaml's model is exactly
 * what `llmctl import continue` makes of that entry: then the user handed it over, and it is adopted.
 */
export function wasImported(config: LlmctlConfig, name: string, current: unknown): boolean {
  const shape = continueEntryShape(current);
  const m = config.models.find((x) => x.name === name);
  if (!shape || !m || m.deployments) return false;
  const mine = {
    name: m.name,
    ...((m.model ?? m.name) !== m.name ? { model: m.model } : {}),
    ...(m.roles ? { roles: m.roles } : {}),
    ...(m.maxTokens ? { maxTokens: m.maxTokens } : {}),
    ...(m.continue ? { continue: m.continue } : {}),
  };
  return sameValue(mine, shape);
}

/** The managed model a user's entry of another name was imported as (see wasImported), if any. */
export function importedAs(config: LlmctlConfig, current: unknown): string | undefined {
  const shape = continueEntryShape(current);
  return shape && wasImported(config, shape.name, current) ? shape.name : undefined;
}

function readContinueState(ctx: TargetContext): ContinueState {
  const s = ctx.state.targets.continue as Partial<ContinueState> | undefined;
  return { models: s?.models && typeof s.models === 'object' ? s.models : {}, env: Array.isArray(s?.env) ? s.env : [] };
}

type Wanted = ReturnType<typeof continueWanted>;
type Patch = (text: string | null, owned: Record<string, string>, force: boolean) => Promise<ContinuePatchResult>;

/**
 * The patch of config.yaml, pure in its inputs: the same file, wanted entries, ownership record and
 * llmctl.yaml give the same result, so it is reused from the cache (the yaml library is not even
 * loaded then).
 */
function continuePatcher(ctx: TargetContext, file: string, w: Wanted): { patch: Patch; cached: Patch } {
  const adopt = (name: string, current: unknown) => wasImported(ctx.config, name, current);
  const key = (text: string | null, owned: Record<string, string>, force: boolean) =>
    cacheKey(
      'continue',
      llmctlVersion(),
      file,
      text,
      JSON.stringify(w.entries),
      JSON.stringify(owned),
      String(force),
      JSON.stringify(ctx.config),
      // The cached result holds its warnings as text: in the language of the run that made them.
      currentLocale(),
    );
  const patch: Patch = async (text, owned, force) => {
    const { patchContinueConfig } = await import('./continue-patch.js');
    return withDepthGuard(file, () =>
      patchContinueConfig(text, file, w.entries, owned, {
        force,
        adopt,
        importedAs: (current) => importedAs(ctx.config, current),
      }),
    );
  };
  const cached: Patch = async (text, owned, force) => {
    const hit = readCache<ContinuePatchResult>(ctx.paths.cache, 'continue', key(text, owned, force));
    if (hit) return hit;
    const r = await patch(text, owned, force);
    // Cache what the next run sees if nobody touches the file: this sync's output and ownership
    // record. `status` and `sync --check` after a sync then skip the yaml work entirely.
    const same = r.text === text && !force && JSON.stringify(r.models) === JSON.stringify(owned);
    const next = same ? r : await patch(r.text, r.models, false);
    writeCache(ctx.paths.cache, 'continue', key(r.text, r.models, false), next);
    return r;
  };
  return { patch, cached };
}

/**
 * Continue polls config.yaml but reads .env only when the IDE starts. Said only when an existing .env
 * changed: on a first sync it was one more warning for a new user who has not opened the IDE.
 */
function envChangedWarning(envFile: string, before: string | null, after: string | null): Problem[] {
  if (after === before || after === null || before === null) return [];
  return [{ file: envFile, message: t('targets.envChanged'), hint: t('targets.envChangedHint') }];
}

// i18n-ignore: a label names a file; it is also in --json and in the test step log
const LABEL = 'Continue config';

export const continueTarget: Target = {
  name: 'continue',
  label: LABEL,
  enabled: (config) => config.tools.continue.enabled,
  async plan(ctx): Promise<TargetPlan> {
    const file = ctx.paths.continueConfig;
    const envFile = ctx.paths.continueEnv;
    const before = await readSettled(file);
    const envBefore = await readSettled(envFile);
    const prev = readContinueState(ctx);
    const w = continueWanted(ctx);
    const { patch, cached } = continuePatcher(ctx, file, w);
    const r = await cached(before, prev.models, ctx.force);
    const keys = [...ctx.secrets.values(), ctx.toolKey];
    assertNoLeak(r.text, keys, file, before);
    const envAfter = patchEnvFile(envBefore, w.env, prev.env);
    const warnings = [...w.warnings, ...r.warnings, ...envChangedWarning(envFile, envBefore, envAfter)];
    // Redone from new text when the IDE or the user writes a file while the sync runs.
    const repatch = async (text: string | null) => {
      const again = await patch(text, prev.models, ctx.force);
      assertNoLeak(again.text, keys, file, text);
      return { after: again.text, state: { models: again.models, env: Object.keys(w.env) } satisfies ContinueState };
    };
    const envRepatch = async (text: string | null) => ({ after: patchEnvFile(text, w.env, prev.env) });
    const files: PlannedFile[] = [{ path: file, label: LABEL, before, after: r.text, mode: 0o644, repatch }];
    if (envAfter !== null || envBefore !== null) {
      const env = { before: envBefore, after: envAfter, mode: 0o600, secret: true, repatch: envRepatch };
      files.push({ path: envFile, label: 'Continue .env', ...env });
    }
    const state: ContinueState = { models: r.models, env: Object.keys(w.env) };
    return { target: 'continue', files, warnings, conflicts: r.conflicts, state };
  },
};

/**
 * `llmctl unlink continue`: the models llmctl added and its .env line go; an entry edited by hand
 * since llmctl wrote it stays (reported: it is the user's now) unless forced. Everything else in
 * both files keeps its bytes, so a file llmctl only patched gets back its original text.
 */
export async function planContinueUnlink(ctx: TargetContext): Promise<TargetPlan> {
  const file = ctx.paths.continueConfig;
  const envFile = ctx.paths.continueEnv;
  const before = await readToolFile(file);
  const envBefore = await readToolFile(envFile);
  const prev = readContinueState(ctx);
  const files: PlannedFile[] = [];
  const warnings: Problem[] = [];
  if (before !== null && before.trim() !== '') {
    const { patchContinueConfig } = await import('./continue-patch.js');
    const r = withDepthGuard(file, () => patchContinueConfig(before, file, [], prev.models, { force: ctx.force }));
    files.push({ path: file, label: LABEL, before, after: r.text });
    warnings.push(...r.warnings);
  }
  if (envBefore !== null) {
    const envAfter = patchEnvFile(envBefore, {}, prev.env);
    // Only llmctl's lines were in it: the file goes too.
    files.push({
      path: envFile,
      label: 'Continue .env',
      before: envBefore,
      after: envAfter === '' ? null : envAfter,
      secret: true,
    });
  }
  return { target: 'continue', files, warnings, conflicts: [], state: { models: {}, env: [] } satisfies ContinueState };
}
