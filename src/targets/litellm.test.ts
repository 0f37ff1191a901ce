import { describe, expect, it } from 'vitest';
import { loadPresets } from '../config/presets.js';
import { ConfigSchema } from '../config/schema.js';
import { renderLiteLLMObject, renderModelList } from './litellm.js';

const render = async (input: unknown) =>
  renderModelList(ConfigSchema.parse(input), await loadPresets()).map((d) => d.litellm_params);

describe('renderModelList: keys', () => {
  it('a provider without a key gets a harmless api_key, so LiteLLM never takes one from its environment', async () => {
    const params = await render({
      version: 1,
      providers: {
        lan: { preset: 'custom', apiBase: 'http://10.0.0.5:8000/v1' },
        vllm: { preset: 'vllm', apiBase: 'http://10.0.0.6:8000/v1' },
        ollama: { preset: 'ollama' },
      },
      models: [
        { name: 'a', provider: 'lan' },
        { name: 'b', provider: 'vllm' },
        { name: 'c', provider: 'ollama' },
      ],
    });
    expect(params).toEqual([
      { model: 'openai/a', api_base: 'http://10.0.0.5:8000/v1', api_key: 'llmctl-no-key' },
      { model: 'hosted_vllm/b', api_base: 'http://10.0.0.6:8000/v1', api_key: 'llmctl-no-key' },
      { model: 'ollama_chat/c', api_base: 'http://127.0.0.1:11434', api_key: 'llmctl-no-key' },
    ]);
  });

  it(
    'references in params become os.environ/ variables; ' +
      'a provider with credentials of its own gets no placeholder',
    async () => {
      const params = await render({
        version: 1,
        providers: {
          br: {
            preset: 'custom',
            apiBase: 'http://b/v1',
            params: { aws_secret_access_key: 'secret:aws_secret', aws_access_key_id: 'os.environ/AWS_ACCESS_KEY_ID' },
          },
          k: { preset: 'zhipu', apiKey: 'secret:team-a' },
        },
        models: [
          { name: 'a', provider: 'br' },
          { name: 'b', provider: 'k', params: { temperature: 0.1 } },
        ],
      });
      expect(params[0]).toEqual({
        model: 'openai/a',
        api_base: 'http://b/v1',
        aws_secret_access_key: 'os.environ/LLMCTL_KEY__6177735F736563726574',
        aws_access_key_id: 'os.environ/AWS_ACCESS_KEY_ID',
      });
      expect(params[1]).toMatchObject({ api_key: 'os.environ/LLMCTL_KEY_TEAM_A', temperature: 0.1 });
    },
  );
});

describe('renderLiteLLMObject: settings', () => {
  it('a key reference anywhere in the settings becomes os.environ/', async () => {
    const config = ConfigSchema.parse({
      version: 1,
      proxy: {
        settings: { cache_params: { type: 'redis', password: 'secret:redis' } },
        generalSettings: { database_url: 'env:MY_DB' },
        routerSettings: { redis_password: 'os.environ/RP' },
      },
    });
    const out = renderLiteLLMObject(config, await loadPresets()) as Record<string, Record<string, unknown>>;
    expect(out.litellm_settings!.cache_params).toEqual({ type: 'redis', password: 'os.environ/LLMCTL_KEY_REDIS' });
    expect(out.general_settings!.database_url).toBe('os.environ/MY_DB');
    expect(out.router_settings).toEqual({ redis_password: 'os.environ/RP' });
  });
});
