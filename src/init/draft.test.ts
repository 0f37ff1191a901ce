import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateConfigText } from '../config/load.js';
import { loadPresets } from '../config/presets.js';
import type { ConfigInput } from '../config/schema.js';
import type { UsageError } from '../errors.js';
import { addModels, newDraft, removeProvider, renderDraft, setPort, setProvider, setTools } from './draft.js';
import { applyFlags, type InitFlags } from './flags.js';

const EXISTING = `# my gateway — keep this comment
version: 1
proxy: { port: 5000 }   # the port the team uses
providers:
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
models:
  - { name: GLM-4-Flash-250414, provider: zhipu, params: { temperature: 0.7 } }
`;

function fromText(text: string) {
  return newDraft({ text, raw: parse(text) as ConfigInput });
}

describe('init draft: removing a provider', () => {
  const TWO = `version: 1
providers:
  # the hosted one
  zhipu: { preset: zhipu, apiKey: secret:zhipu }
  a100: { preset: vllm, apiBase: http://10.0.0.1:8000/v1 }   # the GPU box
  a101: { preset: vllm, apiBase: http://10.0.0.2:8000/v1 }
models:
  # chat
  - { name: glm, provider: zhipu }
  - { name: gemma, provider: a100 }   # on the box
  - name: qwen
    deployments: [ { provider: a100 }, { provider: a101 } ]
tools:
  claude: { model: gemma, haikuModel: glm }
  continue: { models: [gemma, glm] }
`;

  it('takes its models and the tool settings naming them, keeps every other line and comment', async () => {
    const d = fromText(TWO);
    expect(removeProvider(d, 'a100')).toEqual(['gemma']);
    const text = renderDraft(d);
    for (const kept of [
      '# the hosted one',
      '# chat',
      'zhipu: { preset: zhipu, apiKey: secret:zhipu }',
      '- { name: glm, provider: zhipu }',
      'a101: { preset: vllm, apiBase: http://10.0.0.2:8000/v1 }',
    ])
      expect(text).toContain(kept);
    expect(text).not.toContain('a100');
    expect(text).not.toContain('gemma');
    const v = await validateConfigText(text, 'llmctl.yaml');
    expect(v.errors).toEqual([]);
    expect(Object.keys(v.config!.providers)).toEqual(['zhipu', 'a101']);
    // The load-balanced model only lost that deployment.
    expect(v.config!.models).toEqual([
      { name: 'glm', provider: 'zhipu' },
      { name: 'qwen', deployments: [{ provider: 'a101' }] },
    ]);
    expect(v.config!.tools.claude).toMatchObject({ haikuModel: 'glm' });
    expect(v.config!.tools.claude.model).toBeUndefined();
    expect(v.config!.tools.continue.models).toEqual(['glm']);
  });

  it(
    'a model whose last deployment goes is removed too; ' +
      'a list that is also reordered is rewritten, never left with stale items',
    () => {
      const both = fromText(TWO);
      expect(removeProvider(both, 'a101')).toEqual([]);
      expect(removeProvider(both, 'a100').sort()).toEqual(['gemma', 'qwen']);
      expect((parse(renderDraft(both)) as ConfigInput).models!.map((m) => m.name)).toEqual(['glm']);

      // [gemma, glm, qwen] → gemma removed, then qwen chosen as the chat model (first): [qwen, glm].
      const d = fromText(TWO.replace('continue: { models: [gemma, glm] }', 'continue: { models: [gemma, glm, qwen] }'));
      removeProvider(d, 'a100');
      setTools(d, { continue: { chatModel: 'qwen' } });
      const cfg = parse(renderDraft(d)) as ConfigInput;
      expect(cfg.tools!.continue!.models).toEqual(['qwen', 'glm']);
    },
  );
});

