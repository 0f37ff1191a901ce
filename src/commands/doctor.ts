import type { Context } from '../context.js';
import { LlmctlError } from '../errors.js';

// Placeholder: this command is being built (see the open issues).
export async function run(_ctx: Context): Promise<number> {
  throw new LlmctlError('`llmctl doctor` is not available in this build yet');
}
