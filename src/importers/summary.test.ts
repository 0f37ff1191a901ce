import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import type { MergeOutcome } from './merge.js';
import { importSummary, importWarnings } from './summary.js';
import type { ImportResult } from './types.js';

const merged: MergeOutcome = {
  text: '',
  changed: true,
  created: true,
  addedProviders: ['zhipu', 'siliconflow'],
  reusedProviders: { sf: 'siliconflow' },
  addedModels: ['glm'],
  skippedModels: [{ name: 'qwen', reason: '' }],
  secrets: { zhipu: 'zk-0123456789' },
  addedSettings: [],
  noKey: [{ provider: 'siliconflow', env: 'SILICONFLOW_API_KEY' }],
  deferred: [],
};
const input = {
  tool: 'litellm' as const,
  file: 'config.yaml',
  configFile: 'llmctl.yaml',
  secretsFile: 'secrets.json',
  dryRun: false,
  merged,
  mask: () => 'zk-…789',
  bold: (s: string) => s,
};

describe('the import summary', () => {
  afterEach(() => setLocale('en'));

  it('reads as before in English', () => {
    expect(importSummary(input).map((l) => l.text)).toEqual([
      'litellm config config.yaml: added 2 providers and 1 model in llmctl.yaml.',
      '  providers: zhipu, siliconflow',
      '  provider sf: already in llmctl.yaml as "siliconflow"',
      '  models: glm',
      '  skipped 1 model already in llmctl.yaml: qwen',
      '  key zhipu (zk-…789) stored in secrets.json',
      '  1 provider without a key yet: `llmctl keys set NAME` stores one (`llmctl sync` names them)',
      '  no key yet for "siliconflow": run `llmctl keys set siliconflow` (it ' +
        'points llmctl.yaml at the stored key), or export SILICONFLOW_API_KEY',
      'Next: llmctl sync writes the tool configs from it.',
    ]);
  });

  it('is Chinese under zh-CN, with the same lines at the same levels', () => {
    const en = importSummary({ ...input, dryRun: true });
    setLocale('zh-CN');
    const zh = importSummary({ ...input, dryRun: true });
    expect(zh.map((l) => l.level)).toEqual(en.map((l) => l.level));
    expect(zh[0]!.text).toBe('试运行：litellm 配置文件 config.yaml：将向 llmctl.yaml 添加 2 个供应商和 1 个模型。');
    expect(zh.at(-1)!.text).toBe('没有写入任何内容（试运行）。');
    for (const l of zh) expect(l.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves out "no key yet" warnings in every locale (the summary counts them)', async () => {
    const { placeholderWarning } = await import('./litellm.js');
    for (const locale of ['en', 'zh-CN'] as const) {
      setLocale(locale);
      const result: ImportResult = {
        tool: 'litellm',
        source: 'config.yaml',
        providers: {},
        models: [],
        secrets: {},
        placeholderKeys: ['zhipu'],
        warnings: [{ message: 'other' }, placeholderWarning('zhipu', 'env:ZHIPUAI_API_KEY')],
      };
      expect(importWarnings(result, merged).map((w) => w.message)).toEqual(['other']);
    }
  });
});
