import type { Preset } from './presets.js';
import type { LlmctlConfig } from './schema.js';
import { deploymentsOf } from './deployments.js';

/**
 * One running model server (a vLLM, TGI or Ollama process, or a custom endpoint) as llmctl.yaml
 * describes it: a provider with a server preset at one base URL, and the upstream model ids the
 * models listed for it ask it for.
 */
export interface ServerInstance {
  provider: string;
  preset: Preset;
  apiBase: string;
  /** Public name → upstream id, for every model with a deployment on this instance. */
  models: { name: string; upstream: string }[];
}

/** The same base URL written with and without a trailing slash is one instance. */
const sameBase = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Every instance of every model-server provider, in llmctl.yaml's order: one per distinct base URL
 * its models' deployments reach (several for a model over N instances), and the provider's own base
 * when no model uses it yet.
 */
export function serverInstances(config: LlmctlConfig, presets: Map<string, Preset>): ServerInstance[] {
  const out: ServerInstance[] = [];
  const instance = (provider: string, preset: Preset, apiBase: string): ServerInstance => {
    let found = out.find((i) => i.provider === provider && sameBase(i.apiBase, apiBase));
    if (!found) out.push((found = { provider, preset, apiBase, models: [] }));
    return found;
  };
  for (const model of config.models)
    for (const d of deploymentsOf(model)) {
      const p = config.providers[d.provider];
      const preset = p && presets.get(p.preset);
      const apiBase = d.apiBase ?? model.apiBase ?? p?.apiBase ?? preset?.apiBase;
      if (!preset?.server || !apiBase) continue;
      const upstream = d.model ?? model.model ?? model.name;
      const i = instance(d.provider, preset, apiBase);
      if (!i.models.some((m) => m.name === model.name)) i.models.push({ name: model.name, upstream });
    }
  for (const [name, p] of Object.entries(config.providers)) {
    const preset = presets.get(p.preset);
    const apiBase = p.apiBase ?? preset?.apiBase;
    if (preset?.server && apiBase && !out.some((i) => i.provider === name)) instance(name, preset, apiBase);
  }
  return out;
}

/**
 * Whether a server's model list has this upstream id. Ollama names a model `NAME:TAG` and takes
 * `NAME` for `NAME:latest`, so `llama3` is served by a list holding `llama3:latest`.
 */
export function servesModel(served: string[], upstream: string): boolean {
  if (served.includes(upstream)) return true;
  return !upstream.includes(':') && served.includes(`${upstream}:latest`);
}
