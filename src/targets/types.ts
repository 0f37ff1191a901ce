import type { TxnFile } from '../fs/txn.js';
import type { LoadedConfig } from '../config/load.js';
import type { LlmctlConfig } from '../config/schema.js';
import type { Problem } from '../errors.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import type { SecretStore } from '../secrets/store.js';
import type { State } from '../sync/state.js';

export type TargetName = 'litellm' | 'continue' | 'claude' | 'codex' | 'opencode' | 'qwen' | 'gemini' | 'openwebui';
export const TARGET_NAMES: readonly TargetName[] = [
  'litellm',
  'continue',
  'claude',
  'codex',
  'opencode',
  'qwen',
  'gemini',
  'openwebui',
];

export interface TargetContext {
  loaded: LoadedConfig;
  config: LlmctlConfig;
  paths: Paths;
  platform: Platform;
  secrets: SecretStore;
  state: State;
  /** Overwrite entries the user edited by hand. */
  force: boolean;
  /**
   * The local proxy's master key (resolved; generated on first need). In client mode no local proxy
   * runs and none is generated: it is then the same as `toolKey`.
   */
  masterKey: string;
  /**
   * The key the tools send to the root they talk to (proxyRoot): the master key, or in client mode
   * the user's key for the gateway (`proxy.key`). Targets write this one, never `masterKey`.
   */
  toolKey: string;
  /** Ask the user a yes/no question (undefined or false without a TTY unless a flag said yes). */
  confirm?: (question: string) => Promise<boolean | undefined>;
  /**
   * The stored secret NAME, or a new one from `make` that the sync saves with its files (a session key
   * a tool needs, generated once). Absent outside a sync: such a target then refuses to plan.
   */
  generatedSecret?: (name: string, make: () => string) => string;
}

/** One file a target wants written (`after: null` deletes a file llmctl created): what a sync commits. */
export type PlannedFile = TxnFile;

export interface TargetPlan {
  target: TargetName;
  files: PlannedFile[];
  warnings: Problem[];
  /** Managed entries the user edited by hand and that were left alone (not an error; reported). */
  conflicts: HandEdit[];
  /** This target's new section of state.json, saved only when the plan is applied. */
  state?: unknown;
}

/** A managed entry edited by hand, kept by sync. */
export interface HandEdit extends Problem {
  /** The llmctl.yaml setting that would produce the edit (so keeping it for good), when there is one. */
  adopt?: string;
}

/** Every target has the same shape: where it lives, what llmctl wants in it, a plan. */
export interface Target {
  name: TargetName;
  label: string;
  enabled(config: LlmctlConfig): boolean;
  plan(ctx: TargetContext): Promise<TargetPlan>;
  /** `llmctl unlink <name>`: what llmctl wrote goes, the rest stays (tool targets added by issue 15). */
  unlink?(ctx: TargetContext): Promise<TargetPlan>;
  /** The tool files this target writes (a restore writes no others). */
  files?(platform: Platform): string[];
}
