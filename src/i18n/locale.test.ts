import { describe, expect, it } from 'vitest';
import { detectLocale, localeFromName, parseLangOption } from './locale.js';
import { displayWidth, padDisplay } from './width.js';

describe('locale selection', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh_SG.UTF-8', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh_TW.UTF-8', 'en'],
    ['zh-Hant', 'en'],
    ['zh_HK', 'en'],
    ['en_US.UTF-8', 'en'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['de_DE@euro', 'en'],
  ])('%s → %s', (name, want) => expect(localeFromName(name)).toBe(want));

  it('takes --lang over LLMCTL_LANG over LC_ALL over LC_MESSAGES over LANG', () => {
    const env = { LLMCTL_LANG: 'en', LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US', LANG: 'en_US' };
    expect(detectLocale(['--lang', 'zh-CN'], env, 'linux')).toBe('zh-CN');
    expect(detectLocale(['--lang=en'], { LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('en');
    expect(detectLocale([], env, 'linux')).toBe('en');
    expect(detectLocale([], { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US' }, 'linux')).toBe('zh-CN');
    expect(detectLocale([], { LC_ALL: '', LC_MESSAGES: 'zh_SG', LANG: 'en_US' }, 'linux')).toBe('zh-CN');
    expect(detectLocale([], { LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('zh-CN');
    expect(detectLocale([], {}, 'linux')).toBe('en');
  });

  it('ignores a --lang after -- (an argument, not the option)', () => {
    expect(detectLocale(['--', '--lang', 'zh-CN'], {}, 'linux')).toBe('en');
  });

  it('uses the Windows UI language when no variable is set, and the variables when they are', () => {
    expect(detectLocale([], {}, 'win32', () => 'zh-CN')).toBe('zh-CN');
    expect(detectLocale([], {}, 'win32', () => 'en-US')).toBe('en');
    expect(detectLocale([], { LANG: 'en_US' }, 'win32', () => 'zh-CN')).toBe('en');
    expect(detectLocale([], {}, 'linux', () => 'zh-CN')).toBe('en');
  });

  it('accepts the spellings of --lang users type', () => {
    for (const v of ['zh-CN', 'zh_CN', 'zh', 'zh-Hans', 'ZH-cn']) expect(parseLangOption(v)).toBe('zh-CN');
    for (const v of ['en', 'en-US', 'EN']) expect(parseLangOption(v)).toBe('en');
    expect(parseLangOption('fr')).toBeUndefined();
  });
});

describe('display width', () => {
  it('counts CJK and fullwidth characters as two columns, colour codes as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('代理')).toBe(4);
    expect(displayWidth('密钥：')).toBe(6);
    expect(displayWidth('\u001b[32mPASS\u001b[39m')).toBe(4);
    expect(padDisplay('代理', 6)).toBe('代理  ');
    expect(padDisplay('proxy', 6)).toBe('proxy ');
  });
});
