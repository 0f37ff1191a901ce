import type { Context } from '../context.js';
import { serve, type ServeOptions } from '../serve/serve.js';

/**
 * `llmctl serve`: the proxy's lifecycle (checks, config, detached or foreground run, restart) is src/serve/serve.ts.
 */
export async function run(ctx: Context, opts: ServeOptions = {}): Promise<number> {
  return serve(ctx.platform, ctx.paths, opts);
}
