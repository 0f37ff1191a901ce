import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('vendored packages', () => {
  it('src/deps.ts loads exactly the packages scripts/build.mjs vendors (scripts/vendored.json)', () => {
    const vendored = Object.keys(
      JSON.parse(readFileSync(new URL('../scripts/vendored.json', import.meta.url), 'utf8')) as object,
    );
    const source = readFileSync(new URL('./deps.ts', import.meta.url), 'utf8');
    const loaded = [...source.matchAll(/=>\s*dep\('([^']+)'\)/g)].map((m) => m[1]);
    expect(loaded.sort()).toEqual(vendored.sort());
  });
});
