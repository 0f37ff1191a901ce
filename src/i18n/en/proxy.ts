import type { Messages } from '../message.js';

/** English messages of the proxy area. Ids start with `proxy.`. */
export const proxy = {} satisfies Messages;
