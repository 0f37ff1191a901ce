import { RESTART_COMMAND } from '../proxy/fingerprint.js';
import { fail, pass, skip } from './types.js';
import type { CheckFn } from './checks.js';

/**
 * The running proxy serves what the files on disk say: LiteLLM reads its config only at start, so
 * after a `sync --no-restart` (or a sync from an older llmctl) the tools may offer models the proxy
 * answers with 400 "Invalid model name". The hash of what it started from is in its pid file.
 */
export const proxyConfigCurrent: CheckFn = (f) => {
  const id = 'proxy.config';
  const t = 'Running proxy serves the current config';
  if (!f.config || !f.proxy) return skip(id, t, 'no valid llmctl.yaml (see config.valid)');
  const p = f.proxy;
  if (!p.pid || p.state === 'down') return skip(id, t, 'no proxy started by `llmctl serve` is running');
  if (p.stale?.length)
    return fail(id, t, `the proxy (pid ${p.pid}) is running an older config: ${p.stale.join('; ')}`, RESTART_COMMAND);
  return pass(id, t, `the proxy (pid ${p.pid}) started from the current LiteLLM config and keys`);
};
