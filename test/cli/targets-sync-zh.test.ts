import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { llmctl, snapshot } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/golden.js';
import { richUser } from '../helpers/rich-user.js';

const ZH = { LANG: 'zh_CN.UTF-8' };

/**
 * A sync that refuses a tool's file says so in the user's language (issue 12): the same file and
 * place, the same exit code, and no byte written, whichever the locale.
 */
describe('sync refusing a tool file that does not parse, under LANG=zh_CN.UTF-8', () => {
  it.each([
    {
      what: 'a broken ~/.claude/settings.json',
      which: 'claude' as const,
      breakIt: (f: string) => copyFileSync(path.join(FIXTURES, 'claude-rich', 'settings.invalid.json'), f),
      place: ':4:3',
      english: ['not valid JSON', 'fix the file and run the command again'],
      chinese: ['不是有效的 JSON', '请修正该文件后重新运行命令；没有写入任何文件'],
    },
    {
      what: 'a Continue config.yaml that is not YAML',
      which: 'continue' as const,
      breakIt: (f: string) => writeFileSync(f, 'name: x\nmodels:\n  - name: "a\n    provider: openai\n'),
      place: ':',
      english: ['not valid YAML', 'fix the YAML syntax'],
      chinese: ['不是有效的 YAML', '请修正该位置的 YAML 语法'],
    },
    {
      what: 'a settings.json with a duplicate key',
      which: 'claude' as const,
      breakIt: (f: string) => writeFileSync(f, '{\n  "model": "a",\n  "model": "b"\n}\n'),
      place: ':3:3',
      english: ['"model" appears twice', 'merge the duplicate keys into one'],
      chinese: ['“model”出现了两次', '请把重复的键合并为一个'],
    },
  ])('$what: Chinese message with file and place, same exit code, nothing written', async (c) => {
    const runs = [];
    for (const [env, words] of [
      [{}, c.english],
      [ZH, c.chinese],
    ] as const) {
      const u = richUser();
      const file = u.files[c.which];
      c.breakIt(file);
      const snap = snapshot(u.dir);
      const r = await llmctl(u, ['sync'], { env });
      expect(r.stderr).toContain(`${file}${c.place}`);
      for (const w of words) expect(r.stderr).toContain(w);
      expect(snapshot(u.dir)).toEqual(snap);
      runs.push(r);
    }
    const [en, zh] = runs;
    expect(en!.code).toBe(1);
    expect(zh!.code).toBe(en!.code);
    expect(en!.stderr).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh!.stdout).toBe(en!.stdout);
  });

  it('a warning from a cached Continue patch is said in the language of the run that shows it', async () => {
    const u = richUser();
    const foreign =
      'name: x\nversion: 1.0.0\nschema: v1\nmodels:\n' +
      '  - name: GLM-4-Flash-250414\n    provider: openai\n    model: other\n';
    writeFileSync(u.files.continue, foreign);
    const en = await llmctl(u, ['sync']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain('a model named "GLM-4-Flash-250414" is already in your Continue config');
    const zh = await llmctl(u, ['sync'], { env: ZH });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain('你的 Continue 配置中已有名为“GLM-4-Flash-250414”的模型');
  });
});
