import { describe, expect, it } from 'vitest';
import { loadPresets } from '../config/presets.js';
import { ConfigSchema } from '../config/schema.js';
import { renderLiteLLMObject } from './litellm.js';
import { MULTI_INSTANCE_ROUTING, multiInstanceModels, routingDefaults } from './litellm-routing.js';

const THREE = ['http://10.0.0.5:8000/v1', 'http://10.0.0.6:8000/v1', 'http://10.0.0.7:8000/v1'];

const config = (extra: { routerSettings?: Record<string, unknown>; several?: boolean } = {}) =>
  ConfigSchema.parse({
    version: 1,
    proxy: extra.routerSettings ? { routerSettings: extra.routerSettings } : {},
    providers: { gpu: { preset: 'vllm', apiBase: THREE[0] }, sf: { preset: 'siliconflow', apiKey: 'secret:sf' } },
    models: [
      extra.several === false
        ? { name: 'qwen', model: 'Qwen/Qwen2.5-7B-Instruct', provider: 'gpu' }
        : {
            name: 'qwen',
            model: 'Qwen/Qwen2.5-7B-Instruct',
            deployments: THREE.map((apiBase) => ({ provider: 'gpu', apiBase })),
          },
      { name: 'glm', provider: 'sf' },
    ],
  });

describe('routingDefaults', () => {
  it('adds nothing while every model has one deployment (the generated config stays as it was)', async () => {
    const c = config({ several: false });
    expect(multiInstanceModels(c)).toEqual([]);
    expect(routingDefaults(c)).toEqual({});
    expect(renderLiteLLMObject(c, await loadPresets())).not.toHaveProperty('router_settings');
  });

  it('with one model over three instances: spread, cool a dead one down, retry elsewhere', async () => {
    const c = config();
    expect(multiInstanceModels(c)).toEqual(['qwen']);
    const out = renderLiteLLMObject(c, await loadPresets());
    expect(out.router_settings).toEqual({
      routing_strategy: 'simple-shuffle',
      enable_weighted_failover: true,
      num_retries: 2,
      allowed_fails: 1,
      cooldown_time: 30,
      timeout: 600,
    });
    // LiteLLM ignores allowed_fails equal to its global default (3) and falls back to its failure-rate
    // rule, which needs 5 requests a minute: the value must differ from 3 to take a dead instance out fast.
    expect(MULTI_INSTANCE_ROUTING.allowed_fails).not.toBe(3);
    // One deployment per base URL, same public name and upstream model.
    const list = out.model_list as { model_name: string; litellm_params: Record<string, unknown> }[];
    expect(list.filter((d) => d.model_name === 'qwen').map((d) => d.litellm_params)).toEqual(
      THREE.map((api_base) => ({ model: 'hosted_vllm/Qwen/Qwen2.5-7B-Instruct', api_base, api_key: 'llmctl-no-key' })),
    );
  });

  it("the user's proxy.routerSettings wins key by key; the rest of the defaults stay", async () => {
    const out = renderLiteLLMObject(
      config({ routerSettings: { routing_strategy: 'least-busy', cooldown_time: 5, timeout: 1800 } }),
      await loadPresets(),
    );
    expect(out.router_settings).toEqual({
      routing_strategy: 'least-busy',
      enable_weighted_failover: true,
      num_retries: 2,
      allowed_fails: 1,
      cooldown_time: 5,
      timeout: 1800,
    });
  });
});
