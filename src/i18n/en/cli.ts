import type { Messages } from '../message.js';

/** English messages of the cli area. Ids start with `cli.`. */
export const cli = {} satisfies Messages;
