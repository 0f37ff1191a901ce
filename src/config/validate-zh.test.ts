import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { validateConfigText } from './load.js';

/**
 * Schema and rule problems in Chinese: each zod issue code llmctl maps has native wording, the rest
 * wraps zod's English message; the place (line, column, path) is the English one.
 */
const CASES: [name: string, yaml: string, zh: RegExp][] = [
  ['invalid_type', 'version: 1\nproxy: { port: "4000" }\n', /^类型不对：应为数字，实际是字符串$/],
  ['invalid_type (int)', 'version: 1\nproxy: { port: 4000.5 }\n', /^类型不对：应为整数，实际是数字$/],
  ['invalid_value', 'version: 1\ntools: { continue: { via: both } }\n', /^取值无效：应为 "proxy", "direct" 之一$/],
  ['missing field', 'proxy: {}\n', /^缺少必填字段$/],
  ['too_small (string)', 'version: 1\nproviders: { a: { preset: "" } }\n', /^不能为空$/],
  ['too_small (number)', 'version: 1\nmodels: [{ name: m, provider: a, rpm: 0 }]\n', /^值必须大于 0$/],
  ['too_big', 'version: 1\nproxy: { port: 70000 }\n', /^值不能大于 65535$/],
  ['key reference', 'version: 1\nproviders: { a: { preset: zhipu, apiKey: abc } }\n', /^必须是密钥引用/],
  ['URL', 'version: 1\nproviders: { a: { preset: zhipu, apiBase: x } }\n', /^必须是 http\(s\) URL/],
  ['unknown field', 'version: 1\nmodelz: []\n', /^未知字段 "modelz"$/],
  [
    'rule: duplicate model',
    'version: 1\nproviders: { a: { preset: zhipu, apiKey: env:K } }\n' +
      'models: [{ name: m, provider: a }, { name: m, provider: a }]\n',
    /^模型名称“m”重复（models\[0\] 也用了它）$/,
  ],
];

describe('llmctl.yaml problems under zh-CN', () => {
  afterEach(() => setLocale('en'));

  it.each(CASES)('%s', async (_name, yaml, zh) => {
    setLocale('en');
    const en = await validateConfigText(yaml, 'llmctl.yaml');
    setLocale('zh-CN');
    const cn = await validateConfigText(yaml, 'llmctl.yaml');
    expect(cn.errors).toHaveLength(en.errors.length);
    expect(en.errors.length).toBeGreaterThan(0);
    const place = ({ file, line, col, path }: (typeof en.errors)[number]) => ({ file, line, col, path });
    expect(cn.errors.map(place)).toEqual(en.errors.map(place));
    expect(cn.errors[0]!.message).toMatch(zh);
    for (const e of cn.errors) if (e.hint) expect(e.hint).toMatch(/[\u4e00-\u9fff]/);
  });
});
