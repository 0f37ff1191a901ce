import type { Messages } from '../message.js';

/** English messages of the exporting area. Ids start with `exporting.`. */
export const exporting = {} satisfies Messages;
