import { parseConfigYaml, validateConfigYaml } from '@continuedev/config-yaml';
import { describe, expect, it } from 'vitest';
import { fixture as read, golden } from '../../test/helpers/golden.js';
import { patchContinueConfig, unpatchContinueConfig, type ContinueEntry } from './continue-patch.js';
import { patchEnvFile } from './dotenv.js';

const entry = (name: string, extra: Record<string, unknown> = {}): ContinueEntry => ({
  name,
  entry: {
    name,
    provider: 'openai',
    model: name,
    apiBase: 'http://127.0.0.1:4000/v1',
    apiKey: '${{ secrets.LLMCTL_PROXY_KEY }}',
    roles: ['chat', 'edit', 'apply'],
    ...extra,
  },
});
const WANTED: ContinueEntry[] = [
  entry('GLM-4-Flash-250414', { defaultCompletionOptions: { maxTokens: 3000 } }),
  entry('qwen-coder', { roles: ['autocomplete'] }),
  entry('chat-with-rules', { chatOptions: { baseSystemMessage: 'Line one.\nLine two: 用中文回答问题\n' } }),
];

/** Continue's own validator: parse (throws on schema errors) and validate (fatal problems). */
function assertValidForContinue(text: string): void {
  const cfg = parseConfigYaml(text.replace(/^\uFEFF/, ''));
  const fatal = validateConfigYaml(cfg).filter((e: { fatal: boolean }) => e.fatal);
  expect(fatal).toEqual([]);
}

const FILES = ['continue-rich/config.yaml', 'continue-rich/config.crlf-bom.yaml', 'seed/continue.config.yaml'];

