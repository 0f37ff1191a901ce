import { t } from '../i18n/index.js';
import type { LlmctlConfig } from './schema.js';
import type { RuleProblem } from './rules.js';

/**
 * Rules for the team gateway's scale-out settings (proxy.redis, proxy.clients limits). Kept apart
 * from rules.ts so the scale-out work stays in one place; rules.ts runs them with its own.
 */
type Rule = (config: LlmctlConfig) => RuleProblem[];

const problem = (
  severity: RuleProblem['severity'],
  pathSegments: PropertyKey[],
  message: string,
  hint: string,
): RuleProblem => ({ pathSegments, message, hint, severity });

/** A password in the URL would put a key into llmctl.yaml and the generated config. */
const redisUrlPassword: Rule = (config) => {
  const url = config.proxy.redis?.url;
  if (!url) return [];
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    password = /\/\/[^/@]*:[^/@]*@/.test(url) ? 'x' : '';
  }
  return password
    ? [
        problem(
          'error',
          ['proxy', 'redis', 'url'],
          t('scale.rule.redisUrlPassword'),
          t('scale.rule.redisUrlPasswordHint'),
        ),
      ]
    : [];
};

const redisTarget: Rule = (config) => {
  const r = config.proxy.redis;
  if (!r) return [];
  if (r.host && r.url)
    return [problem('error', ['proxy', 'redis'], t('scale.rule.redisHostAndUrl'), t('scale.rule.redisHostAndUrlHint'))];
  if (!r.host && !r.url)
    return [problem('error', ['proxy', 'redis'], t('scale.rule.redisNoTarget'), t('scale.rule.redisNoTargetHint'))];
  return [];
};

/**
 * LiteLLM 1.108 checks a key's max_budget only for keys in its database (virtual keys): a key that a
 * custom_auth module (llmctl's) accepts is checked for its own budget only on sub-calls
 * (litellm/proxy/auth/user_api_key_auth.py). Said at load, so nobody relies on a limit that never holds.
 */
const clientMaxBudget: Rule = (config) =>
  Object.entries(config.proxy.clients ?? {})
    .filter(([, c]) => c.maxBudget !== undefined)
    .map(([name]) =>
      problem(
        'warning',
        ['proxy', 'clients', name, 'maxBudget'],
        t('scale.rule.maxBudget', { name }),
        t('scale.rule.maxBudgetHint'),
      ),
    );

export const SCALE_RULES: Record<string, Rule> = { redisUrlPassword, redisTarget, clientMaxBudget };
