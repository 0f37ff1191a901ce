import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { llmctlJsonSchema, llmctlJsonSchemaText } from './json-schema.js';
import { SCHEMA_FILE } from './write.js';

describe('schema/llmctl.schema.json', () => {
  it('is in step with the zod schema (run `npm run schema` to regenerate)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(llmctlJsonSchemaText());
  });

  it('is the file the written llmctl.yaml points at, and lets defaults be left out', () => {
    expect(SCHEMA_FILE).toBe(fileURLToPath(new URL('../../schema/llmctl.schema.json', import.meta.url)));
    const s = llmctlJsonSchema() as {
      required?: string[];
      properties: Record<string, unknown>;
      additionalProperties?: boolean;
    };
    expect(s.required).toEqual(['version']);
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(['version', 'proxy', 'providers', 'models', 'tools']),
    );
    expect(s.additionalProperties).toBe(false);
  });
});
