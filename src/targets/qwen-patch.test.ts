import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/golden.js';
import { setLocale } from '../i18n/index.js';
import { parseJsoncObject } from './opencode-patch.js';
import { patchQwenSettings, type QwenWanted } from './qwen-patch.js';

const DIR = `${FIXTURES}qwen-rich/`;
const read = (f: string) => readFileSync(DIR + f, 'utf8');

/** Compares with test/fixtures/qwen-rich/NAME; UPDATE_GOLDEN=1 rewrites it (review the diff!). */
function golden(name: string, text: string): void {
  const file = DIR + name;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `missing golden file ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const entries = [
  {
    id: 'deepseek-chat',
    name: 'deepseek-chat',
    baseUrl: 'http://127.0.0.1:4000/v1',
    envKey: 'LLMCTL_PROXY_KEY',
    generationConfig: { samplingParams: { max_tokens: 8192 } },
  },
  {
    id: 'GLM-4-Flash-250414',
    name: 'GLM-4-Flash-250414',
    baseUrl: 'http://127.0.0.1:4000/v1',
    envKey: 'LLMCTL_PROXY_KEY',
  },
];
const wanted = (over: Partial<QwenWanted> = {}): QwenWanted => ({
  own: [
    ['modelProviders.llmctl', entries],
    ['providerProtocol.llmctl', 'openai'],
  ],
  defaults: [
    ['model.name', 'deepseek-chat'],
    ['security.auth.selectedType', 'openai'],
  ],
  setDefault: undefined,
  ...over,
});

afterEach(() => setLocale('en'));

describe('patchQwenSettings', () => {
  it('golden: a rich settings.json (comments, its own providers, MCP servers, security)', () => {
    const r = patchQwenSettings(read('settings.json'), 'settings.json', wanted({ setDefault: true }), undefined, {
      force: false,
    });
    golden('expected.default.json', r.text);
    const obj = parseJsoncObject(r.text, 'x') as Record<string, any>;
    expect(obj.model).toEqual({ name: 'deepseek-chat', sessionTokenLimit: 64000 });
    expect(Object.keys(obj.modelProviders)).toEqual(['openai', 'llmctl']);
    expect(obj.providerProtocol).toEqual({ llmctl: 'openai' });
    expect(r.text).toContain('"name": "deepseek-chat", // DashScope');
  });

  it('without setDefault the user’s default model stays', () => {
    const r = patchQwenSettings(read('settings.json'), 'c', wanted(), undefined, { force: false });
    golden('expected.provider-only.json', r.text);
    expect(r.warnings[0]!.message).toContain('"qwen3-coder-plus"');
  });

  it.each(['settings.json', 'settings.minimal.json'])(
    'property: patch then unlink gives back the original bytes (%s)',
    (f) => {
      const original = read(f);
      for (const setDefault of [true, undefined]) {
        const r = patchQwenSettings(original, 'c', wanted({ setDefault }), undefined, { force: false });
        expect(r.text).not.toBe(original);
        expect(patchQwenSettings(r.text, 'c', undefined, r.state, { force: false }).text).toBe(original);
      }
    },
  );

  it('a new file; unlink empties it again', () => {
    const r = patchQwenSettings(null, 'c', wanted(), undefined, { force: false });
    golden('expected.new.json', r.text);
    expect(patchQwenSettings(r.text, 'c', undefined, r.state, { force: false }).text).toBe('{}\n');
  });

  it('a second patch changes nothing; a hand edit is a conflict kept unless --force', () => {
    const first = patchQwenSettings(read('settings.json'), 'c', wanted(), undefined, { force: false });
    expect(patchQwenSettings(first.text, 'c', wanted(), first.state, { force: false }).text).toBe(first.text);
    const edited = first.text.replace('"max_tokens":8192', '"max_tokens":4096');
    const kept = patchQwenSettings(edited, 'c', wanted(), first.state, { force: false });
    expect(kept.text).toBe(edited);
    expect(kept.conflicts.map((c) => c.path)).toEqual(['modelProviders.llmctl']);
    expect(patchQwenSettings(edited, 'c', wanted(), first.state, { force: true }).text).toBe(first.text);
  });

  it('hostile model names stay JSON strings', () => {
    const name = '"},"security":{"auth":{"selectedType":"qwen-oauth"}},"x":{"a":"';
    const w = wanted({ own: [['modelProviders.llmctl', [{ id: name, name, baseUrl: 'http://x/v1', envKey: 'K' }]]] });
    const r = patchQwenSettings('{}\n', 'c', w, undefined, { force: false });
    const obj = parseJsoncObject(r.text, 'c') as Record<string, any>;
    expect(obj.modelProviders.llmctl[0].id).toBe(name);
    expect(Object.keys(obj)).toEqual(['modelProviders', 'model', 'security']);
  });

  it.each([
    ['settings.invalid.json', /settings\.invalid\.json:\d+:\d+: not valid JSONC/],
    ['settings.security-string.json', /"security" is not an object/],
  ])('refuses %s', (f, message) => {
    expect(() => patchQwenSettings(read(f), f, wanted({ setDefault: true }), undefined, { force: false })).toThrow(
      message,
    );
  });

  it('says it in Chinese under zh-CN', () => {
    setLocale('zh-CN');
    const r = patchQwenSettings(read('settings.json'), 'c', wanted(), undefined, { force: false });
    expect(r.warnings[0]!.message).toContain('Qwen Code 的默认模型仍是你自己的');
  });
});
