import type { Messages } from '../message.js';

/** English messages of the importers area. Ids start with `importers.`. */
export const importers = {} satisfies Messages;
