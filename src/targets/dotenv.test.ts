import { describe, expect, it } from 'vitest';
import { patchEnvFile } from './dotenv.js';

/** How Continue (dotenv) reads the file: one NAME=value per line, a quoted value may not span lines. */
const names = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(l)?.[1])
    .filter(Boolean);

describe('patchEnvFile', () => {
  it.each([
    ['a newline', 'sk-a\nEVIL=1'],
    ['a carriage return', 'sk-a\rEVIL=1'],
    ['quotes and =', 'sk-a" EVIL="1'],
    ['a comment sign', 'sk-a #EVIL=1'],
  ])('a value with %s stays one line and one variable', (_what, value) => {
    const out = patchEnvFile('OTHER=x\n', { LLMCTL_PROXY_KEY: value }, [])!;
    expect(out.split('\n').filter(Boolean)).toHaveLength(2);
    expect(names(out)).toEqual(['OTHER', 'LLMCTL_PROXY_KEY']);
  });
});
