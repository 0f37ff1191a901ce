import type { Messages } from '../message.js';

/** English messages of the sync area. Ids start with `sync.`. */
export const sync = {} satisfies Messages;
