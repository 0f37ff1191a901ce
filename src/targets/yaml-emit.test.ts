import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TRICKY } from '../../test/helpers/yaml-strings.js';
import { emitYaml, type Plain } from './yaml-emit.js';

const sample: { [key: string]: Plain } = {
  model_list: [
    {
      model_name: 'GLM-4-Flash-250414',
      litellm_params: {
        model: 'openai/GLM-4-Flash-250414',
        api_base: 'https://open.bigmodel.cn/api/paas/v4/',
        temperature: 0.7,
        max_tokens: 150,
        stop: ['a', 'b'],
        tools: [],
      },
    },
    {
      model_name: 'x',
      litellm_params: { model: 'openai/x', extra: { nested: { deep: [1, [2, 3], { k: null }], empty: {} } } },
      model_info: { mode: 'chat', supports: true },
    },
  ],
  litellm_settings: { drop_params: true, num_retries: 0, big: 12345678901234, neg: -0.25 },
  general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY' },
  ...Object.fromEntries(TRICKY.map((t, i) => [t || `empty${i}`, t])),
  lists: TRICKY,
};

describe('emitYaml', () => {
  it('reads back as the same data in YAML 1.2 and in YAML 1.1 (what PyYAML, and so LiteLLM, reads)', () => {
    const text = emitYaml(sample);
    expect(parse(text)).toEqual(sample);
    expect(parse(text, { version: '1.1' })).toEqual(sample);
  });

  it.each(TRICKY.map((t) => [t]))('the string %j survives as a value, a key and a list item', (t) => {
    const doc = { [t]: t, list: [t, [t]], map: { k: t } };
    for (const version of ['1.1', '1.2'] as const) expect(parse(emitYaml(doc), { version })).toEqual(doc);
  });

  it('writes what a person would: block style, plain where it is safe, 2-space lists under their key', () => {
    expect(
      emitYaml({
        model_list: [{ model_name: 'glm', litellm_params: { model: 'openai/glm', temperature: 0.7 } }],
        s: { on: 'yes', t: '' },
        e: [],
        m: {},
      }),
    ).toBe(
      [
        'model_list:',
        '  - model_name: glm',
        '    litellm_params:',
        '      model: openai/glm',
        '      temperature: 0.7',
        's:',
        '  "on": "yes"',
        '  t: ""',
        'e: []',
        'm: {}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out undefined fields, as JSON does', () => {
    expect(emitYaml({ a: undefined, b: 1 })).toBe('b: 1\n');
  });
});
