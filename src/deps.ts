import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import type * as JsoncParser from 'jsonc-parser';
import type * as Yaml from 'yaml';
import type * as Zod from 'zod';

/**
 * The dependencies that ship CommonJS, loaded with require() when first used. Two reasons:
 * require() skips the ES-module wrapper (faster start), and a call here, unlike a static
 * `import`, stays lazy in the bundled dist/index.cjs: a command that never touches YAML or zod never
 * loads them. One loader per package also means one copy of it per process.
 * (chalk, execa, ora, diff and @inquirer/prompts are ES modules: they are `await import()`ed.)
 */
const load = createRequire(import.meta.url);

export const commander = (): typeof Commander => load('commander') as typeof Commander;
export const jsonc = (): typeof JsoncParser => load('jsonc-parser') as typeof JsoncParser;
export const yaml = (): typeof Yaml => load('yaml') as typeof Yaml;
export const zod = (): typeof Zod => load('zod') as typeof Zod;
