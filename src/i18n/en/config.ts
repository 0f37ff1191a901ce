import type { Messages } from '../message.js';

/** English messages of the config area. Ids start with `config.`. */
export const config = {} satisfies Messages;
