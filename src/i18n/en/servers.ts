import type { Messages } from '../message.js';

/** English messages of the servers area. Ids start with `servers.`. */
export const servers = {} satisfies Messages;