describe('init draft: editing an existing llmctl.yaml', () => {
  it('adds a provider and models without losing anything, comments included', async () => {
    const d = fromText(EXISTING);
    setProvider(d, 'siliconflow', { preset: 'siliconflow', apiKey: 'env:SILICONFLOW_API_KEY' });
    addModels(d, 'siliconflow', [{ id: 'Qwen/Qwen3-8B', name: 'qwen3' }]);
    setTools(d, {
      claude: { model: 'qwen3', haikuModel: 'GLM-4-Flash-250414' },
      continue: { autocompleteModel: 'qwen3' },
    });
    const text = renderDraft(d);
    expect(text).toContain('# my gateway — keep this comment');
    expect(text).toContain('# the port the team uses');
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    const v = await validateConfigText(text, 'llmctl.yaml');
    expect(v.errors).toEqual([]);
    expect(Object.keys(v.config!.providers)).toEqual(['zhipu', 'siliconflow']);
    expect(v.config!.providers.zhipu!.apiKey).toBe('secret:zhipu');
    expect(v.config!.models.map((m) => m.name)).toEqual(['GLM-4-Flash-250414', 'qwen3']);
    expect(v.config!.models[0]!.params).toEqual({ temperature: 0.7 });
    expect(v.config!.proxy.port).toBe(5000);
    expect(v.config!.tools.claude).toMatchObject({ model: 'qwen3', haikuModel: 'GLM-4-Flash-250414' });
  });

  it('renders the same text when nothing was answered differently', () => {
    const d = fromText(EXISTING);
    setPort(d, 5000);
    expect(renderDraft(d)).toContain(EXISTING.split('\n')[1]);
    expect(renderDraft(d).split('\n').slice(1).join('\n')).toBe(EXISTING);
  });

  it('picking the same model again updates it instead of adding a duplicate', () => {
    const d = fromText(EXISTING);
    addModels(d, 'zhipu', [{ id: 'GLM-4-Flash-250414', name: 'GLM-4-Flash-250414' }]);
    expect(d.config.models).toHaveLength(1);
  });
});

describe('init --yes: flags', () => {
  const run = async (flags: InitFlags, stdinKey?: string, base = '') => {
    const d = base ? fromText(base) : newDraft();
    applyFlags(d, flags, await loadPresets(), stdinKey);
    return d;
  };
  const missing = async (flags: InitFlags, base = '') => {
    try {
      await run(flags, undefined, base);
    } catch (e) {
      return e as UsageError;
    }
    throw new Error('expected a UsageError');
  };

  it.each([
    [{}, ['--provider', '--key-env VAR or --key-stdin', '--model ID']],
    [{ provider: ['siliconflow'] }, ['--key-env VAR or --key-stdin', '--model ID']],
    [{ provider: ['siliconflow'], keyEnv: 'SF' }, ['--model ID']],
    [{ provider: ['vllm'], model: ['gemma'] }, ['--api-base URL']],
  ] as [InitFlags, string[]][])('names every missing flag: %j', async (flags, names) => {
    const e = await missing(flags);
    expect(e.exitCode).toBe(2);
    for (const n of names) expect(e.message).toContain(n);
  });

  it('a stdin key goes to the secrets store, an env key stays a reference', async () => {
    const a = await run({ provider: ['deepseek'], model: ['deepseek-chat'] }, 'sk-piped-key-000111');
    expect(a.secrets).toEqual({ deepseek: 'sk-piped-key-000111' });
    expect(a.config.providers.deepseek!.apiKey).toBe('secret:deepseek');
    expect(renderDraft(a)).not.toContain('sk-piped');
    const b = await run({ provider: ['deepseek'], keyEnv: 'DS_KEY', model: ['deepseek-chat'] });
    expect(b.secrets).toEqual({});
    expect(b.config.providers.deepseek!.apiKey).toBe('env:DS_KEY');
  });

  it('NAME=ID renames, PROVIDER:ID picks the provider, tool flags must name known models', async () => {
    const d = await run({
      provider: ['siliconflow', 'vllm'],
      keyEnv: 'SF',
      apiBase: undefined,
      model: ['coder=Qwen/Qwen2.5-Coder-7B-Instruct', 'vllm:gemma'],
    }).catch((e: Error) => e);
    expect((d as Error).message).toContain('which provider? there are several');
    const ok = await run({
      provider: ['vllm', 'siliconflow'],
      apiBase: ['http://10.0.0.5:8000/v1'],
      model: ['vllm:gemma', 'siliconflow:coder=Qwen/Qwen2.5-Coder-7B-Instruct'],
      autocompleteModel: 'coder',
      claudeModel: 'gemma',
    }).catch((e: Error) => e);
    // siliconflow needs a key; only the first provider takes --key-env.
    expect((ok as Error).message).toContain('llmctl keys set siliconflow');
    const good = await run({
      provider: ['vllm'],
      apiBase: ['http://10.0.0.5:8000/v1'],
      model: ['gemma', 'coder=qwen2.5-coder:7b'],
      autocompleteModel: 'coder',
      claudeModel: 'gemma',
      port: 4100,
    });
    expect(good.config.models).toEqual([
      { name: 'gemma', provider: 'vllm' },
      { name: 'coder', provider: 'vllm', model: 'qwen2.5-coder:7b', roles: ['autocomplete'] },
    ]);
    expect(good.config.tools?.claude).toMatchObject({ model: 'gemma', haikuModel: 'gemma' });
    expect(good.config.proxy?.port).toBe(4100);
    const bad = await run({
      provider: ['vllm'],
      apiBase: ['http://10.0.0.5:8000/v1'],
      model: ['gemma'],
      claudeModel: 'nope',
    }).catch((e: Error) => e);
    expect((bad as Error).message).toContain('--claude-model nope: no such model');
  });

  it('adding to an existing file needs no key flag for a provider that has one, and keeps the rest', async () => {
    const d = await run({ provider: ['zhipu'], model: ['glm-4-plus'] }, undefined, EXISTING);
    expect(d.config.models.map((m) => m.name)).toEqual(['GLM-4-Flash-250414', 'glm-4-plus']);
    expect(d.config.providers.zhipu!.apiKey).toBe('secret:zhipu');
  });
});

