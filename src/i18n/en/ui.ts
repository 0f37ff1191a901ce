import type { Messages } from '../message.js';

/** English messages of the ui area. Ids start with `ui.`. */
export const ui = {} satisfies Messages;
