import type { Messages } from '../message.js';

/** English messages of the platform area. Ids start with `platform.`. */
export const platform = {} satisfies Messages;
