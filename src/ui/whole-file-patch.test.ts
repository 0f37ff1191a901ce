import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { wholeFilePatch } from './whole-file-patch.js';

const cases = ['', 'a\nb\nc\n', 'one line\n', 'no newline at end', 'x\n\ny\n', '\n', 'models:\n  - name: a\r\n'];

describe('wholeFilePatch', () => {
  it.each(cases)('matches the diff library for a created file: %j', (text) => {
    expect(wholeFilePatch('/f.yaml', text, 'added')).toBe(
      createTwoFilesPatch('/dev/null', '/f.yaml', '', text, '(missing)', 'llmctl'),
    );
  });
  it.each(cases)('matches the diff library for a deleted file: %j', (text) => {
    expect(wholeFilePatch('/f.yaml', text, 'deleted')).toBe(
      createTwoFilesPatch('/f.yaml', '/dev/null', text, '', 'current', '(deleted)'),
    );
  });
});
