import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;
let version: string | undefined;

/**
 * A file shipped with the package (package.json, templates/, schema/). The code runs from src/*
 * (tests), from the bundled dist/index.js or from dist/json-schema.js, so the package folder is
 * found by walking up to the first package.json rather than by a fixed `../..`.
 */
export function packageFile(...parts: string[]): string {
  if (!root) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    root = dir;
  }
  return path.join(root, ...parts);
}

/** llmctl's own version, from package.json (read once). */
export function llmctlVersion(): string {
  version ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
