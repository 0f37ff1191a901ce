import { isClientMode } from '../config/master-key.js';
import { t } from '../i18n/index.js';
import { proxyRoot } from '../proxy/endpoint.js';
import { askGateway } from '../proxy/gateway.js';
import { redact } from '../secrets/store.js';
import type { CheckFn } from './checks.js';
import type { Facts } from './facts.js';
import { toolModels } from './tools-checks.js';
import { TOOLS } from './tools-facts.js';
import { type Check, fail, pass, skip } from './types.js';

/**
 * doctor in client mode (`proxy.url`: a gateway someone else runs). Offline, the checks about a proxy
 * llmctl runs (LiteLLM installed, Python, its port, its config, its exposure) have nothing to look
 * at; online, the gateway itself is asked: does it answer, accept the key, serve every model the tools use.
 */

/** A check of llmctl's own proxy: SKIP in client mode (same id and title, so scripts see it skipped). */
export function localProxyOnly(check: CheckFn): CheckFn {
  return (f) => {
    const checks = [check(f)].flat();
    if (!f.config || !isClientMode(f.config)) return checks;
    const why = t('gateway.doctor.notNeeded', { url: proxyRoot(f.config) });
    return checks.map((c) => skip(c.id, c.title, why));
  };
}

/** Every model name a tool is configured to ask for: what llmctl gives them and what Claude Code's settings say. */
function modelsInUse(f: Facts): string[] {
  const config = f.config!;
  const names = new Set<string>();
  if (config.tools.continue.enabled)
    for (const m of config.tools.continue.models ?? config.models.map((x) => x.name)) names.add(m);
  if (config.tools.claude.enabled) {
    const env = f.claudeSettings?.env as Record<string, unknown> | undefined;
    const main = f.claudeSettings?.model;
    for (const v of [
      main,
      env?.ANTHROPIC_DEFAULT_HAIKU_MODEL,
      env?.ANTHROPIC_DEFAULT_SONNET_MODEL,
      env?.ANTHROPIC_DEFAULT_OPUS_MODEL,
    ])
      if (typeof v === 'string' && v) names.add(v);
  }
  for (const tool of TOOLS) if (config.tools[tool].enabled) for (const m of toolModels(config, tool)) names.add(m);
  return [...names];
}

/** `--online` in client mode: one GET of the gateway's model list with the key, judged twice. */
export async function gatewayChecks(f: Facts): Promise<Check[]> {
  const url = proxyRoot(f.config!);
  const reach = { id: 'online.gateway', title: t('gateway.doctor.reachTitle') };
  const models = { id: 'online.gateway.models', title: t('gateway.doctor.modelsTitle') };
  if (f.toolKey === undefined) {
    const why = t('gateway.status.noKey');
    return [fail(reach.id, reach.title, why, t('gateway.rule.needsKeyHint')), skip(models.id, models.title, why)];
  }
  const a = await askGateway(url, f.toolKey);
  if (!a.models) {
    const refused = a.status === 401 || a.status === 403;
    const found = refused
      ? t('gateway.keyRefused', { url, status: a.status! })
      : a.status !== undefined && a.status !== 200
        ? t('gateway.badStatus', { url: `${url}/v1/models`, status: a.status })
        : t('gateway.unreachable', { url: `${url}/v1/models`, error: redact(a.error ?? '', [f.toolKey]) });
    const fix = refused ? t('gateway.rule.needsKeyHint') : t('gateway.doctor.networkFix');
    return [fail(reach.id, reach.title, found, fix), skip(models.id, models.title, found)];
  }
  const served = new Set(a.models);
  const used = modelsInUse(f);
  const missing = used.filter((m) => !served.has(m));
  return [
    pass(reach.id, reach.title, t('gateway.doctor.reachOk', { url, n: a.models.length })),
    missing.length
      ? fail(
          models.id,
          models.title,
          t('gateway.doctor.modelsMissing', { list: missing.join(', ') }),
          t('gateway.doctor.modelsFix'),
        )
      : pass(models.id, models.title, t('gateway.doctor.modelsOk', { n: used.length })),
  ];
}
