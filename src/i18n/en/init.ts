import type { Messages } from '../message.js';

/** English messages of the init area. Ids start with `init.`. */
export const init = {} satisfies Messages;
