import { readFileSync } from 'node:fs';

let version: string | undefined;

/** llmctl's own version, from package.json (read once). */
export function llmctlVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
