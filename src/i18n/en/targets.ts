import type { Messages } from '../message.js';

/** English messages of the targets area. Ids start with `targets.`. */
export const targets = {} satisfies Messages;