describe('patchContinueConfig', () => {
  it(
    'golden: comments, blank lines, the user’s models, context, ' +
      'rules, prompts, docs and mcpServers stay byte-identical',
    () => {
      const original = read('continue-rich/config.yaml');
      const r = patchContinueConfig(original, 'config.yaml', WANTED, {}, { force: false });
      golden('continue-rich.config.yaml', r.text);
      assertValidForContinue(r.text);
      // Everything the user wrote is still there, byte for byte, in order: only new lines were added.
      const added = r.text.length - original.length;
      expect(added).toBeGreaterThan(0);
      const userModelsEnd = original.indexOf('\ncontext:');
      expect(r.text.startsWith(original.slice(0, userModelsEnd))).toBe(true);
      expect(r.text.endsWith(original.slice(userModelsEnd))).toBe(true);
      expect(Object.keys(r.models)).toEqual(WANTED.map((w) => w.name));
    },
  );

  it('golden: the seed’s config gets llmctl’s models; its own twelve entries and folded text are untouched', () => {
    const r = patchContinueConfig(read('seed/continue.config.yaml'), 'config.yaml', WANTED, {}, { force: false });
    golden('seed.continue.config.yaml', r.text);
    assertValidForContinue(r.text);
    expect(r.text).toContain('      baseSystemMessage: >-\n        <important_rules>');
  });

  it('keeps CRLF line endings and the BOM', () => {
    const r = patchContinueConfig(
      read('continue-rich/config.crlf-bom.yaml'),
      'config.yaml',
      WANTED,
      {},
      { force: false },
    );
    expect(r.text.startsWith('\uFEFF')).toBe(true);
    expect(/[^\r]\n/.test(r.text)).toBe(false);
    expect(r.text.slice(1).replace(/\r\n/g, '\n')).toBe(read('golden/continue-rich.config.yaml'));
  });

  it.each(FILES)('property: patch then removing every managed model gives back the original bytes (%s)', (f) => {
    const original = read(f);
    const r = patchContinueConfig(original, 'config.yaml', WANTED, {}, { force: false });
    expect(r.text).not.toBe(original);
    expect(unpatchContinueConfig(r.text, 'config.yaml', r.models)).toBe(original);
  });

  it('a missing file becomes a valid v1 config (version is a string)', () => {
    const r = patchContinueConfig(null, 'config.yaml', WANTED, {}, { force: false });
    golden('continue-new.config.yaml', r.text);
    assertValidForContinue(r.text);
    expect(r.text).toMatch(/^name: .+\nversion: 1\.0\.0\nschema: v1\n/);
  });

  it('a user model with the same name is a conflict, never overwritten (unless --force)', () => {
    const original = read('continue-rich/config.yaml');
    const r = patchContinueConfig(original, 'config.yaml', [entry('My Ollama Llama')], {}, { force: false });
    expect(r.text).toBe(original);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.message).toContain('llmctl did not create it');
    expect(r.models).toEqual({});
    const forced = patchContinueConfig(original, 'config.yaml', [entry('My Ollama Llama')], {}, { force: true });
    expect(forced.text).not.toContain('llama3.1:8b');
  });

  it('llmctl’s own entry is updated; edited by hand it is reported and left alone; --force restores it', () => {
    const first = patchContinueConfig(read('continue-rich/config.yaml'), 'config.yaml', WANTED, {}, { force: false });
    const same = patchContinueConfig(first.text, 'config.yaml', WANTED, first.models, { force: false });
    expect(same.text).toBe(first.text);
    const changed = [
      entry('GLM-4-Flash-250414', { defaultCompletionOptions: { maxTokens: 4096 } }),
      ...WANTED.slice(1),
    ];
    const updated = patchContinueConfig(first.text, 'config.yaml', changed, first.models, { force: false });
    expect(updated.text).toContain('maxTokens: 4096');
    expect(updated.conflicts).toEqual([]);

    const edited = first.text.replace('      maxTokens: 3000', '      maxTokens: 1234');
    const r = patchContinueConfig(edited, 'config.yaml', changed, first.models, { force: false });
    expect(r.text).toBe(edited);
    expect(r.conflicts[0]!.message).toContain('edited by hand');
    expect(r.models['GLM-4-Flash-250414']).toBe(first.models['GLM-4-Flash-250414']);
    const forced = patchContinueConfig(edited, 'config.yaml', changed, first.models, { force: true });
    expect(forced.text).toContain('maxTokens: 4096');
  });

  it('a model dropped from llmctl.yaml is removed; the user’s models never are', () => {
    const first = patchContinueConfig(read('continue-rich/config.yaml'), 'config.yaml', WANTED, {}, { force: false });
    const r = patchContinueConfig(first.text, 'config.yaml', WANTED.slice(0, 1), first.models, { force: false });
    expect(r.text).not.toContain('qwen-coder');
    expect(r.text).toContain('My Ollama Llama');
    expect(Object.keys(r.models)).toEqual(['GLM-4-Flash-250414']);
  });

  it('adds a models list when the file has none, and refuses invalid YAML with line:col', () => {
    const r = patchContinueConfig(
      'name: x\nversion: "1"\nschema: v1\n',
      'config.yaml',
      WANTED.slice(0, 1),
      {},
      { force: false },
    );
    assertValidForContinue(r.text);
    const e = patchContinueConfig(
      'name: x\nversion: "1"\nschema: v1\nmodels: []\n',
      'config.yaml',
      WANTED.slice(0, 1),
      {},
      { force: false },
    );
    assertValidForContinue(e.text);
    expect(() =>
      patchContinueConfig('name: x\nmodels:\n  - name: a\n   bad: [\n', '/c/config.yaml', WANTED, {}, { force: false }),
    ).toThrow(/\/c\/config\.yaml:\d+:\d+: not valid YAML/);
  });
});

describe('patchEnvFile', () => {
  it('sets llmctl’s lines and keeps every other line byte-identical', () => {
    const original = read('continue-rich/.env');
    const out = patchEnvFile(original, { LLMCTL_PROXY_KEY: 'sk-abc' }, [])!;
    expect(out).toBe(`${original}LLMCTL_PROXY_KEY=sk-abc\n`);
    const changed = patchEnvFile(out, { LLMCTL_PROXY_KEY: 'sk-new' }, ['LLMCTL_PROXY_KEY'])!;
    expect(changed).toBe(`${original}LLMCTL_PROXY_KEY=sk-new\n`);
    expect(patchEnvFile(changed, {}, ['LLMCTL_PROXY_KEY'])).toBe(original);
    expect(patchEnvFile(null, {}, [])).toBeNull();
    expect(patchEnvFile('A=1\r\n', { B: 'x y' }, [])).toBe('A=1\r\nB="x y"\r\n');
  });
});
