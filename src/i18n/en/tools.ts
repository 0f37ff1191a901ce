import type { Messages } from '../message.js';

/** English messages of the tools area. Ids start with `tools.`. */
export const tools = {} satisfies Messages;