describe('init --yes: several instances of one model server (--api-base repeated)', () => {
  const THREE = ['http://10.0.0.5:8000/v1', 'http://10.0.0.6:8000/v1', 'http://10.0.0.7:8000/v1'];
  const run = async (flags: InitFlags, base = '') => {
    const d = base ? fromText(base) : newDraft();
    applyFlags(d, flags, await loadPresets(), undefined);
    return d;
  };

  it.each(['vllm', 'tgi', 'custom'])(
    '%s: one public name, one deployment per base URL; the provider keeps the first',
    async (preset) => {
      const d = await run({ provider: [preset], apiBase: THREE, model: ['qwen=Qwen/Qwen2.5-7B-Instruct'] });
      expect(d.config.providers[preset]).toEqual({ preset, apiBase: THREE[0] });
      expect(d.config.models).toEqual([
        {
          name: 'qwen',
          model: 'Qwen/Qwen2.5-7B-Instruct',
          deployments: THREE.map((apiBase) => ({ provider: preset, apiBase })),
        },
      ]);
      const v = await validateConfigText(renderDraft(d), 'llmctl.yaml');
      expect(v.errors).toEqual([]);
      expect(v.warnings).toEqual([]);
      expect(d.config.tools?.claude).toMatchObject({ model: 'qwen' });
    },
  );

  it('Ollama instances too (their base has no /v1)', async () => {
    const bases = ['http://10.0.0.5:11434', 'http://10.0.0.6:11434'];
    const d = await run({ provider: ['ollama'], apiBase: bases, model: ['llama3.1:8b'] });
    expect(d.config.models[0]!.deployments).toEqual(bases.map((apiBase) => ({ provider: 'ollama', apiBase })));
  });

  it('refuses several base URLs for a hosted provider, and the same instance twice', async () => {
    const hosted = await run({
      provider: ['siliconflow'],
      keyEnv: 'SF',
      apiBase: ['https://a/v1', 'https://b/v1'],
      model: ['x'],
    }).catch((e: UsageError) => e);
    expect((hosted as UsageError).exitCode).toBe(2);
    expect((hosted as UsageError).message).toContain('--api-base was given 2 times, but siliconflow');
    const twice = await run({
      provider: ['vllm'],
      apiBase: [THREE[0]!, `${THREE[0]}/`],
      model: ['x'],
    }).catch((e: UsageError) => e);
    expect((twice as UsageError).message).toContain('was given twice');
  });

  it('running init again with the same instances updates the model in place, never duplicates it', async () => {
    const first = await run({ provider: ['vllm'], apiBase: THREE, model: ['qwen'] });
    const again = await run({ provider: ['vllm'], apiBase: THREE.slice(0, 2), model: ['qwen'] }, renderDraft(first));
    expect(again.config.models).toEqual([
      { name: 'qwen', deployments: THREE.slice(0, 2).map((apiBase) => ({ provider: 'vllm', apiBase })) },
    ]);
    // Back to one instance: the plain form again.
    const one = await run({ provider: ['vllm'], apiBase: [THREE[1]!], model: ['qwen'] }, renderDraft(again));
    expect(one.config.models).toEqual([{ name: 'qwen', provider: 'vllm' }]);
    expect(one.config.providers.vllm).toEqual({ preset: 'vllm', apiBase: THREE[1] });
  });
});
