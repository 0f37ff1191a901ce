import { t } from '../i18n/index.js';
import type { RuleProblem } from './rules.js';
import type { LlmctlConfig } from './schema.js';

/**
 * Rules of client mode (`proxy.url`: a gateway someone else runs). `proxy.url` needs `proxy.key`
 * (the tools must send something, and a gateway that checks nothing accepts any key, so one is
 * always stored); what only a proxy llmctl runs uses (masterKey, clients, Redis, workers, the LiteLLM
 * settings, providers, a model's upstream) is a warning, not an error: it is ignored, and keeping it
 * lets a user switch back by removing one line.
 */

const err = (pathSegments: PropertyKey[], message: string, hint: string): RuleProblem => ({
  pathSegments,
  message,
  hint,
  severity: 'error',
});
const warn = (pathSegments: PropertyKey[], message: string, hint: string): RuleProblem => ({
  ...err(pathSegments, message, hint),
  severity: 'warning',
});

/** Rules of rules.ts that describe llmctl's own proxy (providers, upstreams, tool models checked locally). */
export const LOCAL_PROXY_RULES: ReadonlySet<string> = new Set([
  'knownPresets',
  'baseWhereRequired',
  'openAiBaseEndsInV1',
  'modelShape',
  'providersExist',
  'toolModelsExist',
  'keyWhereNeeded',
]);

/** proxy fields that only a proxy llmctl runs reads. */
const LOCAL_PROXY_FIELDS = [
  'clients',
  'redis',
  'workers',
  'settings',
  'generalSettings',
  'routerSettings',
  'configFile',
] as const;

/** A model's fields that say where it goes upstream: the gateway decides that in client mode. */
const UPSTREAM_FIELDS = ['provider', 'model', 'apiBase', 'params', 'modelInfo', 'deployments', 'rpm', 'tpm'] as const;

function keyAndUrl(config: LlmctlConfig): RuleProblem[] {
  const { url, key } = config.proxy;
  if (url === undefined)
    return key === undefined
      ? []
      : [err(['proxy', 'key'], t('gateway.rule.keyWithoutUrl'), t('gateway.rule.keyWithoutUrlHint'))];
  const out: RuleProblem[] = [];
  if (key === undefined) out.push(err(['proxy', 'url'], t('gateway.rule.needsKey'), t('gateway.rule.needsKeyHint')));
  if (/\/v1\/*$/.test(url))
    out.push(err(['proxy', 'url'], t('gateway.rule.urlV1', { url }), t('gateway.rule.urlV1Hint')));
  return out;
}

function localOnly(config: LlmctlConfig): RuleProblem[] {
  const p = config.proxy;
  const hint = t('gateway.rule.localOnlyHint');
  const out: RuleProblem[] = [];
  if (p.masterKey !== undefined)
    out.push(
      warn(
        ['proxy', 'masterKey'],
        t('gateway.rule.localOnly', { field: 'proxy.masterKey' }),
        t('gateway.rule.masterKeyHint'),
      ),
    );
  for (const f of LOCAL_PROXY_FIELDS)
    if (p[f] !== undefined) out.push(warn(['proxy', f], t('gateway.rule.localOnly', { field: `proxy.${f}` }), hint));
  if (Object.keys(config.providers).length) out.push(warn(['providers'], t('gateway.rule.providers'), hint));
  config.models.forEach((m, i) => {
    const fields = UPSTREAM_FIELDS.filter((f) => m[f] !== undefined);
    if (fields.length)
      out.push(
        warn(
          ['models', i, fields[0]!],
          t('gateway.rule.modelUpstream', { model: m.name, fields: fields.join(', ') }),
          t('gateway.rule.modelUpstreamHint'),
        ),
      );
  });
  if (config.tools.continue.via === 'direct')
    out.push(err(['tools', 'continue', 'via'], t('gateway.rule.direct'), t('gateway.rule.directHint')));
  return out;
}

/** Every client-mode finding; outside client mode only a stray proxy.key is one. */
export function clientModeRules(config: LlmctlConfig): RuleProblem[] {
  return [...keyAndUrl(config), ...(config.proxy.url !== undefined ? localOnly(config) : [])];
}
