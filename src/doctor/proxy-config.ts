import { t } from '../i18n/index.js';
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
  const title = t('doctor.proxyConfig.title');
  if (!f.config || !f.proxy) return skip(id, title, t('doctor.proxyConfig.noConfig'));
  const p = f.proxy;
  if (!p.pid || p.state === 'down') return skip(id, title, t('doctor.proxyConfig.notRunning'));
  if (p.stale?.length)
    return fail(id, title, t('doctor.proxyConfig.stale', { pid: p.pid, why: p.stale.join('; ') }), RESTART_COMMAND);
  return pass(id, title, t('doctor.proxyConfig.ok', { pid: p.pid }));
};
