import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, placeSeedToolConfigs, sandbox, snapshot, type Sandbox } from '../helpers/cli.js';

/**
 * llmctl.yaml validation and `llmctl import` under a Chinese locale: the messages are Chinese, and
 * everything else — the exit code, the place (file:line:col and field path), the files written — is
 * what the English run gives.
 */

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const CJK = /[\u4e00-\u9fff]/;

const configOf = (sb: Sandbox) => path.join(sb.llmctlHome, 'llmctl.yaml');

interface BrokenCase {
  name: string;
  config: string;
  /** In stderr under both locales: the place ({file} = llmctl.yaml's path). */
  place: string;
  zh: string[];
  en: string[];
}

const BROKEN: BrokenCase[] = [
  {
    name: 'a wrong type at a path',
    config: 'version: 1\nproxy:\n  port: "4000"\nproviders: {}\n',
    place: '{file}:3:9 proxy.port',
    zh: ['类型不对：应为数字，实际是字符串', '这里应填写数字', 'llmctl.yaml 有 1 处问题'],
    en: ['expected number, received string', 'write a number here', 'has 1 problem'],
  },
  {
    name: 'a model with a provider that is not defined',
    config:
      'version: 1\nproviders:\n  zhipu: { preset: zhipu, apiKey: env:ZHIPU_KEY }\n' +
      'models:\n  - { name: glm, provider: zhipuu }\n',
    place: '{file}:5:28 models[0].provider',
    zh: ['模型“glm”使用的供应商“zhipuu”未定义', '可选：zhipu；或者在 providers: 下添加它'],
    en: ['model "glm" uses provider "zhipuu", which is not defined', 'use one of: zhipu, or add it under providers:'],
  },
  {
    name: 'an unknown field and a key written into apiKey',
    config: 'version: 1\nproviders:\n  zhipu: { preset: zhipu, apiKey: sk-abcdef1234567890abcdef }\nmodel: []\n',
    place: '{file}:3:35 providers.zhipu.apiKey',
    zh: ['必须是密钥引用：secret:NAME', '未知字段 "model"', '请检查拼写', '有 2 处问题'],
    en: ['must be a key reference', 'unknown field "model"', 'has 2 problems'],
  },
];

describe('a broken llmctl.yaml under LANG=zh_CN.UTF-8', () => {
  it.each(BROKEN.map((c) => [c.name, c] as const))(
    '%s: Chinese, same place and exit code, no file changed',
    async (_n, c) => {
      const runs = [];
      for (const env of [EN, ZH]) {
        const sb = sandbox();
        writeFileSync(configOf(sb), c.config);
        const before = snapshot(sb.dir);
        const r = await llmctl(sb, ['sync'], { env });
        expect(snapshot(sb.dir), 'no file changed').toEqual(before);
        const stderr = r.stderr;
        expect(stderr).toContain(c.place.replace('{file}', configOf(sb)));
        for (const w of env === ZH ? c.zh : c.en) expect(stderr, stderr).toContain(w);
        expect(stderr).not.toContain('sk-abcdef1234567890abcdef');
        runs.push({ code: r.code, stderr });
      }
      const [en, zh] = runs as [(typeof runs)[number], (typeof runs)[number]];
      expect(zh.code).toBe(en.code);
      expect(en.code).not.toBe(0);
      expect(en.stderr).not.toMatch(CJK);
      // The English wording is gone from the Chinese run, not just joined by a translation.
      for (const w of c.en.filter((s) => !s.includes('"'))) expect(zh.stderr).not.toContain(w);
    },
  );
});

describe('llmctl import continue under LANG=zh_CN.UTF-8', () => {
  it('says it in Chinese and writes the same llmctl.yaml and secrets as in English', async () => {
    const runs = [];
    for (const env of [EN, ZH]) {
      const sb = sandbox();
      const { cont } = placeSeedToolConfigs(sb);
      const contBefore = readFileSync(cont, 'utf8');
      const r = await llmctl(sb, ['import', 'continue'], { env });
      expect(readFileSync(cont, 'utf8'), 'the imported file is not changed').toBe(contBefore);
      const files = snapshot(sb.llmctlHome);
      runs.push({ r, sb, llmctlYaml: readFileSync(configOf(sb), 'utf8'), names: Object.keys(files).sort() });
    }
    const [en, zh] = runs as [(typeof runs)[number], (typeof runs)[number]];
    expect(zh.r.code).toBe(en.r.code);
    expect(en.r.code).toBe(0);
    expect(zh.names).toEqual(en.names);
    expect(zh.llmctlYaml.replaceAll(zh.sb.dir, '$DIR')).toBe(en.llmctlYaml.replaceAll(en.sb.dir, '$DIR'));

    expect(en.r.stderr).toContain('continue config');
    expect(en.r.stderr).toContain('is not a Continue field');
    // (The seed's model names are Chinese: the English run is checked by its words, not for CJK.)

    const out = zh.r.stderr;
    expect(out).toMatch(/continue 配置文件 .*config\.yaml：已向 .*llmctl\.yaml 添加 \d+ 个供应商和 \d+ 个模型。/);
    expect(out).toContain('`max-tokens` 不是 Continue 的字段');
    expect(out).toContain('指向一个 LiteLLM 代理');
    expect(out).toMatch(/下一步：llmctl sync 会据此写入各工具的配置文件。/);
    // Warnings keep their place: the file, the line and the field path.
    expect(out).toMatch(/\.continue\/config\.yaml:\d+:\d+ models\[\d+\]\.max-tokens/);
    for (const english of ['is not a Continue field', 'points at a LiteLLM proxy', 'Next:', 'added ']) {
      expect(out).not.toContain(english);
    }
  });
});
