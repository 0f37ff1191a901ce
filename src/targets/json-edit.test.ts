import { describe, expect, it } from 'vitest';
import { LlmctlError } from '../errors.js';
import { detectStyle, parseJsonObject, setJsonValue } from './json-edit.js';

describe('setJsonValue', () => {
  it.each([
    [
      'adds to an object after its last key, in the file’s indentation',
      '{\n    "a": [1, 2]\n}\n',
      ['env', 'X'],
      '1',
      '{\n    "a": [1, 2],\n    "env": {\n        "X": "1"\n    }\n}\n',
    ],
    ['replaces only the value', '{ "a": {"x":  1}, "m": "old" }', ['m'], 'new', '{ "a": {"x":  1}, "m": "new" }'],
    ['fills an empty object', '{\n  "env": {}\n}\n', ['env', 'X'], 'v', '{\n  "env": {\n    "X": "v"\n  }\n}\n'],
    ['starts an empty file', '', ['model'], 'm', '{\n  "model": "m"\n}\n'],
    ['keeps tabs', '{\n\t"a": 1\n}\n', ['b'], true, '{\n\t"a": 1,\n\t"b": true\n}\n'],
    ['keeps CRLF and the BOM', '\uFEFF{\r\n  "a": 1\r\n}\r\n', ['b'], 2, '\uFEFF{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n'],
  ] as const)('%s', (_name, text, path, value, expected) => {
    expect(setJsonValue(text, [...path], value)).toBe(expected);
  });

  it.each([
    ['{\n  "a": 1,\n  "b": 2\n}\n', ['b'], '{\n  "a": 1\n}\n'],
    ['{\n  "a": 1,\n  "b": 2\n}\n', ['a'], '{\n  "b": 2\n}\n'],
    ['{ "env": { "X": "1" } }', ['env', 'X'], '{ "env": {} }'],
    ['{ "a": 1 }', ['missing'], '{ "a": 1 }'],
  ] as const)('removes %j %j', (text, path, expected) => {
    expect(setJsonValue(text, [...path], undefined)).toBe(expected);
  });
});

describe('parseJsonObject / detectStyle', () => {
  it.each([
    ['{\n  "a": 1,\n}', 3, 1],
    ['{\n  // comment\n  "a": 1\n}', 2, 3],
    ['{"a": 1', 1, 8],
  ])('refuses %j at line %i col %i', (text, line, col) => {
    try {
      parseJsonObject(text, 'f.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LlmctlError);
      expect((e as LlmctlError).problems[0]).toMatchObject({ file: 'f.json', line, col });
    }
  });

  it('accepts a BOM, refuses a top level that is not an object', () => {
    expect(parseJsonObject('\uFEFF{"a":1}', 'f')).toEqual({ a: 1 });
    expect(() => parseJsonObject('[1]', 'f')).toThrow(/not a JSON object/);
    expect(() => parseJsonObject('null', 'f')).toThrow(/not a JSON object/);
  });

  it('reads a "__proto__" key as data, as Claude Code does, never as a prototype', () => {
    const obj = parseJsonObject('{"__proto__": {"polluted": true}, "a": 1}', 'f');
    expect(Object.keys(obj)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((obj as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('detects indentation, line endings and BOM', () => {
    expect(detectStyle('\uFEFF{\r\n\t"a": 1\r\n}')).toEqual({ bom: true, eol: '\r\n', indent: '\t' });
    expect(detectStyle('{\n    "a": 1\n}')).toEqual({ bom: false, eol: '\n', indent: '    ' });
  });

  it('a replaced object is indented at its own depth, as an added one is', () => {
    const text = '{\n  "provider": {\n    "llmctl": {\n      "old": 1\n    },\n    "mine": {}\n  }\n}\n';
    expect(setJsonValue(text, ['provider', 'llmctl'], { options: { baseURL: 'u' } })).toBe(
      '{\n  "provider": {\n    "llmctl": {\n      "options": {\n' +
        '        "baseURL": "u"\n      }\n    },\n    "mine": {}\n  }\n}\n',
    );
    // A non-object where an object must go (here null) is replaced at its own depth too.
    expect(setJsonValue('{\n  "a": {\n    "env": null\n  }\n}\n', ['a', 'env', 'X'], '1')).toBe(
      '{\n  "a": {\n    "env": {\n      "X": "1"\n    }\n  }\n}\n',
    );
  });
});
