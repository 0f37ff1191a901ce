import type { Messages } from '../message.js';

/** English messages of the webui area. Ids start with `webui.`. */
export const webui = {} satisfies Messages;
