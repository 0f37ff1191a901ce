import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The CLI tests run the built binary: fail early and clearly when dist/ is missing. */
export default function setup(): void {
  const entry = fileURLToPath(new URL('../../dist/index.cjs', import.meta.url));
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm test` (it builds first) or `npm run build`');
}
