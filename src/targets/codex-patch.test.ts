import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../test/helpers/golden.js';
import { setLocale } from '../i18n/index.js';
import { patchCodexConfig, unlinkCodexConfig, type CodexWanted } from './codex-patch.js';
import { setTable, setTopLevel, statements } from './codex-toml.js';

const DIR = `${FIXTURES}codex-rich/`;
const read = (f: string) => readFileSync(DIR + f, 'utf8');

/** Compares with test/fixtures/codex-rich/NAME; UPDATE_GOLDEN=1 rewrites it (review the diff!). */
function golden(name: string, text: string): void {
  const file = DIR + name;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `missing golden file ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const wanted = (over: Partial<CodexWanted> = {}): CodexWanted => ({
  provider: [
    ['name', 'llmctl'],
    ['base_url', 'http://127.0.0.1:4000/v1'],
    ['env_key', 'LLMCTL_PROXY_KEY'],
    ['wire_api', 'responses'],
  ],
  top: [
    ['model', 'GLM-4-Flash-250414'],
    ['model_provider', 'llmctl'],
  ],
  setDefault: undefined,
  ...over,
});

const FILES = ['config.toml', 'config.crlf-bom.toml', 'config.comments-only.toml', 'config.no-root-keys.toml'];

afterEach(() => setLocale('en'));

describe('patchCodexConfig', () => {
  it('golden: a rich config.toml (comments, other providers, MCP servers, projects, multi-line strings)', async () => {
    const r = await patchCodexConfig(read('config.toml'), 'config.toml', wanted({ setDefault: true }), undefined, {
      force: false,
    });
    golden('expected.default.toml', r.text);
    const obj = parse(r.text) as Record<string, any>;
    expect(obj.model).toBe('GLM-4-Flash-250414');
    expect(obj.model_provider).toBe('llmctl');
    expect(obj.model_providers.llmctl).toEqual(Object.fromEntries(wanted().provider));
    expect(Object.keys(obj.model_providers)).toEqual(['azure', 'ollama-remote', 'llmctl']);
    expect(obj.developer_instructions).toContain('[model_providers.fake]');
    // The user's model was replaced with a warning; unlink gives it back.
    expect(r.warnings.map((w) => w.path)).toEqual(['model']);
    expect(r.state.originals.model).toEqual({ raw: '"gpt-5.2-codex"' });
  });

  it(
    'without setDefault, a user who has a model of their own keeps the default; ' + 'only the provider is added',
    async () => {
      const r = await patchCodexConfig(read('config.toml'), 'config.toml', wanted(), undefined, { force: false });
      golden('expected.provider-only.toml', r.text);
      const obj = parse(r.text) as Record<string, any>;
      expect(obj.model).toBe('gpt-5.2-codex');
      expect(obj.model_provider).toBeUndefined();
      expect(r.warnings[0]!.message).toContain('model_provider "openai"');
      expect(r.warnings[0]!.hint).toContain('tools.codex.setDefault: true');
    },
  );

  it('keeps CRLF line endings and the BOM: the LF result, in CRLF with a BOM', async () => {
    const r = await patchCodexConfig(read('config.crlf-bom.toml'), 'c', wanted({ setDefault: true }), undefined, {
      force: false,
    });
    expect(r.text.startsWith('\uFEFF')).toBe(true);
    expect(/[^\r]\n/.test(r.text)).toBe(false);
    expect(r.text.slice(1).replace(/\r\n/g, '\n')).toBe(read('expected.default.toml'));
  });

  it.each(FILES)('property: patch then unlink gives back the original bytes (%s)', async (f) => {
    const original = read(f);
    for (const setDefault of [true, undefined]) {
      const r = await patchCodexConfig(original, 'c', wanted({ setDefault }), undefined, { force: false });
      expect(r.text).not.toBe(original);
      expect(() => parse(r.text.replace(/^\uFEFF/, ''))).not.toThrow();
      const u = await unlinkCodexConfig(r.text, 'c', r.state, false);
      expect(u.text).toBe(original);
    }
  });

  it('a missing file becomes a small valid config; unlink empties it', async () => {
    const r = await patchCodexConfig(null, 'c', wanted(), undefined, { force: false });
    golden('expected.new.toml', r.text);
    expect((await unlinkCodexConfig(r.text, 'c', r.state, false)).text).toBe('');
  });

  it('a second patch changes nothing; a hand edit is a conflict, left alone unless --force', async () => {
    const first = await patchCodexConfig(read('config.toml'), 'c', wanted({ setDefault: true }), undefined, {
      force: false,
    });
    const again = await patchCodexConfig(first.text, 'c', wanted({ setDefault: true }), first.state, { force: false });
    expect(again.text).toBe(first.text);
    expect(again.conflicts).toEqual([]);
    const edited = first.text.replace('base_url = "http://127.0.0.1:4000/v1"', 'base_url = "http://10.0.0.9:4000/v1"');
    const kept = await patchCodexConfig(edited, 'c', wanted({ setDefault: true }), first.state, { force: false });
    expect(kept.text).toBe(edited);
    expect(kept.conflicts.map((c) => c.path)).toEqual(['model_providers.llmctl']);
    const forced = await patchCodexConfig(edited, 'c', wanted({ setDefault: true }), first.state, { force: true });
    expect(forced.text).toBe(first.text);
  });

  it('a [model_providers.llmctl] the user wrote is theirs: a conflict, not overwritten', async () => {
    const mine = '[model_providers.llmctl]\nname = "mine"\nbase_url = "http://10.0.0.5/v1"\n';
    const r = await patchCodexConfig(mine, 'c', wanted(), undefined, { force: false });
    expect(r.text).toContain(mine);
    expect(r.conflicts.map((c) => c.path)).toEqual(['model_providers.llmctl']);
  });

  it('setDefault: false never sets the top-level keys, and gives back what it set before', async () => {
    const on = await patchCodexConfig(read('config.toml'), 'c', wanted({ setDefault: true }), undefined, {
      force: false,
    });
    const off = await patchCodexConfig(on.text, 'c', wanted({ setDefault: false }), on.state, { force: false });
    const obj = parse(off.text) as Record<string, any>;
    expect(obj.model).toBe('gpt-5.2-codex');
    expect(obj.model_provider).toBeUndefined();
    expect(off.text).toBe(read('expected.provider-only.toml'));
  });

  it('hostile model names are written as TOML strings: nothing else is added', async () => {
    for (const name of [
      'x"\n[model_providers.evil]\nbase_url="http://evil"',
      "a'b\\c\u007f\u0000#",
      '\u{1F600}[]{}=',
    ]) {
      const r = await patchCodexConfig(
        '',
        'c',
        wanted({
          top: [
            ['model', name],
            ['model_provider', 'llmctl'],
          ],
        }),
        undefined,
        {
          force: false,
        },
      );
      const obj = parse(r.text) as Record<string, any>;
      expect(obj.model).toBe(name);
      expect(Object.keys(obj.model_providers)).toEqual(['llmctl']);
      expect(statements(r.text).filter((s) => s.kind === 'header')).toHaveLength(1);
    }
  });

  it.each([
    ['config.invalid.toml', /config\.invalid\.toml:2:\d+: not valid TOML/],
    ['config.inline-providers.toml', /"model_providers" is not written as a \[table\]|could not add its provider/],
    ['config.dotted-llmctl.toml', /"model_providers\.llmctl" is not written as a \[table\]/],
  ])('refuses %s with the file, the place and what to do', async (f, message) => {
    await expect(patchCodexConfig(read(f), f, wanted(), undefined, { force: false })).rejects.toThrow(message);
  });

  it('refuses a model or model_provider that is not a string', async () => {
    await expect(patchCodexConfig('model = 5\n', 'c', wanted(), undefined, { force: false })).rejects.toThrow(
      '"model" must be a string',
    );
  });

  it('speaks Chinese under zh-CN, with the same result', async () => {
    setLocale('zh-CN');
    await expect(
      patchCodexConfig(read('config.invalid.toml'), 'c', wanted(), undefined, { force: false }),
    ).rejects.toThrow(/不是有效的 TOML/);
    const r = await patchCodexConfig(read('config.toml'), 'c', wanted(), undefined, { force: false });
    expect(r.warnings[0]!.message).toContain('Codex 的默认设置仍是你自己的');
    expect(r.text).toBe(read('expected.provider-only.toml'));
  });
});

describe('the TOML statement scanner', () => {
  it('sees multi-line strings and arrays as one statement', () => {
    const kinds = statements(read('config.toml'))
      .filter((s) => s.kind !== 'trivia')
      .map((s) => `${s.kind}:${s.key.join('.')}`);
    expect(kinds).toContain('keyval:developer_instructions');
    expect(kinds).not.toContain('header:model_providers.fake');
    expect(kinds).toContain('header:projects./home/dev/work/api');
    expect(kinds.filter((k) => k.startsWith('header:')).length).toBe(7);
  });

  it('setTopLevel and setTable undo each other exactly', () => {
    const src = read('config.no-root-keys.toml');
    const a = setTopLevel(src, 'model', '"m"');
    expect(a.startsWith('# providers only, no root keys\n\nmodel = "m"\n# the azure one\n')).toBe(true);
    expect(setTopLevel(a, 'model', undefined)).toBe(src);
    const b = setTable(src, ['model_providers', 'x y'], [['name', 'n']]);
    expect(b.endsWith('\n\n[model_providers."x y"]\nname = "n"\n')).toBe(true);
    expect(setTable(b, ['model_providers', 'x y'], undefined)).toBe(src);
  });
});
