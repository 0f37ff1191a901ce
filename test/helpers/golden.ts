import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fixture = (p: string): string => readFileSync(FIXTURES + p, 'utf8');

/** Compares with test/fixtures/golden/NAME; UPDATE_GOLDEN=1 rewrites the file (review the diff!). */
export function golden(name: string, text: string): void {
  const file = `${FIXTURES}golden/${name}`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `missing golden file ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
