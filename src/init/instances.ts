import type { Preset } from '../config/presets.js';
import type { LlmctlConfig } from '../config/schema.js';
import { serverInstances, servesModel } from '../config/instances.js';
import { t } from '../i18n/index.js';
import type { Draft } from './draft.js';
import { listModels, type ListModelsResult } from './models.js';

export interface InstanceLine {
  kind: 'info' | 'warn';
  text: string;
}

type Lister = (preset: Preset, apiBase: string, key: string | undefined) => Promise<ListModelsResult>;

/**
 * `init` with several --api-base: what each instance really serves, and every model it was listed
 * for but does not serve. Only the user's own base URLs are asked, all at once, with a short timeout;
 * nothing here stops init (a server may be down while it is set up).
 */
export async function instanceLines(
  draft: Draft,
  presets: Map<string, Preset>,
  keyOf: (provider: string) => string | undefined,
  list: Lister = (preset, apiBase, key) => listModels(preset, apiBase, key, 3000),
): Promise<InstanceLine[]> {
  // The draft is llmctl.yaml before defaults; providers and models (all this reads) have none.
  const all = serverInstances(draft.config as unknown as LlmctlConfig, presets);
  const several = new Set(
    all.filter((i, _, a) => a.filter((o) => o.provider === i.provider).length > 1).map((i) => i.provider),
  );
  const instances = all.filter((i) => several.has(i.provider));
  const results = await Promise.all(instances.map((i) => list(i.preset, i.apiBase, keyOf(i.provider))));
  return instances.flatMap((i, k): InstanceLine[] => {
    const r = results[k]!;
    if (!r.ok)
      return [{ kind: 'warn', text: t('servers.cannotList', { url: r.url || i.apiBase, reason: r.reason ?? '' }) }];
    const missing = i.models.filter((m) => !servesModel(r.models, m.upstream));
    return [
      {
        kind: 'info',
        text: t('servers.instanceServes', { url: r.url, n: r.models.length, served: r.models.join(', ') }),
      },
      ...missing.map((m) => {
        const notServed = t('servers.notOnInstances', { model: m.upstream, urls: i.apiBase });
        return { kind: 'warn' as const, text: `${notServed} — ${t('servers.notOnInstancesHint')}` };
      }),
    ];
  });
}
