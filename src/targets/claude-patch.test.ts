import { describe, expect, it } from 'vitest';
import { FIXTURES as FIX, fixture as read, golden } from '../../test/helpers/golden.js';
import { patchClaudeSettings, unlinkClaudeSettings, unpatchClaudeSettings, type ClaudeWanted } from './claude-patch.js';
import { parseJsonObject } from './json-edit.js';
import { readFileSync } from 'node:fs';

const TOKEN = 'sk-test-proxy-key-0123456789abcdef';
const WANTED: ClaudeWanted = {
  'env.ANTHROPIC_BASE_URL': 'http://127.0.0.1:4000',
  'env.ANTHROPIC_AUTH_TOKEN': TOKEN,
  'env.ANTHROPIC_DEFAULT_OPUS_MODEL': 'GLM-4-Flash-250414',
  'env.ANTHROPIC_DEFAULT_SONNET_MODEL': 'GLM-4-Flash-250414',
  'env.ANTHROPIC_DEFAULT_HAIKU_MODEL': 'claude-3-5-haiku-20241022',
  'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS': '16384',
  model: 'GLM-4-Flash-250414',
};

// Files without llmctl's keys (the seed already has some: those are taken over, see below).
const FILES = ['claude-rich/settings.json', 'claude-rich/settings.crlf-bom.json', 'claude-rich/settings.tabs.json'];

