import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/golden.js';
import { LlmctlError } from '../errors.js';
import { detectGateway, importContinue } from './continue.js';
import { mergeImport } from './merge.js';

const SEED = fixture('seed/continue.config.yaml');

const cfg = (entries: string) => `name: x\nversion: 1.0.0\nschema: v1\nmodels:\n${entries}`;

describe('a LiteLLM gateway in a Continue config', () => {
  it(
    'the seed’s 172.16.1.166:4000 is one (three entries, ' +
      'three models); its vLLM on :8000 (one model twice) is not',
    async () => {
      expect(await detectGateway(SEED, '/seed.yaml')).toEqual({ url: 'http://172.16.1.166:4000', n: 3 });
      const vllmOnly = cfg(
        '  - { name: a, provider: openai, model: google/gemma-3-4b-it, apiBase: "http://10.0.0.5:8000/v1" }\n' +
          '  - { name: b, provider: openai, model: google/gemma-3-4b-it, apiBase: "http://10.0.0.5:8000/v1" }\n',
      );
      expect(await detectGateway(vllmOnly, '/c.yaml')).toBeUndefined();
      // A known provider's endpoint is never a gateway, however many models go there.
      const hosted = cfg(
        '  - { name: a, provider: openai, model: x, apiBase: "https://api.siliconflow.cn/v1" }\n' +
          '  - { name: b, provider: openai, model: y, apiBase: "https://api.siliconflow.cn/v1" }\n',
      );
      expect(await detectGateway(hosted, '/c.yaml')).toBeUndefined();
    },
  );

  it(
    '--gateway: proxy.url and proxy.key, ' + 'the models by the gateway’s names, the other entries left to Continue',
    async () => {
      const r = await importContinue(SEED, '/seed.yaml', undefined, { gateway: true });
      expect(r.proxy).toEqual({ url: 'http://172.16.1.166:4000', key: 'secret:gateway' });
      expect(r.providers).toEqual({});
      expect(r.models.map((m) => m.name)).toEqual([
        'GLM-4-Flash-250414',
        'deepseek-v3-250324',
        'DeepSeek-R1-0528-Qwen3-8B',
      ]);
      expect(r.models.every((m) => m.provider === undefined && m.model === undefined)).toBe(true);
      // The seed's key is a placeholder: nothing is stored, and the warning says how to give the real one.
      expect(r.secrets).toEqual({});
      const text = r.warnings.map((w) => w.message).join('\n');
      expect(text).toContain('llmctl keys set gateway');
      expect(text).toMatch(/8 other entries do not go through the gateway .*Gemini 2.5 Pro Experimental/);
      expect(text).not.toMatch(/OPENAI_API_KEY/);
    },
  );

  it(
    'a real key found in the entries is stored for proxy.key; ' + 'the merged llmctl.yaml is valid client mode',
    async () => {
      const text = cfg(
        '  - { name: t/a, provider: openai, model: glm-4, apiKey: sk-team-virtual-key-1234, apiBase: "http://gw.corp:4000/v1", roles: [chat] }\n' +
          '  - { name: t/b, provider: openai, model: qwen-coder, apiKey: sk-team-virtual-key-1234, apiBase: "http://gw.corp:4000/v1" }\n',
      );
      const r = await importContinue(text, '/c.yaml', undefined, { gateway: true });
      expect(r.secrets).toEqual({ gateway: 'sk-team-virtual-key-1234' });
      expect(r.models).toEqual([{ name: 'glm-4', roles: ['chat'] }, { name: 'qwen-coder' }]);
      const merged = await mergeImport(null, '/h/llmctl.yaml', r);
      expect(merged.text).toContain('url: http://gw.corp:4000');
      expect(merged.text).toContain('key: secret:gateway');
      expect(merged.text).not.toContain('sk-team-virtual-key-1234');
      expect(merged.secrets).toEqual({ gateway: 'sk-team-virtual-key-1234' });
      expect(merged.addedSettings).toEqual(['proxy.url', 'proxy.key']);
    },
  );

  it(
    '--no-gateway keeps the provider import silently; ' + 'no choice made imports it so and says which flag chooses',
    async () => {
      const no = await importContinue(SEED, '/seed.yaml', undefined, { gateway: false });
      expect(no.proxy).toBeUndefined();
      expect(no.warnings.some((w) => w.message.includes('LiteLLM gateway'))).toBe(false);
      const unsaid = await importContinue(SEED, '/seed.yaml');
      const w = unsaid.warnings.find((x) => x.message.includes('go to a LiteLLM gateway at http://172.16.1.166:4000'));
      expect(w?.hint).toContain('llmctl import continue --gateway');
      expect(unsaid.models.map((m) => m.name)).toEqual(no.models.map((m) => m.name));
    },
  );

  it('--gateway when there is none is an error naming the file', async () => {
    const e = await importContinue(cfg('  - { name: a, provider: zhipu, model: glm-4 }\n'), '/c.yaml', undefined, {
      gateway: true,
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LlmctlError);
    expect((e as LlmctlError).message).toBe('no LiteLLM gateway found in /c.yaml');
  });
});
