import { describe, expect, it } from 'vitest';
import { LlmctlError } from '../errors.js';
import { formatEnvFile, parseEnvFile } from './env-file.js';

describe('env files for docker compose', () => {
  it('single-quotes every value, so compose takes $ and # literally, and reads them back', () => {
    const vars = { A: 'sk-$HOME#x', B: 'plain', C: '' };
    const text = formatEnvFile(['keys'], vars);
    expect(text).toBe("# keys\nA='sk-$HOME#x'\nB='plain'\nC=''\n");
    expect(parseEnvFile(text)).toEqual(vars);
  });

  it.each(["it's", 'back\\slash', 'two\nlines'])(
    'refuses a value single quotes cannot carry, without showing it: %j',
    (v) => {
      const e = (() => {
        try {
          formatEnvFile([], { KEY: v });
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(LlmctlError);
      expect((e as Error).message).toContain('KEY');
      expect((e as Error).message).not.toContain(v);
    },
  );
});
