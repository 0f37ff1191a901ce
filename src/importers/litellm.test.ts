import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPresets } from '../config/presets.js';
import { runRules } from '../config/rules.js';
import { ConfigSchema } from '../config/schema.js';
import { envNameFor } from '../secrets/refs.js';
import { renderModelList } from '../targets/litellm.js';
import { importLitellm, isPlaceholderKey } from './litellm.js';

const SEED = fileURLToPath(new URL('../../test/fixtures/seed/litellm.config.yaml', import.meta.url));
const seedText = readFileSync(SEED, 'utf8');

type Deployment = { model_name: string; litellm_params: Record<string, unknown>; model_info?: unknown };

async function roundTrip(text: string) {
  const presets = await loadPresets();
  const r = await importLitellm(text, 'in.yaml', presets);
  const config = ConfigSchema.parse({ version: 1, providers: r.providers, models: r.models, proxy: r.proxy ?? {} });
  expect(runRules(config, presets).filter((p) => p.severity === 'error')).toEqual([]);
  return { r, config, list: renderModelList(config, presets) as Deployment[] };
}

describe('importLitellm', () => {
  it('round-trips the seed: same names, order and litellm_params, keys as os.environ refs', async () => {
    const { r, list } = await roundTrip(seedText);
    const seed = (parse(seedText) as { model_list: Deployment[] }).model_list;
    expect(list.map((d) => d.model_name)).toEqual(seed.map((d) => d.model_name));
    expect(list).toHaveLength(12);
    for (const [i, d] of list.entries()) {
      const { api_key: wantKey, ...want } = seed[i]!.litellm_params;
      const { api_key: gotKey, ...got } = d.litellm_params;
      expect(got).toEqual(want);
      // No key in the source: a harmless placeholder, so LiteLLM never reaches for a key of the shell's.
      if (wantKey === undefined) expect(gotKey).toBe('llmctl-no-key');
      else expect(gotKey).toMatch(/^os\.environ\/[A-Z0-9_]+$/);
    }
    expect(Object.keys(r.providers).sort()).toEqual([
      'gemini',
      'openrouter',
      'siliconflow',
      'vllm-172-16-1-166',
      'volcengine',
      'zhipu',
    ]);
    expect(r.secrets).toEqual({});
  });

  it('reports placeholder keys as "no key yet" with the command to set one', async () => {
    const r = await importLitellm(seedText, 'seed.yaml');
    const noKey = r.warnings.filter((w) => w.message.startsWith('no key yet'));
    expect(noKey.map((w) => w.message)).toContain('no key yet for provider "zhipu" (the file has a placeholder)');
    expect(noKey).toHaveLength(5);
    expect(noKey[0]).toMatchObject({ file: 'seed.yaml', line: 10, path: 'model_list[0].litellm_params.api_key' });
    expect(noKey[0]!.hint).toContain('llmctl keys set zhipu');
    expect(r.placeholderKeys).toContain('zhipu');
  });

  it('reports enable_stream and keeps the settings', async () => {
    const r = await importLitellm(seedText, 'seed.yaml');
    const w = r.warnings.find((x) => x.message.includes('enable_stream'));
    expect(w).toMatchObject({ line: 4, path: 'litellm_settings.enable_stream' });
    expect(r.proxy?.settings).toEqual({ drop_params: true, enable_stream: true });
  });

  it('passes through provider: google and model_info', async () => {
    const text = `model_list:
  - model_name: a
    litellm_params: { model: hosted_vllm/google/gemma, api_base: http://10.0.0.5:8000/v1, provider: google }
    model_info: { mode: chat, base_model: gemma }
`;
    const { r, list } = await roundTrip(text);
    expect(r.models[0]).toMatchObject({
      name: 'a',
      model: 'google/gemma',
      params: { provider: 'google' },
      modelInfo: { mode: 'chat', base_model: 'gemma' },
    });
    expect(list[0]).toEqual({
      model_name: 'a',
      litellm_params: {
        model: 'hosted_vllm/google/gemma',
        api_base: 'http://10.0.0.5:8000/v1',
        api_key: 'llmctl-no-key',
        provider: 'google',
      },
      model_info: { mode: 'chat', base_model: 'gemma' },
    });
  });

  it('moves real keys to secrets, maps os.environ refs, splits providers by key', async () => {
    const text = `model_list:
  - model_name: a
    litellm_params: { model: openai/a, api_base: https://api.siliconflow.cn/v1, api_key: sk-realLookingKey1234567890 }
  - model_name: b
    litellm_params: { model: openai/b, api_base: https://api.siliconflow.cn/v1, api_key: sk-otherRealKey0987654321 }
  - model_name: c
    litellm_params: { model: deepseek/deepseek-chat, api_key: os.environ/DS_KEY }
  - model_name: d
    litellm_params: { model: openai/a, api_base: https://api.siliconflow.cn/v1, api_key: sk-realLookingKey1234567890 }
general_settings: { master_key: sk-masterKeyValue123456789 }
`;
    const { r, config, list } = await roundTrip(text);
    expect(r.secrets).toEqual({
      siliconflow: 'sk-realLookingKey1234567890',
      'siliconflow-2': 'sk-otherRealKey0987654321',
      proxy: 'sk-masterKeyValue123456789',
    });
    expect(r.providers.siliconflow!.apiKey).toBe('secret:siliconflow');
    expect(r.providers.deepseek!.apiKey).toBe('env:DS_KEY');
    expect(r.models.map((m) => m.provider)).toEqual(['siliconflow', 'siliconflow-2', 'deepseek', 'siliconflow']);
    expect(r.proxy?.masterKey).toBe('secret:proxy');
    expect(list[2]!.litellm_params.api_key).toBe('os.environ/DS_KEY');
    expect(list[0]!.litellm_params.api_key).toBe(`os.environ/${envNameFor('secret:siliconflow')}`);
    expect(JSON.stringify(config)).not.toContain('sk-real');
  });

  it('turns a repeated model_name into deployments (load balancing)', async () => {
    const text = `model_list:
  - model_name: gemma
    litellm_params: { model: hosted_vllm/google/gemma, api_base: http://10.0.0.5:8000/v1 }
  - model_name: gemma
    litellm_params: { model: hosted_vllm/google/gemma, api_base: http://10.0.0.6:8000/v1, rpm: 10 }
`;
    const { r, list } = await roundTrip(text);
    expect(r.models).toHaveLength(1);
    expect(r.models[0]!.deployments).toHaveLength(2);
    expect(list.map((d) => d.litellm_params.api_base)).toEqual(['http://10.0.0.5:8000/v1', 'http://10.0.0.6:8000/v1']);
    expect(list[1]!.litellm_params.rpm).toBe(10);
  });

  it('keeps a model string with no preset verbatim', async () => {
    const text = `model_list:
  - model_name: az
    litellm_params: { model: azure/my-deploy, api_base: https://x.openai.azure.com, api_version: "2024-02-01" }
  - model_name: local
    litellm_params: { model: hosted_vllm/qwen }
`;
    const { r, list } = await roundTrip(text);
    expect(list.map((d) => d.litellm_params)).toEqual([
      {
        model: 'azure/my-deploy',
        api_base: 'https://x.openai.azure.com',
        api_key: 'llmctl-no-key',
        api_version: '2024-02-01',
      },
      { model: 'hosted_vllm/qwen', api_key: 'llmctl-no-key' },
    ]);
    expect(r.warnings.some((w) => w.message.includes('azure/my-deploy'))).toBe(true);
  });

  it(
    'moves every credential in litellm_params to the secrets store, ' +
      'not only api_key; the generated config reads them from the environment',
    async () => {
      const text = `model_list:
  - model_name: claude-bedrock
    litellm_params:
      model: bedrock/anthropic.claude-3
      aws_access_key_id: AKIAIOSFODNN7EXAMPLE
      aws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
      aws_session_token: os.environ/AWS_SESSION_TOKEN
      aws_region_name: us-east-1
  - model_name: gem
    litellm_params:
      model: vertex_ai/gemini-pro
      vertex_credentials: { type: service_account, private_key: "-----BEGIN PRIVATE KEY-----" }
  - model_name: gw
    litellm_params:
      model: openai/gw
      api_base: http://10.1.1.1:4000/v1
      extra_headers: { Authorization: Bearer sk-gateway-0123456789, X-Team: blue }
`;
      const { r, config, list } = await roundTrip(text);
      const all = JSON.stringify({ providers: r.providers, models: r.models });
      expect(all).not.toMatch(/AKIA|wJalr|PRIVATE KEY|sk-gateway/);
      expect(Object.values(r.secrets)).toEqual(
        expect.arrayContaining([
          'AKIAIOSFODNN7EXAMPLE',
          'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          'Bearer sk-gateway-0123456789',
        ]),
      );
      expect(Object.values(r.secrets)).toContain(
        JSON.stringify({ type: 'service_account', private_key: '-----BEGIN PRIVATE KEY-----' }),
      );
      const bedrock = r.models.find((m) => m.name === 'claude-bedrock')!;
      expect(bedrock.params).toMatchObject({
        aws_access_key_id: 'secret:bedrock-aws-access-key-id',
        aws_secret_access_key: 'secret:bedrock-aws-secret-access-key',
        aws_session_token: 'os.environ/AWS_SESSION_TOKEN',
        aws_region_name: 'us-east-1',
      });
      expect(list[0]!.litellm_params).toMatchObject({
        aws_secret_access_key: expect.stringMatching(/^os\.environ\/LLMCTL_KEY_/),
        aws_session_token: 'os.environ/AWS_SESSION_TOKEN',
      });
      expect(list[2]!.litellm_params.extra_headers).toEqual({ 'X-Team': 'blue' });
      expect(
        r.warnings.find((w) => w.path === 'model_list[2].litellm_params.extra_headers.Authorization')?.message,
      ).toContain('carried a credential');
      expect(config.models).toHaveLength(3);
    },
  );

  it(
    'a key read from a variable llmctl reserves becomes no reference ' +
      '(os.environ/LITELLM_MASTER_KEY, os.environ/LLMCTL_KEY_…)',
    async () => {
      const text = `model_list:
  - model_name: a
    litellm_params: { model: openai/a, api_base: https://gw.example.com/v1, api_key: os.environ/LITELLM_MASTER_KEY }
  - model_name: b
    litellm_params: { model: bedrock/b, aws_secret_access_key: os.environ/LLMCTL_KEY_AWS, aws_region_name: us-east-1 }
`;
      const { r } = await roundTrip(text);
      expect(JSON.stringify({ p: r.providers, m: r.models })).not.toMatch(/LITELLM_MASTER_KEY|LLMCTL_KEY_AWS/);
      expect(r.warnings.filter((w) => w.message.includes('not imported as a reference')).map((w) => w.path)).toEqual([
        'model_list[0].litellm_params.api_key',
        'model_list[1].litellm_params.aws_secret_access_key',
      ]);
    },
  );

  it(
    'moves credentials in the settings (database_url with a password, ' +
      'cache password, redis_password) to the store',
    async () => {
      const text = `model_list:
  - model_name: a
    litellm_params: { model: hosted_vllm/a, api_base: http://10.0.0.5:8000/v1 }
litellm_settings:
  cache: true
  cache_params: { type: redis, host: cache, password: hunter2-cache }
general_settings:
  database_url: postgresql://llm:hunter2-db@db:5432/litellm
  master_key: sk-1234567890abcdef
router_settings:
  redis_password: hunter2-router
`;
      const r = await importLitellm(text, 'in.yaml');
      expect(JSON.stringify(r.proxy)).not.toContain('hunter2');
      expect(r.proxy?.settings).toEqual({
        cache: true,
        cache_params: { type: 'redis', host: 'cache', password: 'secret:proxy-password' },
      });
      expect(r.proxy?.generalSettings).toEqual({ database_url: 'secret:proxy-database-url' });
      expect(r.proxy?.routerSettings).toEqual({ redis_password: 'secret:proxy-redis-password' });
      expect(r.proxy?.masterKey).toBe('secret:proxy');
      expect(r.secrets).toEqual({
        'proxy-password': 'hunter2-cache',
        'proxy-database-url': 'postgresql://llm:hunter2-db@db:5432/litellm',
        'proxy-redis-password': 'hunter2-router',
        proxy: 'sk-1234567890abcdef',
      });
    },
  );

  it('refuses unparseable YAML and files without model_list, naming the place', async () => {
    await expect(importLitellm('model_list:\n  - model_name: [a\n', 'bad.yaml')).rejects.toMatchObject({
      message: 'bad.yaml is not valid YAML',
      problems: [expect.objectContaining({ file: 'bad.yaml', line: expect.any(Number) })],
    });
    await expect(importLitellm('foo: 1\n', 'x.yaml')).rejects.toThrow(/no model_list/);
  });

  it.each([
    ['your_api_key_here', true],
    ['', true],
    ['sk-xxx', true],
    ['sk-xxxxxxxxxxxxxxxx', true],
    ['<YOUR KEY>', true],
    ['sk-4f9a8b7c6d5e4f3a2b1c', false],
    ['AIzaSyD-realistic-key-123', false],
  ])('isPlaceholderKey(%j) = %s', (v, want) => {
    expect(isPlaceholderKey(v)).toBe(want);
  });
});

