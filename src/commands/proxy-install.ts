import type { Context } from '../context.js';
import { LlmctlError } from '../errors.js';

// Placeholder: this command is being built (see the open issues).
export async function run(_ctx: Context): Promise<number> {
  throw new LlmctlError('`llmctl proxy-install` is not available in this build yet');
}
