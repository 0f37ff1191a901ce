import { loadConfig, type LoadedConfig } from '../config/load.js';
import { LlmctlError, type Problem } from '../errors.js';
import { createBackup, type BackupManifest } from '../fs/backup.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { flushCache } from '../fs/cache.js';
import { withLock } from '../fs/lock.js';
import { promises as fs } from 'node:fs';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import { parseKeyRef, resolveKeyRef } from '../secrets/refs.js';
import { SecretStore, generateMasterKey } from '../secrets/store.js';
import { masterKeyRef } from '../targets/litellm.js';
import { loadTarget } from '../targets/index.js';
import { TARGET_NAMES, type PlannedFile, type TargetContext, type TargetName, type TargetPlan } from '../targets/types.js';
import { readState, writeState, type State } from './state.js';

export interface SyncOptions {
  only?: TargetName[];
  force?: boolean;
  confirm?: (q: string) => Promise<boolean>;
  /** An already-open store holding keys not saved yet (init plans before it writes anything). */
  secrets?: SecretStore;
}

export interface SyncSession {
  ctx: TargetContext;
  plans: TargetPlan[];
  /** True when the master key was generated now and must be saved with the plan. */
  generatedMasterKey: boolean;
}

export function parseOnly(value: string | undefined): TargetName[] | undefined {
  if (!value) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(TARGET_NAMES as readonly string[]).includes(n)) {
      throw new LlmctlError(`unknown target "${n}" in --only`, { exitCode: 2, hint: `use one or more of: ${TARGET_NAMES.join(', ')}` });
    }
  }
  return names as TargetName[];
}

/** Loads everything a sync needs and plans every enabled target; writes nothing. */
export async function planSync(platform: Platform, paths: Paths, options: SyncOptions = {}, loaded?: LoadedConfig): Promise<SyncSession> {
  const l = loaded ?? (await loadConfig(paths.config, { cacheDir: paths.cache }));
  const secrets = options.secrets ?? (await SecretStore.open(paths.secrets));
  const state = await readState(paths.state);
  const { config } = l;

  missingSecrets(l, secrets, platform.env);

  const ref = masterKeyRef(config);
  let masterKey = resolveKeyRef(ref, secrets, platform.env);
  let generatedMasterKey = false;
  if (masterKey === undefined) {
    if (!ref.startsWith('secret:')) {
      throw new LlmctlError(`the proxy master key ${ref} is not set`, { hint: `set ${ref.slice(4)} in the environment, or use masterKey: secret:proxy` });
    }
    // Generated on first need, saved only if the sync is applied.
    masterKey = generateMasterKey();
    secrets.set(ref.slice('secret:'.length), masterKey);
    generatedMasterKey = true;
  }

  const ctx: TargetContext = {
    loaded: l,
    config,
    paths,
    platform,
    secrets,
    state,
    force: options.force ?? false,
    masterKey,
    ...(options.confirm ? { confirm: options.confirm } : {}),
  };
  const names = TARGET_NAMES.filter((n) => !options.only || options.only.includes(n));
  const plans: TargetPlan[] = [];
  // Plan every target before writing any: if one cannot be parsed, nothing is written.
  for (const name of names) {
    const target = await loadTarget(name);
    if (!target.enabled(config)) continue;
    plans.push(await target.plan(ctx));
  }
  return { ctx, plans, generatedMasterKey };
}

/**
 * A `secret:` reference missing from the store is an error: nothing could ever use it. A missing
 * `env:` variable is only a warning here — it is read when the proxy starts, maybe in another shell.
 */
function missingSecrets(l: LoadedConfig, secrets: SecretStore, env: NodeJS.ProcessEnv): void {
  const problems: Problem[] = [];
  for (const [name, p] of Object.entries(l.config.providers)) {
    if (!p.apiKey || resolveKeyRef(p.apiKey, secrets, env) !== undefined) continue;
    const ref = parseKeyRef(p.apiKey);
    const at = l.at(['providers', name, 'apiKey']);
    if (ref.kind === 'secret') {
      problems.push({ ...at, message: `secret "${ref.name}" is not in the secrets store`, hint: `run \`llmctl keys set ${ref.name}\`` });
    } else {
      l.warnings.push({ ...at, message: `environment variable ${ref.name} is not set`, hint: `export it before \`llmctl serve\`, or store the key with \`llmctl keys set ${name}\` (llmctl.yaml then points at it)` });
    }
  }
  if (problems.length) {
    throw new LlmctlError(`${problems.length} key${problems.length === 1 ? '' : 's'} referenced by ${l.file} ${problems.length === 1 ? 'is' : 'are'} missing`, {
      problems,
      hint: 'store the keys as shown, then run the command again (nothing was changed)',
    });
  }
}

export function changedFiles(plans: TargetPlan[]): PlannedFile[] {
  return plans.flatMap((p) => p.files).filter((f) => f.before !== f.after);
}

export function allWarnings(plans: TargetPlan[]): Problem[] {
  return plans.flatMap((p) => [...p.warnings, ...p.conflicts]);
}

export function secretValues(s: SyncSession): string[] {
  return [...s.ctx.secrets.values(), s.ctx.masterKey];
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

/** Backs up and writes every changed file, then saves state; all under the llmctl lock. */
export async function applySync(s: SyncSession, reason = 'sync'): Promise<ApplyResult> {
  const { ctx } = s;
  return withLock(ctx.paths.lock, async () => {
    const changed = changedFiles(s.plans);
    // Re-read under the lock: another process may have written since we planned.
    for (const f of changed) {
      const now = await fs.readFile(f.path, 'utf8').catch(() => null);
      if (now !== f.before) {
        throw new LlmctlError(`${f.path} changed while llmctl was planning`, { hint: 'run the command again' });
      }
    }
    if (s.generatedMasterKey) await ctx.secrets.save();
    let backup: BackupManifest | undefined;
    if (changed.length) {
      // state.json goes into the backup too, so a restore also restores what llmctl thinks it owns.
      backup = await createBackup(ctx.paths.backups, [...changed.map((f) => f.path), ctx.paths.state], reason);
      for (const f of changed) {
        if (f.after === null) await fs.rm(f.path, { force: true });
        else await writeFileAtomic(f.path, f.after, f.before === null && f.mode !== undefined ? { mode: f.mode } : {});
      }
    }
    const state: State = { ...ctx.state, targets: { ...ctx.state.targets } };
    for (const p of s.plans) if (p.state !== undefined) state.targets[p.target] = p.state;
    if (backup) state.lastBackup = backup.id;
    if (JSON.stringify(state) !== JSON.stringify(ctx.state)) await writeState(ctx.paths.state, state);
    // A real sync (never --dry-run, --check or status) keeps what it had to compute: after a comment
    // edit in llmctl.yaml no output changes, yet the next runs should not all start cold. After a full
    // cache hit nothing is pending and nothing is written.
    await flushCache();
    return { written: changed, ...(backup ? { backup } : {}) };
  });
}
