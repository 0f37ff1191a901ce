// The line width (issue 11): prettier formats at 120 columns but leaves long strings and comments as
// they are, so this check holds every line of the code and tests to 120 characters (JavaScript
// length: a Chinese character counts once). A line that holds a URL may be longer: URLs stay whole.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDTH = 120;
const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** Not ours to format: generated output, installed packages, recorded fixtures. */
const SKIP = new Set(['node_modules', 'dist', 'coverage', 'fixtures', '.git']);

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return codeFiles(file);
    return CODE.test(e.name) ? [file] : [];
  });
}

describe('line width', () => {
  it(`no line of src/, test/, scripts/ or bin/ is over ${WIDTH} characters (a URL may be)`, () => {
    const files = ['src', 'test', 'scripts', 'bin'].flatMap((d) => codeFiles(path.join(ROOT, d)));
    files.push(path.join(ROOT, 'vitest.config.ts'));
    const over = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          line.length > WIDTH && !line.includes('://')
            ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.length} characters`]
            : [],
        ),
    );
    expect(files.length).toBeGreaterThan(100);
    expect(over).toEqual([]);
  });
});
