#!/usr/bin/env node
// Regenerates schema/llmctl.schema.json from the zod schema (src/config/schema.ts, bundled into dist/json-schema.cjs).
// Run `npm run schema` after changing the schema; a unit test fails while the file is out of step.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/json-schema.cjs', import.meta.url);
if (!existsSync(fileURLToPath(dist))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const { llmctlJsonSchemaText } = await import(dist.href);
const out = fileURLToPath(new URL('../schema/llmctl.schema.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('../schema/', import.meta.url)), { recursive: true });
writeFileSync(out, llmctlJsonSchemaText());
console.log(`wrote ${out}`);
