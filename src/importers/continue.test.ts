import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/golden.js';
import { LlmctlError } from '../errors.js';
import { importContinue } from './continue.js';

describe('importContinue', () => {
  it(
    'adopts the seed: proxy models by their proxy name, ' + 'the others direct; max-tokens → maxTokens with a warning',
    async () => {
      const r = await importContinue(fixture('seed/continue.config.yaml'), '/seed/config.yaml');
      const names = r.models.map((m) => m.name);
      // "a100/GLM-4-Flash-250414" asks the LiteLLM proxy on :4000 for GLM-4-Flash-250414, already the first entry.
      expect(names).toEqual([
        'GLM-4-Flash-250414',
        'a100/gemma-3-4b-it',
        'deepseek-v3-250324',
        'DeepSeek-R1-0528-Qwen3-8B',
        '硅基流动/DeepSeek-R1-Distill-Qwen-7B',
        'FIM/硅基流动/Qwen2.5-Coder-7B-Instruct',
        'Gemini 2.5 Pro Experimental',
        'a100-vllm/gemma-3-4b-it',
        'openrouter/deepseek-r1t2-chimera:free',
        'openrouter/mistral-small-3.2-24b-instruct-2506:free',
      ]);
      const by = (n: string) => r.models.find((m) => m.name === n)!;
      expect(by('a100/gemma-3-4b-it')).toMatchObject({
        model: 'google/gemma-3-4b-it',
        roles: ['autocomplete', 'chat', 'embed'],
        maxTokens: 3000,
      });
      expect(by('FIM/硅基流动/Qwen2.5-Coder-7B-Instruct')).toMatchObject({
        provider: 'siliconflow',
        roles: ['autocomplete'],
      });
      expect(by('Gemini 2.5 Pro Experimental').provider).toBe('gemini');
      expect(by('a100-vllm/gemma-3-4b-it').continue?.chatOptions).toBeDefined();
      expect(r.providers.siliconflow).toMatchObject({ preset: 'siliconflow' });
      expect(r.providers[by('a100/gemma-3-4b-it').provider!]).toMatchObject({
        preset: 'vllm',
        apiBase: 'http://172.16.1.166:8000/v1',
      });
      expect(r.tools?.continue?.via).toBe('proxy');
      // Every key in the seed is a placeholder: nothing goes to the secrets store.
      expect(r.secrets).toEqual({});
      expect(r.placeholderKeys?.length).toBeGreaterThan(0);
      const mt = r.warnings.filter((w) => w.message.includes('max-tokens'));
      expect(mt.map((w) => w.line)).toEqual([26, 137]);
    },
  );

  it('a real key goes to the secrets store, never into the result’s providers', async () => {
    const text =
      'name: a\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: m\n    provider: openai\n    model: m\n    apiBase: https://api.siliconflow.cn/v1\n    apiKey: sk-realkey-abcdefghijklmnop\n';
    const r = await importContinue(text, 'c.yaml');
    expect(r.secrets).toEqual({ siliconflow: 'sk-realkey-abcdefghijklmnop' });
    expect(r.providers.siliconflow!.apiKey).toBe('secret:siliconflow');
    expect(JSON.stringify(r.providers)).not.toContain('sk-realkey');
  });

  it(
    'a placeholder key on a gateway or custom server never ' +
      'becomes env:OPENAI_API_KEY (the user’s real OpenAI key)',
    async () => {
      const r = await importContinue(fixture('seed/continue.config.yaml'), '/seed/config.yaml');
      const refs = Object.values(r.providers).map((p) => p.apiKey);
      expect(refs).not.toContain('env:OPENAI_API_KEY');
      // The old LiteLLM gateway on :4000 (custom preset) is keyless, with a warning saying so.
      const gateway = Object.entries(r.providers).find(([, p]) => p.apiBase === 'http://172.16.1.166:4000/v1')!;
      expect(gateway[1].apiKey).toBeUndefined();
      const w = r.warnings.find((x) => x.message.includes(`provider "${gateway[0]}" imported without a key`));
      expect(w?.message).toContain("never one of your shell's");
      expect(w?.hint).toContain(`llmctl keys set ${gateway[0]}`);
      // A provider's own endpoint keeps its own variable; OpenRouter's base on the openai provider is its preset's.
      expect(r.providers.siliconflow!.apiKey).toBe('env:SILICONFLOW_API_KEY');
      expect(r.providers.openrouter!.apiKey).toBe('env:OPENROUTER_API_KEY');
    },
  );

  it(
    'OPENAI_API_KEY only for OpenAI’s own endpoint; ' + 'a third-party host with a placeholder gets no shell key',
    async () => {
      const text =
        'models:\n  - name: m\n    provider: openai\n    model: m\n    apiBase: https://llm.example.com/v1\n    apiKey: your_api_key_here\n  - name: n\n    provider: openai\n    model: n\n';
      const r = await importContinue(text, 'c.yaml');
      const of = (model: string) => r.providers[r.models.find((x) => x.name === model)!.provider!]!;
      expect(of('m')).toEqual({ preset: 'custom', apiBase: 'https://llm.example.com/v1' });
      expect(of('n')).toEqual({ preset: 'openai', apiKey: 'env:OPENAI_API_KEY' });
    },
  );

  it(
    'a Continue secret llmctl reserves (its own LLMCTL_PROXY_KEY, ' +
      'LITELLM_MASTER_KEY) is not imported as env:, and the import is valid',
    async () => {
      const text =
        'models:\n  - name: m\n    provider: openai\n    model: m\n    apiBase: https://gw.example.com/v1\n    apiKey: ${{ secrets.LITELLM_MASTER_KEY }}\n';
      const r = await importContinue(text, 'c.yaml');
      expect(Object.values(r.providers).map((p) => p.apiKey)).toEqual([undefined]);
      expect(
        r.warnings.find((w) => w.path === 'models[0].apiKey' && w.message.includes('LITELLM_MASTER_KEY'))?.message,
      ).toContain('not imported as a reference');
    },
  );

  it('refuses invalid YAML with line and column', async () => {
    const err = await importContinue('models:\n  - name: a\n   bad: [\n', 'c.yaml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmctlError);
    expect((err as LlmctlError).problems[0]!.line).toBeGreaterThan(0);
  });
});
