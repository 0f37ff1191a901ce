import { zod } from '../deps.js';
import { ConfigSchema } from './schema.js';

/**
 * The JSON Schema of llmctl.yaml, derived from the zod schema (never written by hand). The input side
 * is used, so fields with defaults are optional — as they are for a person writing the file. Draft 7
 * is what the YAML language server in VS Code understands best.
 */
export function llmctlJsonSchema(): Record<string, unknown> {
  const schema = zod().z.toJSONSchema(ConfigSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'llmctl.yaml',
    // i18n-ignore: the JSON Schema's text, a file shipped for editors
    description: 'The source of truth of llmctl: providers, models, keys (by reference only), proxy and tools.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The committed file's exact text: a stable key order and a final newline. */
export function llmctlJsonSchemaText(): string {
  return `${JSON.stringify(llmctlJsonSchema(), null, 2)}\n`;
}
