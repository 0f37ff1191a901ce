import { createHash } from 'node:crypto';
import { t } from '../i18n/index.js';
import { redisPing } from '../proxy/redis-ping.js';
import { resolveKeyRef } from '../secrets/refs.js';
import { redisTarget } from '../targets/litellm-redis.js';
import { get } from './online.js';
import type { Facts } from './facts.js';
import { type Check, fail, pass, skip } from './types.js';

/**
 * The team gateway's scale-out: workers without Redis (FAIL: limits multiply), Redis reachable and
 * accepting its password (a PING over the wire, 3 s at most), and the instances listed in
 * proxy.instances serving the same config.
 */
export async function scaleChecks(f: Facts): Promise<Check[]> {
  if (!f.config) return [];
  const out: Check[] = [];
  const workers = workersCheck(f);
  if (workers) out.push(workers);
  if (f.config.proxy.redis) out.push(await redisCheck(f));
  if (f.config.proxy.instances?.length) out.push(await instancesCheck(f));
  return out;
}

function workersCheck(f: Facts): Check | undefined {
  const n = f.config!.proxy.workers ?? 1;
  if (n <= 1) return undefined;
  const title = t('scale.doctor.workersTitle');
  return redisTarget(f.config!)
    ? pass('scale.workers', title, t('scale.doctor.workersOk', { n }))
    : fail('scale.workers', title, t('scale.doctor.workersNoRedis', { n }), t('scale.doctor.workersNoRedisFix'));
}

async function redisCheck(f: Facts): Promise<Check> {
  const title = t('scale.doctor.redisTitle');
  const r = f.config!.proxy.redis!;
  const target = redisTarget(f.config!);
  if (!target) return skip('scale.redis', title, t('scale.rule.redisNoTarget'));
  if (target.url) return skip('scale.redis', title, t('scale.doctor.redisTls', { url: target.url }));
  const password = r.password && f.secrets ? resolveKeyRef(r.password, f.secrets, f.platform.env) : undefined;
  if (r.password && password === undefined)
    return fail(
      'scale.redis',
      title,
      t('scale.doctor.redisNoPassword'),
      t('scale.doctor.redisNoPasswordFix', { ref: r.password }),
    );
  const address = `${target.host}:${target.port}`;
  const ping = await redisPing({ host: target.host!, port: target.port!, ...(password ? { password } : {}) });
  if (ping.ok) return pass('scale.redis', title, t('scale.doctor.redisOk', { address, ms: ping.ms ?? 0 }));
  const detail = ping.detail ?? ping.reason ?? '';
  if (ping.reason === 'auth')
    return fail(
      'scale.redis',
      title,
      t('scale.doctor.redisAuth', { address, detail }),
      t('scale.doctor.redisAuthFix', { ref: r.password ?? 'proxy.redis.password' }),
    );
  return fail(
    'scale.redis',
    title,
    t('scale.doctor.redisUnreachable', { address, detail }),
    t('scale.doctor.redisUnreachableFix'),
  );
}

/**
 * What an instance serves, as a hash: its /v1/model/info (every deployment's public name, LiteLLM id
 * and params, keys left out) is the same on instances started from the same generated config. LiteLLM
 * has no route that returns its config file, and llmctl adds none: a deployment id is LiteLLM's own
 * hash of the deployment's params, so a changed model, upstream or param shows up here.
 */
export function servedConfigHash(body: string): string | undefined {
  let data: { model_name?: string; litellm_params?: Record<string, unknown>; model_info?: { id?: string } }[];
  try {
    data = (JSON.parse(body) as { data?: typeof data }).data ?? [];
  } catch {
    return undefined;
  }
  const rows = data
    .map((d) => {
      const { api_key: _key, ...params } = d.litellm_params ?? {};
      const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
      return JSON.stringify([d.model_name, d.model_info?.id, sorted]);
    })
    .sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 12);
}

async function instancesCheck(f: Facts): Promise<Check> {
  const title = t('scale.doctor.instancesTitle');
  const urls = f.config!.proxy.instances!;
  const headers = f.masterKey ? { authorization: `Bearer ${f.masterKey}` } : undefined;
  const hashes: { url: string; hash?: string; detail?: string }[] = [];
  for (const url of urls) {
    const r = await get(`${url.replace(/\/+$/, '')}/v1/model/info`, headers ? { headers } : {}, 10_000);
    const hash = r.status === 200 ? servedConfigHash(r.body ?? '') : undefined;
    hashes.push({ url, ...(hash ? { hash } : { detail: r.error ?? `HTTP ${r.status}` }) });
  }
  const broken = hashes.find((h) => !h.hash);
  if (broken)
    return fail(
      'scale.instances',
      title,
      t('scale.doctor.instanceFailed', { url: broken.url, detail: broken.detail! }),
      t('scale.doctor.instanceFailedFix'),
    );
  const distinct = new Set(hashes.map((h) => h.hash));
  if (distinct.size === 1)
    return pass('scale.instances', title, t('scale.doctor.instancesSame', { n: urls.length, hash: hashes[0]!.hash! }));
  const list = hashes.map((h) => `${h.url} ${h.hash}`).join(', ');
  return fail(
    'scale.instances',
    title,
    t('scale.doctor.instancesDiffer', { list }),
    t('scale.doctor.instancesDifferFix'),
  );
}
