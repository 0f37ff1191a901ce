import type { Messages } from '../message.js';

/** English messages of the clients area. Ids start with `clients.`. */
export const clients = {} satisfies Messages;
