import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/golden.js';
import { setLocale } from '../i18n/index.js';
import { parseJsoncObject, patchOpencodeConfig, type OpencodeWanted } from './opencode-patch.js';

const DIR = `${FIXTURES}opencode-rich/`;
const read = (f: string) => readFileSync(DIR + f, 'utf8');

/** Compares with test/fixtures/opencode-rich/NAME; UPDATE_GOLDEN=1 rewrites it (review the diff!). */
function golden(name: string, text: string): void {
  const file = DIR + name;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `missing golden file ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const wanted = (over: Partial<OpencodeWanted> = {}): OpencodeWanted => ({
  provider: {
    npm: '@ai-sdk/openai-compatible',
    name: 'llmctl',
    options: { baseURL: 'http://127.0.0.1:4000/v1', apiKey: '{file:~/.config/opencode/llmctl.key}' },
    models: {
      'deepseek-chat': { name: 'deepseek-chat', limit: { context: 131072, output: 8192 } },
      'GLM-4-Flash-250414': { name: 'GLM-4-Flash-250414' },
    },
  },
  model: 'llmctl/deepseek-chat',
  setDefault: undefined,
  ...over,
});

const FILES = ['opencode.json', 'opencode.tabs.json'];

afterEach(() => setLocale('en'));

describe('patchOpencodeConfig', () => {
  it('golden: a rich JSONC config (comments, trailing commas, other providers, MCP, agents)', () => {
    const r = patchOpencodeConfig(read('opencode.json'), 'opencode.json', wanted({ setDefault: true }), undefined, {
      force: false,
    });
    golden('expected.default.json', r.text);
    const obj = parseJsoncObject(r.text, 'x') as Record<string, any>;
    expect(obj.model).toBe('llmctl/deepseek-chat');
    expect(Object.keys(obj.provider)).toEqual(['vllm-box', 'anthropic', 'llmctl']);
    expect(obj.provider.llmctl).toEqual(wanted().provider);
    expect(r.text).toContain('/* the office vLLM box */');
    expect(r.text).toContain('"model": "llmctl/deepseek-chat", // the default');
    expect(r.state.originals.model).toEqual({ value: 'anthropic/claude-sonnet-4-5' });
  });

  it('without setDefault, the user’s own default model stays; a warning says how to switch', () => {
    const r = patchOpencodeConfig(read('opencode.json'), 'c', wanted(), undefined, { force: false });
    golden('expected.provider-only.json', r.text);
    expect(r.warnings[0]!.message).toContain('"anthropic/claude-sonnet-4-5"');
  });

  it.each(FILES)('property: patch then unlink gives back the original bytes (%s)', (f) => {
    const original = read(f);
    for (const setDefault of [true, undefined]) {
      const r = patchOpencodeConfig(original, 'c', wanted({ setDefault }), undefined, { force: false });
      expect(r.text).not.toBe(original);
      const u = patchOpencodeConfig(r.text, 'c', undefined, r.state, { force: false });
      expect(u.text).toBe(original);
    }
  });

  it('a second patch changes nothing; a hand edit is a conflict kept unless --force', () => {
    const first = patchOpencodeConfig(read('opencode.json'), 'c', wanted(), undefined, { force: false });
    expect(patchOpencodeConfig(first.text, 'c', wanted(), first.state, { force: false }).text).toBe(first.text);
    const edited = first.text.replace('"output": 8192', '"output": 4096');
    const kept = patchOpencodeConfig(edited, 'c', wanted(), first.state, { force: false });
    expect(kept.text).toBe(edited);
    expect(kept.conflicts.map((c) => c.path)).toEqual(['provider.llmctl']);
    expect(patchOpencodeConfig(edited, 'c', wanted(), first.state, { force: true }).text).toBe(first.text);
  });

  it('a new file, and the provider object llmctl created goes again on unlink', () => {
    const r = patchOpencodeConfig(null, 'c', wanted(), undefined, { force: false });
    golden('expected.new.json', r.text);
    expect(patchOpencodeConfig(r.text, 'c', undefined, r.state, { force: false }).text).toBe('{}\n');
  });

  it('hostile model names stay JSON strings', () => {
    const name = '"}, "evil": {"x": "\u2028{file:/etc/passwd}';
    const w = wanted({ provider: { ...wanted().provider, models: { [name]: { name } } }, model: `llmctl/${name}` });
    const r = patchOpencodeConfig('{}\n', 'c', w, undefined, { force: false });
    const obj = parseJsoncObject(r.text, 'c') as Record<string, any>;
    expect(Object.keys(obj)).toEqual(['provider', 'model']);
    expect(Object.keys(obj.provider.llmctl.models)).toEqual([name]);
  });

  it.each([
    ['opencode.invalid.json', /opencode\.invalid\.json:\d+:\d+: not valid JSONC/],
    ['opencode.provider-string.json', /"provider" is not an object/],
  ])('refuses %s with its place', (f, message) => {
    expect(() => patchOpencodeConfig(read(f), f, wanted(), undefined, { force: false })).toThrow(message);
  });

  it('refuses duplicate keys (opencode would use one, llmctl would edit the other)', () => {
    expect(() =>
      patchOpencodeConfig('{ "provider": {}, "provider": {} }', 'c', wanted(), undefined, { force: false }),
    ).toThrow(/provider/);
  });

  it('says it in Chinese under zh-CN', () => {
    setLocale('zh-CN');
    expect(() =>
      patchOpencodeConfig(read('opencode.invalid.json'), 'c', wanted(), undefined, { force: false }),
    ).toThrow(/不是有效的 JSONC/);
  });
});
