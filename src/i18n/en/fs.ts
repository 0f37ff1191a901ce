import type { Messages } from '../message.js';

/** English messages of the fs area. Ids start with `fs.`. */
export const fs = {} satisfies Messages;
