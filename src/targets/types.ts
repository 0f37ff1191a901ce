import type { LoadedConfig } from '../config/load.js';
import type { LlmctlConfig } from '../config/schema.js';
import type { Problem } from '../errors.js';
import type { Platform } from '../platform/index.js';
import type { Paths } from '../platform/paths.js';
import type { SecretStore } from '../secrets/store.js';
import type { State } from '../sync/state.js';
import type { Repatched } from '../fs/txn.js';

export type TargetName = 'litellm' | 'continue' | 'claude';
export const TARGET_NAMES: readonly TargetName[] = ['litellm', 'continue', 'claude'];

export interface TargetContext {
  loaded: LoadedConfig;
  config: LlmctlConfig;
  paths: Paths;
  platform: Platform;
  secrets: SecretStore;
  state: State;
  /** Overwrite entries the user edited by hand. */
  force: boolean;
  /** The proxy key clients send (resolved; generated on first need). */
  masterKey: string;
  /** Ask the user a yes/no question (false without a TTY unless a flag said yes). */
  confirm?: (question: string) => Promise<boolean>;
}

/** One file a target wants written. `after: null` deletes a file llmctl created. */
export interface PlannedFile {
  path: string;
  /** Human name: "LiteLLM config", "Continue config", "Continue .env"… */
  label: string;
  before: string | null;
  after: string | null;
  /** Mode for a new file. */
  mode?: number;
  /** The file holds a key: it is 0600 after every write (an existing looser file is tightened). */
  secret?: boolean;
  /**
   * Plans this one file again from new text: a tool (Claude Code rewrites settings.json) changed it
   * after planning. Returns the new text and, when it changes, the target's new state section.
   * Without it, a file changed meanwhile stops the sync.
   */
  repatch?: (before: string | null) => Promise<Repatched>;
}

export interface TargetPlan {
  target: TargetName;
  files: PlannedFile[];
  warnings: Problem[];
  /** Managed entries the user edited by hand and that were left alone (not an error; reported). */
  conflicts: Problem[];
  /** This target's new section of state.json, saved only when the plan is applied. */
  state?: unknown;
}

/** Every target has the same shape: where it lives, what llmctl wants in it, a plan. */
export interface Target {
  name: TargetName;
  label: string;
  enabled(config: LlmctlConfig): boolean;
  plan(ctx: TargetContext): Promise<TargetPlan>;
}
