import { loadConfig, type LoadedConfig } from '../config/load.js';
import { LlmctlError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import path from 'node:path';
import type { BackupManifest } from '../fs/backup.js';
import { readTextIfExists, resolveWriteTarget } from '../fs/atomic.js';
import { flushCache } from '../fs/cache.js';
import { withLock } from '../fs/lock.js';
import { commitFiles, removeStaleTemps, step, type Repatched } from '../fs/txn.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { envVarOf, keyRefsInConfig, parseKeyRef, resolveKeyRef, secretNameOf } from '../secrets/refs.js';
import { SecretStore, generateMasterKey } from '../secrets/store.js';
import { isClientMode, masterKeyRef, toolKeyRef } from '../config/master-key.js';
import type { GatewayModels } from '../proxy/gateway.js';
import { loadTarget } from '../targets/index.js';
import {
  TARGET_NAMES,
  type PlannedFile,
  type TargetContext,
  type TargetName,
  type TargetPlan,
} from '../targets/types.js';
import { readState, stateText, writeState, type State } from './state.js';

export interface SyncOptions {
  only?: TargetName[];
  force?: boolean;
  confirm?: (q: string) => Promise<boolean | undefined>;
  /** An already-open store holding keys not saved yet (init plans before it writes anything). */
  secrets?: SecretStore;
  /** Client mode: fetch the gateway's model list again instead of using the cached one. */
  refresh?: boolean;
  /** Client mode: the model list this run already has (a replan reuses it). */
  gateway?: GatewayModels;
}

export interface SyncSession {
  ctx: TargetContext;
  plans: TargetPlan[];
  /** True when the master key was generated now and must be saved with the plan. */
  generatedMasterKey: boolean;
  /** Other secrets a target generated on first need (Open WebUI's session key), saved like the master key. */
  generatedSecrets: Map<string, string>;
  /** `env:` keys this shell lacks (from this run's environment, never from a cache). */
  keyWarnings: Problem[];
  /** Client mode: the gateway's models the tools were given (saved to the cache when fresh and applied). */
  gateway?: GatewayModels;
  /** Plans again from the files as they are now (applySync, when something changed since planning). */
  replan?: () => Promise<SyncSession>;
}

export function parseOnly(value: string | undefined): TargetName[] | undefined {
  if (!value) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) {
    if (!(TARGET_NAMES as readonly string[]).includes(n)) {
      throw new LlmctlError(t('sync.unknownTarget', { name: n }), {
        exitCode: 2,
        hint: t('sync.unknownTargetHint', { names: TARGET_NAMES.join(', ') }),
      });
    }
  }
  return names as TargetName[];
}

/** Loads everything a sync needs and plans every enabled target; writes nothing. */
export async function planSync(
  platform: Platform,
  paths: Paths,
  options: SyncOptions = {},
  loaded?: LoadedConfig,
): Promise<SyncSession> {
  const l = loaded ?? (await loadConfig(paths.config, { cacheDir: paths.cache }));
  const secrets = options.secrets ?? (await SecretStore.open(paths.secrets));
  const state = await readState(paths.state);
  const { config } = l;

  const keyWarnings = refuseMissingKeys(l, secrets, platform.env);
  const key = await toolKey(l, secrets, platform.env);
  const client = isClientMode(config)
    ? await gatewayConfig(l, key.value, paths, options)
    : { config, warnings: [] as Problem[], gateway: undefined };

  const generatedSecrets = new Map<string, string>();
  const ctx: TargetContext = {
    loaded: l,
    config: client.config,
    paths,
    platform,
    secrets,
    state,
    force: options.force ?? false,
    masterKey: key.value,
    toolKey: key.value,
    ...(options.confirm ? { confirm: options.confirm } : {}),
    generatedSecret: generateOnce(secrets, generatedSecrets),
  };
  const names = TARGET_NAMES.filter((n) => !options.only || options.only.includes(n));
  const plans: TargetPlan[] = [];
  // Plan every target before writing any: if one cannot be parsed, nothing is written.
  for (const name of names) {
    const target = await loadTarget(name);
    if (!target.enabled(config)) continue;
    plans.push(await target.plan(ctx));
  }
  // Again from disk: llmctl.yaml, the store and the tool files as they are then (not the gateway).
  const { secrets: _planned, ...again } = options;
  const gateway = client.gateway ? { gateway: client.gateway } : {};
  return {
    ctx,
    plans,
    generatedMasterKey: key.generated,
    generatedSecrets,
    keyWarnings: [...keyWarnings, ...client.warnings],
    ...gateway,
    replan: () => planSync(platform, paths, { ...again, ...gateway }),
  };
}

/** Throws for keys llmctl.yaml uses and neither the store nor the environment has; returns the warnings. */
function refuseMissingKeys(l: LoadedConfig, secrets: SecretStore, env: NodeJS.ProcessEnv): Problem[] {
  const { errors, warnings } = missingKeys(l, secrets, env);
  if (errors.length) {
    throw new LlmctlError(t('sync.keysMissing', { n: errors.length, file: l.file }), {
      problems: errors,
      hint: t('sync.keysMissingHint'),
    });
  }
  return warnings;
}