describe('patchClaudeSettings', () => {
  it('golden: a settings.json with hooks, permissions, statusLine, plugins, $schema and other env vars', () => {
    const r = patchClaudeSettings(read('claude-rich/settings.json'), 'settings.json', WANTED, undefined, {
      force: false,
    });
    golden('claude-rich.settings.json', r.text);
    const obj = parseJsonObject(r.text, 'settings.json');
    expect(Object.keys(obj)).toEqual([
      '$schema',
      'permissions',
      'hooks',
      'statusLine',
      'env',
      'enabledPlugins',
      'includeCoAuthoredBy',
      'model',
    ]);
    expect((obj.env as Record<string, string>).MY_TEAM_VAR).toBe('keep me');
    // Untouched sections keep their exact bytes (one-line arrays, 4-space indent, escaped quotes).
    const original = read('claude-rich/settings.json');
    for (const section of ['"permissions"', '"hooks"', '"statusLine"', '"enabledPlugins"']) {
      const start = original.indexOf(section);
      const chunk = original.slice(start, original.indexOf('\n    "', start + 1));
      expect(r.text).toContain(chunk);
    }
  });

  it('keeps CRLF line endings and the UTF-8 BOM: the same result as the LF file, in CRLF with a BOM', () => {
    const r = patchClaudeSettings(read('claude-rich/settings.crlf-bom.json'), 'settings.json', WANTED, undefined, {
      force: false,
    });
    expect(r.text.startsWith('\uFEFF')).toBe(true);
    expect(r.text.replace(/\r\n/g, '\n').slice(1)).toBe(readFileSync(`${FIX}golden/claude-rich.settings.json`, 'utf8'));
    expect(/[^\r]\n/.test(r.text)).toBe(false);
  });

  it('keeps tab indentation', () => {
    const r = patchClaudeSettings(read('claude-rich/settings.tabs.json'), 'settings.json', WANTED, undefined, {
      force: false,
    });
    expect(r.text).toContain('\n\t"env": {\n\t\t"ANTHROPIC_BASE_URL"');
  });

  it.each(FILES)('property: patch then removing every managed entry gives back the original bytes (%s)', (f) => {
    const original = read(f);
    const r = patchClaudeSettings(original, 'settings.json', WANTED, undefined, { force: false });
    expect(r.text).not.toBe(original);
    expect(unpatchClaudeSettings(r.text, r.state)).toBe(original);
  });

  it('a missing file becomes a small valid JSON file', () => {
    const r = patchClaudeSettings(null, 'settings.json', WANTED, undefined, { force: false });
    golden('claude-new.settings.json', r.text);
    expect(unpatchClaudeSettings(r.text, r.state)).toBe('{}\n');
  });

  it('a second patch with the state changes nothing; a hand edit is a conflict, left alone unless --force', () => {
    const first = patchClaudeSettings(read('claude-rich/settings.json'), 'settings.json', WANTED, undefined, {
      force: false,
    });
    const again = patchClaudeSettings(first.text, 'settings.json', WANTED, first.state, { force: false });
    expect(again.text).toBe(first.text);
    expect(again.conflicts).toEqual([]);
    const edited = first.text.replace('"model": "GLM-4-Flash-250414"', '"model": "my-choice"');
    const r = patchClaudeSettings(edited, 'settings.json', WANTED, first.state, { force: false });
    expect(r.text).toBe(edited);
    expect(r.conflicts.map((c) => c.path)).toEqual(['model']);
    expect(r.state.keys.model).toBe(first.state.keys.model);
    const forced = patchClaudeSettings(edited, 'settings.json', WANTED, first.state, { force: true });
    expect(forced.text).toBe(first.text);
  });

  it('a value set before llmctl managed the key is replaced with a warning (the seed’s literal token)', () => {
    const r = patchClaudeSettings(read('seed/claude.settings.json'), 'settings.json', WANTED, undefined, {
      force: false,
    });
    expect(r.text).toContain(TOKEN);
    expect(r.text).not.toContain('sk-litellm-static-key');
    expect(r.warnings.map((w) => w.path)).toEqual(['env.ANTHROPIC_AUTH_TOKEN', 'model']);
    // The seed's own values for keys llmctl does not manage stay.
    expect(r.text).toContain('"ANTHROPIC_BASE_URL": "http://127.0.0.1:4000"');
  });

  it('a key llmctl no longer wants is removed when untouched, kept (and reported) when edited', () => {
    const first = patchClaudeSettings(read('claude-rich/settings.json'), 'settings.json', WANTED, undefined, {
      force: false,
    });
    const { ['env.CLAUDE_CODE_MAX_OUTPUT_TOKENS']: _, ...less } = WANTED;
    const r = patchClaudeSettings(first.text, 'settings.json', less, first.state, { force: false });
    expect(r.text).not.toContain('CLAUDE_CODE_MAX_OUTPUT_TOKENS');
    const edited = first.text.replace('"16384"', '"8000"');
    const kept = patchClaudeSettings(edited, 'settings.json', less, first.state, { force: false });
    expect(kept.text).toContain('"CLAUDE_CODE_MAX_OUTPUT_TOKENS": "8000"');
    expect(kept.warnings.some((w) => w.path === 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS')).toBe(true);
  });

  it('merges NO_PROXY with what is already there', () => {
    const r = patchClaudeSettings(read('claude-rich/settings.json'), 'settings.json', WANTED, undefined, {
      force: false,
      merge: { noProxy: { base: 'intranet.example,localhost', add: ['127.0.0.1', 'localhost'] } },
    });
    expect(parseJsonObject(r.text, 's').env).toMatchObject({
      NO_PROXY: 'intranet.example,localhost,127.0.0.1',
      HTTPS_PROXY: 'http://127.0.0.1:7890',
    });
    const again = patchClaudeSettings(r.text, 'settings.json', WANTED, r.state, {
      force: false,
      merge: { noProxy: { base: undefined, add: ['127.0.0.1', 'localhost'] } },
    });
    expect(again.text).toBe(r.text);
  });

  it('refuses invalid JSON with line:col', () => {
    expect(() =>
      patchClaudeSettings(read('claude-rich/settings.invalid.json'), '/x/settings.json', WANTED, undefined, {
        force: false,
      }),
    ).toThrow(/\/x\/settings\.json:4:3: not valid JSON/);
  });

  it('refuses an "env" that is not an object instead of replacing it', () => {
    expect(() => patchClaudeSettings('{ "env": ["A=1"] }', 's.json', WANTED, undefined, { force: false })).toThrow(
      /"env" is not an object/,
    );
  });
});

describe('unlinkClaudeSettings gives back what the user had', () => {
  const userFile = `${JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: 'sk-the-users-own-token-99', ANTHROPIC_BASE_URL: 'http://gw:4000' }, model: 'mine' }, null, 2)}\n`;

  it(
    'records the old values (a token only as a hash) and restores them; ' + 'a token it cannot find is said plainly',
    () => {
      const synced = patchClaudeSettings(userFile, 'settings.json', WANTED, undefined, { force: false });
      expect(JSON.stringify(synced.state)).not.toContain('sk-the-users-own-token-99');
      expect(synced.state.originals?.['env.ANTHROPIC_BASE_URL']).toEqual({ value: 'http://gw:4000' });

      const found = unlinkClaudeSettings(
        synced.text,
        'settings.json',
        synced.state,
        false,
        () => 'sk-the-users-own-token-99',
      );
      expect(parseJsonObject(found.text, 'settings.json')).toEqual(parseJsonObject(userFile, 'settings.json'));

      const lost = unlinkClaudeSettings(synced.text, 'settings.json', synced.state, false);
      const after = parseJsonObject(lost.text, 'settings.json') as { env: Record<string, string>; model: string };
      expect(after.env.ANTHROPIC_AUTH_TOKEN).toBeUndefined();
      expect(after.model).toBe('mine');
      expect(lost.warnings.map((w) => `${w.path} ${w.message}`)).toContainEqual(
        expect.stringMatching(/^env\.ANTHROPIC_AUTH_TOKEN cannot be given back/),
      );
    },
  );

  it('says plainly that it cannot give back what an older llmctl did not record', () => {
    const synced = patchClaudeSettings(userFile, 'settings.json', WANTED, undefined, { force: false });
    const { originals: _o, ...legacy } = synced.state;
    const r = unlinkClaudeSettings(synced.text, 'settings.json', legacy, false);
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('not given back'));
    expect(
      unlinkClaudeSettings(synced.text, 'settings.json', synced.state, false, () => 'sk-the-users-own-token-99')
        .warnings,
    ).toEqual([]);
  });
});
