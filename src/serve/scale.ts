import type { LlmctlConfig } from '../config/schema.js';
import { LlmctlError } from '../errors.js';
import { t } from '../i18n/index.js';
import { log } from '../ui/log.js';
import { redisTarget } from '../targets/litellm-redis.js';

/** serve's scale-out options: workers, the managed Redis, a named instance. */
export interface ScaleOptions {
  workers?: number;
  force?: boolean;
  redisLocal?: boolean;
  instance?: string;
}

/**
 * How many LiteLLM workers to run: `--workers`, else `proxy.workers`, else 1. More than one without
 * Redis is refused (unless --force): every worker would count rate limits, budgets and cooldowns on its
 * own, so "rpm: 100" over 4 workers lets 400 through.
 */
export function workersFor(config: LlmctlConfig, opts: ScaleOptions): number {
  const n = opts.workers ?? config.proxy.workers ?? 1;
  if (n <= 1 || redisTarget(config) || opts.redisLocal) return n;
  if (!opts.force)
    throw new LlmctlError(t('scale.workers.noRedis', { n }), { hint: t('scale.workers.noRedisHint', { n }) });
  log.warn(t('scale.workers.forced', { n }));
  return n;
}

/** `--instance` needs its own port: the main proxy has llmctl.yaml's. */
export function checkInstanceOptions(opts: ScaleOptions & { port?: number; restart?: boolean }): void {
  if (!opts.instance) return;
  if (opts.port === undefined)
    throw new LlmctlError(t('scale.instance.needsPort', { name: opts.instance }), {
      hint: t('scale.instance.needsPortHint', { name: opts.instance }),
    });
  if (opts.restart)
    throw new LlmctlError(t('scale.instance.noRestart'), {
      hint: t('scale.instance.noRestartHint', { name: opts.instance }),
    });
}