/** A target's secret made on first need (Open WebUI's session key): kept in the store, noted to be saved. */
function generateOnce(secrets: SecretStore, generated: Map<string, string>): TargetContext['generatedSecret'] {
  return (name, make) => {
    const have = secrets.get(name);
    if (have !== undefined) return have;
    const value = make();
    secrets.set(name, value);
    generated.set(name, value);
    return value;
  };
}

/**
 * The key the tools send: the master key (generated on first need, saved only if the sync is
 * applied), or in client mode the user's key for the gateway, which llmctl never invents.
 */
async function toolKey(
  l: LoadedConfig,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
): Promise<{ value: string; generated: boolean }> {
  const ref = toolKeyRef(l.config);
  const value = resolveKeyRef(ref, secrets, env);
  if (value !== undefined) return { value, generated: false };
  if (isClientMode(l.config)) {
    const { keyHint } = await import('../proxy/gateway.js');
    throw new LlmctlError(t('gateway.keyUnset', { ref }), {
      problems: [{ ...l.at(['proxy', 'key']), message: t('gateway.keyUnset', { ref }) }],
      hint: keyHint(ref),
    });
  }
  const stored = secretNameOf(ref);
  if (!stored) {
    throw new LlmctlError(t('sync.masterKeyUnset', { ref }), {
      hint: t('sync.masterKeyUnsetHint', { name: envVarOf(ref) ?? ref }),
    });
  }
  const generated = generateMasterKey();
  secrets.set(stored, generated);
  return { value: generated, generated: true };
}

/** Client mode: the config with the gateway's models (cached, or fetched), and warnings about them. */
async function gatewayConfig(
  l: LoadedConfig,
  key: string,
  paths: Paths,
  options: SyncOptions,
): Promise<{ config: LoadedConfig['config']; warnings: Problem[]; gateway: GatewayModels }> {
  const { gatewayModels, withGatewayModels } = await import('../proxy/gateway.js');
  const gateway =
    options.gateway ??
    (await gatewayModels(l.config, key, { cacheDir: paths.cache, file: l.file, refresh: options.refresh ?? false }));
  return { ...withGatewayModels(l, gateway), gateway };
}

/**
 * The keys llmctl.yaml references that cannot be found. A `secret:` reference missing from the store
 * is an error (the caller refuses the sync): nothing could ever use it. A missing `env:` variable is
 * only a warning (never added to the validated config, which the cache keeps): it is read when the
 * proxy starts, maybe in another shell, and each run asks this shell anew. Every reference counts
 * (provider keys and credentials in params or settings); the master key is generated on first need
 * instead.
 */
export function missingKeys(
  l: LoadedConfig,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv,
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const use of keyRefsInConfig(l.config)) {
    if (use.usedBy === 'proxy.masterKey' || resolveKeyRef(use.ref, secrets, env) !== undefined) continue;
    const ref = parseKeyRef(use.ref);
    const at = l.at(use.path);
    const provider = use.path[0] === 'providers' ? String(use.path[1]) : 'NAME';
    if (ref.kind === 'secret') {
      errors.push({
        ...at,
        message: t('sync.secretMissing', { name: ref.name }),
        hint: t('sync.secretMissingHint', { name: ref.name }),
      });
    } else {
      warnings.push({
        ...at,
        ...(provider !== 'NAME' ? { group: { kind: 'no-key' as const, name: provider } } : {}),
        message: t('sync.envUnset', { name: ref.name }),
        hint: t('sync.envUnsetHint', { provider }),
      });
    }
  }
  return { errors, warnings };
}

export function changedFiles(plans: TargetPlan[]): PlannedFile[] {
  return plans.flatMap((p) => p.files).filter((f) => f.before !== f.after);
}

export function allWarnings(plans: TargetPlan[]): Problem[] {
  return plans.flatMap((p) => [...p.warnings, ...p.conflicts]);
}

export function secretValues(s: SyncSession): string[] {
  return [...s.ctx.secrets.values(), s.ctx.toolKey];
}

/** One unified diff per file, every credential masked (llmctl's keys and anything shaped like one). */
export async function renderDiffs(s: SyncSession): Promise<string> {
  const { fileDiff } = await import('../ui/diff.js');
  const secrets = secretValues(s);
  const diffs = await Promise.all(changedFiles(s.plans).map((f) => fileDiff(f.path, f.before, f.after, secrets)));
  return diffs.join('');
}

export interface ApplyResult {
  written: PlannedFile[];
  backup?: BackupManifest;
}

/**
 * Writes every changed file as one transaction (src/fs/txn.ts: backed up, all or nothing, a file a
 * tool rewrote meanwhile patched again), then state.json; all under the llmctl lock.
 */
