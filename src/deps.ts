import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import type * as JsoncParser from 'jsonc-parser';
import type * as Yaml from 'yaml';
import type * as Zod from 'zod';

/**
 * The dependencies that ship CommonJS, loaded with require() when first used. A call here, unlike a
 * static `import`, stays lazy in the bundled dist/index.cjs: a command that never touches YAML or zod
 * never loads them. In the bundle each comes from its one-file copy in dist/vendor/ (made by
 * scripts/build.mjs: zod is ~100 files in node_modules, yaml ~70); from src/ (the unit tests), from
 * node_modules. One loader per package also means one copy of it per process.
 * (chalk, execa, ora, diff and @inquirer/prompts are ES modules: they are `await import()`ed.)
 */
const load = createRequire(import.meta.url);
// In the bundle import.meta.url is dist/index.cjs (or dist/json-schema.cjs).
const bundled = import.meta.url.endsWith('.cjs');
const dep = <T>(name: string): T => load(bundled ? `./vendor/${name}.cjs` : name) as T;

export const commander = (): typeof Commander => dep('commander');
export const jsonc = (): typeof JsoncParser => dep('jsonc-parser');
export const yaml = (): typeof Yaml => dep('yaml');
export const zod = (): typeof Zod => dep('zod');
