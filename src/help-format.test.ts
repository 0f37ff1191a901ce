import { afterEach, describe, expect, it } from 'vitest';
import { commander } from './deps.js';
import { setLocale } from './i18n/index.js';
import { displayWidth } from './i18n/width.js';
import { translateError, wrapText } from './help-format.js';

afterEach(() => setLocale('en'));

describe('wrapText', () => {
  it('cuts text without CJK exactly as commander does', () => {
    const help = new (commander().Help)();
    const text = 'keep a running proxy on its older config (default: restart it so it serves the new one)';
    for (const width of [20, 40, 41, 45, 57, 80])
      expect(wrapText(text, width, help.minWidthToWrap)).toBe(help.boxWrap(text, width));
  });

  it('breaks Chinese between characters, within the width, never before closing punctuation', () => {
    const text = '用当前配置重启运行中的代理（后台或前台）；并报告代理不可用的时长，以及它监听的端口和地址。';
    const lines = wrapText(text, 20, 0).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。：；、！？）”]/);
    expect(lines.join('')).toBe(text);
  });

  it('keeps Latin words whole inside Chinese text', () => {
    const lines = wrapText('记录到 llmctl.yaml（proxy.port），各工具随之更新', 16, 0).split('\n');
    expect(lines.some((l) => l.includes('llmctl.yaml'))).toBe(true);
  });

  it('keeps opening punctuation with the character after it, closing punctuation and Latin runs whole', () => {
    // At width 1 every piece it keeps whole is a line of its own.
    expect(wrapText('他说：（“好”）ok，见 llmctl.yaml 里的 Ｗ 和 ｘ。', 1, 0).split('\n')).toEqual([
      '他',
      '说：',
      '（“好”）',
      'ok',
      '，',
      '见',
      'llmctl.yaml',
      '里',
      '的',
      'Ｗ',
      '和',
      'ｘ。',
    ]);
  });
});

describe("commander's errors in Chinese", () => {
  it.each([
    ["error: unknown command 'bogus'\n", "错误：未知命令 'bogus'\n"],
    [
      "error: unknown option '--dryrun'\n(Did you mean --dry-run?)\n",
      "错误：未知选项 '--dryrun'\n（你是不是想输入 --dry-run？）\n",
    ],
    [
      "error: unknown command 'stat'\n(Did you mean one of status, stop?)\n",
      "错误：未知命令 'stat'\n（你是不是想输入以下之一：status, stop？）\n",
    ],
    ["error: missing required argument 'name'\n", "错误：缺少必需的参数 'name'\n"],
    ["error: option '--only <targets>' argument missing\n", "错误：选项 '--only <targets>' 缺少参数值\n"],
    [
      "error: option '--port <port>' argument '0' is invalid. 端口必须是 1 到 65535 之间的数字，不能是“0”\n",
      "错误：选项 '--port <port>' 的参数值 '0' 无效。端口必须是 1 到 65535 之间的数字，不能是“0”\n",
    ],
    [
      "error: too many arguments for 'sync'. Expected 0 arguments but got 1.\n",
      "错误：'sync' 的参数过多：应为 0 个，实际为 1 个。\n",
    ],
    ['error: something commander says that we do not know\n', 'error: something commander says that we do not know\n'],
  ])('%j', (en, zh) => {
    setLocale('zh-CN');
    expect(translateError(en)).toBe(zh);
  });
});