export async function applySync(s: SyncSession, reason = 'sync'): Promise<ApplyResult> {
  await step('sync:before-lock');
  return withLock(s.ctx.paths.lock, async () => {
    const key = s.generatedMasterKey || s.generatedSecrets.size ? await settleMasterKey(s) : { session: s };
    const session = await upToDate(key.session);
    const { ctx } = session;
    if (session.gateway?.fresh) await saveGateway(session);
    const changed = changedFiles(session.plans);
    let result: ApplyResult = { written: [] };
    if (changed.length) {
      const stateBefore = await readTextIfExists(ctx.paths.state);
      const make = async (repatched: Map<string, Repatched>, backup: BackupManifest) => ({
        before: stateBefore,
        after: stateText(nextState(session, repatched, backup.id)),
      });
      const r = await commitFiles(changed, {
        backupsDir: ctx.paths.backups,
        reason,
        force: ctx.force,
        sweep: [path.dirname(ctx.paths.state), ctx.paths.cache],
        ...(key.save ? { beforeWrite: key.save } : {}),
        last: { path: ctx.paths.state, make },
      });
      result = { written: r.files.filter((f) => f.before !== f.after), ...(r.backup ? { backup: r.backup } : {}) };
    } else {
      // Nothing to write now, but a killed run may have left its temp files: they go all the same.
      const targets = await Promise.all(session.plans.flatMap((p) => p.files).map((f) => resolveWriteTarget(f.path)));
      await removeStaleTemps(
        [...targets, ctx.paths.state],
        [path.dirname(ctx.paths.state), ctx.paths.cache],
        ctx.paths.backups,
      );
      await key.save?.();
      const state = nextState(session, new Map());
      if (JSON.stringify(state) !== JSON.stringify(ctx.state)) await writeState(ctx.paths.state, state);
    }
    // A real sync (never --dry-run, --check or status) keeps what it had to compute: after a comment
    // edit in llmctl.yaml no output changes, yet the next runs should not all start cold. After a full
    // cache hit nothing is pending and nothing is written.
    await flushCache();
    return result;
  });
}

/** A model list fetched by this sync is kept for the next runs (best effort: it is only a cache). */
async function saveGateway(s: SyncSession): Promise<void> {
  const { saveGatewayCache } = await import('../proxy/gateway.js');
  try {
    await saveGatewayCache(s.ctx.paths.cache, s.gateway!, s.ctx.toolKey);
  } catch {
    // A read-only cache folder costs a fetch next time, nothing else.
  }
}

/** state.json after this sync: each target's section from its plan, or from its last repatch. */
function nextState(s: SyncSession, repatched: Map<string, Repatched>, backupId?: string): State {
  const state: State = { ...s.ctx.state, targets: { ...s.ctx.state.targets } };
  for (const p of s.plans) {
    let section = p.state;
    for (const f of p.files) {
      const r = repatched.get(f.path);
      if (r?.state !== undefined) section = r.state;
    }
    if (section !== undefined) state.targets[p.target] = section;
  }
  if (backupId) state.lastBackup = backupId;
  return state;
}

/**
 * The master key (and any secret a target generated) made by planSync joins the store as it is THEN
 * (re-read under the lock), so a key stored by a `keys set` since planning stays; it is saved once the
 * files passed their checks, just before the first write. If another process stored one of them
 * meanwhile, that one is used and everything is planned again with it.
 */
async function settleMasterKey(s: SyncSession): Promise<{ session: SyncSession; save?: () => Promise<void> }> {
  const wanted = new Map(s.generatedSecrets);
  // The master key was generated only when a secret: reference allows it.
  if (s.generatedMasterKey) wanted.set(secretNameOf(masterKeyRef(s.ctx.config))!, s.ctx.masterKey);
  const store = await SecretStore.open(s.ctx.paths.secrets);
  const missing = [...wanted].filter(([name]) => store.get(name) === undefined);
  if ([...wanted].some(([name, value]) => store.get(name) !== undefined && store.get(name) !== value)) {
    if (!s.replan) throw new LlmctlError(t('sync.masterKeyRace'), { hint: t('sync.masterKeyRaceHint') });
    return { session: await s.replan() };
  }
  if (!missing.length) return { session: s };
  const save = async () => {
    for (const [name, value] of missing) store.set(name, value);
    await store.save();
    await step('sync:master-key-saved');
  };
  return { session: s, save };
}

/**
 * Another process (a sync, a tool) may have written since planning: then everything is planned again
 * under the lock, from the files, state and llmctl.yaml as they are now (a few times at most; a tool
 * still writing is then handled file by file by the transaction).
 */
async function upToDate(s: SyncSession): Promise<SyncSession> {
  let session = s;
  for (let i = 0; i < 3 && session.replan && (await isStale(session)); i++) session = await session.replan();
  return session;
}

async function isStale(s: SyncSession): Promise<boolean> {
  if (JSON.stringify(await readState(s.ctx.paths.state)) !== JSON.stringify(s.ctx.state)) return true;
  if ((await readTextIfExists(s.ctx.loaded.file)) !== s.ctx.loaded.text) return true;
  // A file a tool rewrites (it has a repatch) is re-checked and patched again by the transaction itself.
  for (const f of s.plans.flatMap((p) => p.files))
    if (!f.repatch && (await readTextIfExists(f.path)) !== f.before) return true;
  return false;
}