describe('importLitellm: one model over several instances', () => {
  const THREE = ['http://10.0.0.5:8000/v1', 'http://10.0.0.6:8001/v1', 'http://10.0.0.7:8002/v1'];

  it(
    "llmctl's own config round-trips: " + 'same deployments and router_settings, keyless instances stay keyless',
    async () => {
      const { renderLiteLLMObject } = await import('../targets/litellm.js');
      const presets = await loadPresets();
      const original = ConfigSchema.parse({
        version: 1,
        proxy: { routerSettings: { cooldown_time: 60 } },
        providers: { gpu: { preset: 'vllm', apiBase: THREE[0] } },
        models: [
          {
            name: 'qwen',
            model: 'Qwen/Qwen2.5-7B-Instruct',
            deployments: THREE.map((apiBase) => ({ provider: 'gpu', apiBase })),
          },
          { name: 'solo', provider: 'gpu' },
        ],
      });
      const rendered = renderLiteLLMObject(original, presets);
      const text = (await import('yaml')).stringify(rendered);
      const { r, config } = await roundTrip(text);
      expect(renderLiteLLMObject(config, presets)).toEqual(rendered);
      // No key invented for a keyless server (llmctl's placeholder is not a key).
      expect(r.secrets).toEqual({});
      for (const p of Object.values(r.providers)) expect(p.apiKey).toBeUndefined();
      expect(r.models[0]).toMatchObject({ name: 'qwen' });
      expect(r.models[0]!.deployments).toHaveLength(3);
      // llmctl's own routing values are not frozen into llmctl.yaml; the user's own one is kept.
      expect(r.proxy?.routerSettings).toEqual({ cooldown_time: 60 });
    },
  );

  it("a hand-written config with the same name three times keeps the user's router_settings whole", async () => {
    const text = `model_list:
${THREE.map((b) => `  - model_name: qwen\n    litellm_params: { model: hosted_vllm/qwen, api_base: ${b} }`).join('\n')}
router_settings: { routing_strategy: least-busy, num_retries: 2, allowed_fails: 3 }
`;
    const { r, list } = await roundTrip(text);
    expect(list.map((d) => d.litellm_params.api_base)).toEqual(THREE);
    expect(list.map((d) => d.litellm_params.model)).toEqual(Array(3).fill('hosted_vllm/qwen'));
    // num_retries 2 equals llmctl's own value: dropped, and rendered again by llmctl.
    expect(r.proxy?.routerSettings).toEqual({ routing_strategy: 'least-busy', allowed_fails: 3 });
  });
});
