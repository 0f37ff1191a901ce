import { describe, expect, it } from 'vitest';
import { yaml } from '../deps.js';
import { LlmctlError } from '../errors.js';
import { patchClaudeSettings } from './claude-patch.js';
import { patchContinueConfig } from './continue-patch.js';
import { jsonDuplicateKeys, yamlDuplicateKeys } from './duplicate-keys.js';

const where = (d: { path: string; first: { line: number; col: number }; second: { line: number; col: number } }) =>
  `${d.path}@${d.first.line}:${d.first.col},${d.second.line}:${d.second.col}`;

describe('jsonDuplicateKeys (settings.json)', () => {
  it.each([
    ['two top-level env objects', '{\n  "env": { "A": "1" },\n  "x": 1,\n  "env": { "B": "2" }\n}\n', ['env@2:3,4:3']],
    [
      'ANTHROPIC_BASE_URL twice in env',
      '{\n  "env": {\n    "ANTHROPIC_BASE_URL": "a",\n    "ANTHROPIC_BASE_URL": "b"\n  }\n}',
      ['env.ANTHROPIC_BASE_URL@3:5,4:5'],
    ],
    ['model twice', '{"model": "a", "model": "b"}', ['model@1:2,1:16']],
    ['an escaped spelling of env', '{"env": {}, "\\u0065nv": {}}', ['env@1:2,1:13']],
    ['a user variable twice in env (llmctl does not edit it)', '{"env": {"MY_VAR": "1", "MY_VAR": "2"}}', []],
    ['keys repeated in hooks', '{"hooks": [{"type": "a"}, {"type": "b"}], "x": {"model": 1, "model": 2}}', []],
  ])('%s', (_what, text, want) => {
    expect(jsonDuplicateKeys(text).map(where)).toEqual(want);
  });

  it('patchClaudeSettings refuses them with both positions', () => {
    const text = '{\n  "env": { "A": "1" },\n  "env": { "B": "2" }\n}\n';
    const err = (() => {
      try {
        patchClaudeSettings(text, 'settings.json', { 'env.ANTHROPIC_BASE_URL': 'http://127.0.0.1:4000' }, undefined, {
          force: false,
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LlmctlError);
    expect((err as Error).message).toBe('settings.json:3:3: "env" appears twice (2:3 and 3:3)');
    expect((err as LlmctlError).problems[0]!.hint).toContain('merge the two into one');
  });
});

describe('yamlDuplicateKeys (Continue config.yaml)', () => {
  const find = (text: string, managed: string[] = []) =>
    yamlDuplicateKeys(yaml().parseDocument(text, { uniqueKeys: false }), text, new Set(managed)).map(where);

  it.each([
    ['two models: lists', 'name: a\nmodels: []\nx: 1\nmodels:\n  - name: m\n', [], ['models@2:1,4:1']],
    ['a model with two names', 'models:\n  - name: a\n    name: b\n', [], ['models[0].name@2:5,3:5']],
    [
      'a key twice in a model llmctl manages',
      'models:\n  - name: glm\n    apiBase: a\n    apiBase: b\n',
      ['glm'],
      ['models[0].apiBase@3:5,4:5'],
    ],
    [
      'the same in the user’s own model is theirs',
      'models:\n  - name: mine\n    apiBase: a\n    apiBase: b\n',
      ['glm'],
      [],
    ],
  ])('%s', (_what, text, managed, want) => {
    expect(find(text, managed)).toEqual(want);
  });

  it('patchContinueConfig refuses them', () => {
    const text = 'name: a\nmodels:\n  - name: x\nmodels: []\n';
    expect(() =>
      patchContinueConfig(text, 'config.yaml', [{ name: 'glm', entry: { name: 'glm' } }], {}, { force: false }),
    ).toThrow('config.yaml:4:1: "models" appears twice (2:1 and 4:1)');
  });
});
