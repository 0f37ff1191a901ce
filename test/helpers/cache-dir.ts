import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where the heavy test-only installs live (LiteLLM's venv, Claude Code, the Continue CLI): outside the
 * clone, so a fresh clone (CI, a second worktree) reuses them instead of installing again.
 * `LLMCTL_TEST_CACHE` moves it; the default is the runner's own cache folder, never a sandbox home.
 */
export const TEST_CACHE =
  process.env.LLMCTL_TEST_CACHE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'llmctl-test');
