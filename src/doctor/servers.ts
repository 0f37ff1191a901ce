import { t } from '../i18n/index.js';
import { serverInstances, servesModel, type ServerInstance } from '../config/instances.js';
import { envVarOf, resolveKeyRef, secretNameOf } from '../secrets/refs.js';
import { parseModelList } from '../init/models.js';
import type { Facts } from './facts.js';
import { get } from './online.js';
import { type Check, fail, pass, skip } from './types.js';

/**
 * `doctor --online` and model servers (vLLM, TGI, Ollama, a custom endpoint): every instance is asked
 * for the models it really serves — `/v1/models` for OpenAI-compatible servers, `/api/tags` for
 * Ollama — and compared with the models llmctl.yaml lists for it. The provider's own base URL is its
 * `online.provider.<name>` check; each other base URL its deployments reach (several instances of one
 * model) gets `online.server.<name>.<host>-<port>`. Only the user's own base URLs are asked, each
 * once, all at the same time, with a short timeout.
 */
const LIST_TIMEOUT_MS = 8_000;
/** A model list is read whole (Ollama's /api/tags runs long); what is shown is cut elsewhere. */
const LIST_MAX_BODY = 4_000_000;

type Listed = { name: string; upstream: string }[];

export interface ModelListTarget {
  id: string;
  title: string;
  provider: string;
  base?: string;
  /** Models that must be on this list (a model server's instance); none: any list passes. */
  listed?: Listed;
  /** The provider runs several instances: the proxy sends a dead one's requests to the others. */
  several?: boolean;
}

/** The models listed for a model-server provider's instance at `base`, and whether it has others. */
export function listedAt(f: Facts, provider: string, base: string): { listed?: Listed; several?: boolean } {
  const mine = instancesOf(f).filter((i) => i.provider === provider);
  const here = mine.find((i) => sameBase(i.apiBase, base));
  return here ? { listed: here.models, several: mine.length > 1 } : {};
}

/** The checks of every instance at a base URL other than its provider's own. */
export async function serverChecks(f: Facts): Promise<Check[]> {
  const config = f.config;
  if (!config || !f.presets) return [];
  const byProvider = new Map<string, ServerInstance[]>();
  for (const i of instancesOf(f)) byProvider.set(i.provider, [...(byProvider.get(i.provider) ?? []), i]);
  const extra = [...byProvider.values()].flatMap((list) =>
    list.filter((i) => {
      const p = config.providers[i.provider]!;
      const own = p.apiBase ?? i.preset.apiBase;
      return !own || !sameBase(own, i.apiBase);
    }),
  );
  return Promise.all(
    extra.map((i) =>
      modelListCheck(f, {
        id: `online.server.${i.provider}.${hostPort(i.apiBase)}`,
        title: t('servers.checkTitle', { provider: i.provider, url: i.apiBase }),
        provider: i.provider,
        base: i.apiBase,
        listed: i.models,
        several: byProvider.get(i.provider)!.length > 1,
      }),
    ),
  );
}

/** One model list, asked with the provider's key; FAIL when it lacks a model listed for it. */
export async function modelListCheck(f: Facts, c: ModelListTarget): Promise<Check> {
  const p = f.config!.providers[c.provider]!;
  const preset = f.presets!.get(p.preset);
  const base = c.base?.replace(/\/+$/, '');
  if (!base) return skip(c.id, c.title, t('doctor.online.noApiBase'));
  const key = p.apiKey && f.secrets ? resolveKeyRef(p.apiKey, f.secrets, f.platform.env) : undefined;
  if (p.apiKey && !key) return skip(c.id, c.title, t('doctor.online.noKey'));
  const headers: Record<string, string> =
    preset?.prefix === 'anthropic'
      ? { 'x-api-key': key ?? '', 'anthropic-version': '2023-06-01' }
      : key
        ? { authorization: `Bearer ${key}` }
        : {};
  const url = `${base}${preset?.modelsPath ?? '/models'}`;
  const r = await get(url, { headers }, LIST_TIMEOUT_MS, LIST_MAX_BODY);
  if (r.error)
    return fail(
      c.id,
      c.title,
      `${url}: ${r.error}`,
      c.several ? t('servers.deadFix', { names: names(c.listed) }) : t('doctor.online.networkFix'),
    );
  if (r.status === 401 || r.status === 403) return keyRejected(c, p.apiKey, url, r.status);
  if (r.status !== 200) return fail(c.id, c.title, `${url}: HTTP ${r.status}`, t('doctor.online.apiBaseFix'));
  return judgeList(c, url, r.body, preset?.id ?? '');
}

/** The server refused the provider's key: the fix names where that key comes from. */
function keyRejected(c: ModelListTarget, apiKey: string | undefined, url: string, status: number): Check {
  const secret = secretNameOf(apiKey);
  return fail(
    c.id,
    c.title,
    t('doctor.online.keyRejected', { url, status }),
    secret
      ? `llmctl keys set ${secret}` // i18n-ignore: a command
      : t('doctor.online.setKeyFix', { what: envVarOf(apiKey) ?? t('doctor.online.theKey') }),
  );
}

/** A 200 model list: FAIL when a model listed for this server is not on it. */
function judgeList(c: ModelListTarget, url: string, body: string | undefined, preset: string): Check {
  let served: string[] | undefined;
  try {
    served = parseModelList(JSON.parse(body ?? ''));
  } catch {
    // Some servers answer with a non-JSON list; 200 is enough when no model must be on it.
  }
  const missing = served ? (c.listed ?? []).filter((m) => !servesModel(served, m.upstream)) : [];
  if (missing.length)
    return fail(
      c.id,
      c.title,
      t('servers.notServing', {
        url,
        missing: missing.map((m) => (m.upstream === m.name ? m.name : `${m.upstream} (${m.name})`)).join(', '),
        served: shortList(served!),
      }),
      t('servers.notServingFix', { preset }),
    );
  if (!served) return pass(c.id, c.title, `${url}: 200`);
  return pass(
    c.id,
    c.title,
    c.listed?.length
      ? t('servers.instanceServes', { url, n: served.length, served: shortList(served) })
      : t('doctor.online.listed', { url, n: served.length }),
  );
}

function instancesOf(f: Facts): ServerInstance[] {
  return f.config && f.presets ? serverInstances(f.config, f.presets) : [];
}

const sameBase = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** Up to a dozen ids (an Ollama box may hold fifty). */
function shortList(ids: string[]): string {
  return ids.length ? `${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}` : '-';
}

function names(listed: Listed | undefined): string {
  return listed?.length ? listed.map((m) => m.name).join(', ') : '-';
}

/** The instance in a check id: `10-0-0-5-8000` (dots and colons would read as more id parts). */
export function hostPort(apiBase: string): string {
  try {
    const u = new URL(apiBase);
    return `${u.hostname}-${u.port || (u.protocol === 'https:' ? '443' : '80')}`.replace(/[.:[\]]+/g, '-');
  } catch {
    return apiBase.replace(/[^A-Za-z0-9]+/g, '-');
  }
}
