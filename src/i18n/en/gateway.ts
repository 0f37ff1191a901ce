import type { Messages } from '../message.js';

/** English messages of the gateway area. Ids start with `gateway.`. */
export const gateway = {} satisfies Messages;
