import { t } from '../i18n/index.js';
import { serverInstances, servesModel, type ServerInstance } from '../config/instances.js';
import { envVarOf, resolveKeyRef, secretNameOf } from '../secrets/refs.js';
import { listModels, type ListModelsResult } from '../init/models.js';
import type { Facts } from './facts.js';
import { type Check, fail, pass, skip } from './types.js';

/**
 * `doctor --online`: each instance of each model server (vLLM, TGI, Ollama, a custom endpoint) asked
 * for the models it really serves — `/v1/models` for OpenAI-compatible servers, `/api/tags` for
 * Ollama — and compared with the models llmctl.yaml lists for it. Only the user's own base URLs are
 * asked, each once, all at the same time, with a short timeout.
 */
export const SERVER_TIMEOUT_MS = 4_000;

export interface InstanceReport {
  instance: ServerInstance;
  result: ListModelsResult;
  /** Upstream ids listed for this instance that it does not serve (with the public name asking for each). */
  missing: { name: string; upstream: string }[];
}

/** Lists what every instance serves; `key` resolves a provider's key reference (undefined: none or unknown). */
export async function probeInstances(
  instances: ServerInstance[],
  key: (provider: string) => string | undefined,
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<InstanceReport[]> {
  return Promise.all(
    instances.map(async (instance) => {
      const result = await listModels(instance.preset, instance.apiBase, key(instance.provider), timeoutMs);
      const missing = result.ok ? instance.models.filter((m) => !servesModel(result.models, m.upstream)) : [];
      return { instance, result, missing };
    }),
  );
}

/** Providers whose instances these checks cover (their plain /models check would say less). */
export function serverProviders(f: Facts): Set<string> {
  if (!f.config || !f.presets) return new Set();
  return new Set(serverInstances(f.config, f.presets).map((i) => i.provider));
}

export async function serverChecks(f: Facts): Promise<Check[]> {
  if (!f.config || !f.presets) return [];
  const config = f.config;
  const instances = serverInstances(config, f.presets);
  const key = (provider: string) => {
    const ref = config.providers[provider]?.apiKey;
    return ref && f.secrets ? resolveKeyRef(ref, f.secrets, f.platform.env) : undefined;
  };
  const reports = await probeInstances(instances, key);
  return reports.map((r) => instanceCheck(f, r, key(r.instance.provider)));
}

function instanceCheck(f: Facts, r: InstanceReport, key: string | undefined): Check {
  const { instance, result } = r;
  const id = `online.server.${instance.provider}.${hostPort(instance.apiBase)}`;
  const title = t('servers.checkTitle', { provider: instance.provider, url: instance.apiBase });
  const ref = f.config!.providers[instance.provider]?.apiKey;
  if (ref && !key) return skip(id, title, t('doctor.online.noKey'));
  if (!result.ok) {
    const found = t('servers.cannotList', { url: result.url, reason: result.reason ?? '' });
    if (!result.refused) return fail(id, title, found, t('servers.cannotListFix', { names: modelNames(instance) }));
    const secret = secretNameOf(ref);
    return fail(
      id,
      title,
      found,
      secret
        ? `llmctl keys set ${secret}` // i18n-ignore: a command
        : t('doctor.online.setKeyFix', { what: envVarOf(ref) ?? t('doctor.online.theKey') }),
    );
  }
  const served = result.models.join(', ');
  if (r.missing.length)
    return fail(
      id,
      title,
      t('servers.notServing', {
        url: result.url,
        missing: r.missing.map((m) => (m.upstream === m.name ? m.name : `${m.upstream} (${m.name})`)).join(', '),
        served,
      }),
      t('servers.notServingFix', { preset: instance.preset.id }),
    );
  return pass(id, title, t('servers.serves', { url: result.url, served }));
}

function modelNames(i: ServerInstance): string {
  return i.models.length ? i.models.map((m) => m.name).join(', ') : '-';
}

/** The instance in a check id: `10.0.0.5-8000` (dots and colons would read as more id parts). */
export function hostPort(apiBase: string): string {
  try {
    const u = new URL(apiBase);
    return `${u.hostname}-${u.port || (u.protocol === 'https:' ? '443' : '80')}`.replace(/[.:[\]]+/g, '-');
  } catch {
    return apiBase.replace(/[^A-Za-z0-9]+/g, '-');
  }
}
