import type { Messages } from '../message.js';

/** English messages of the commands area. Ids start with `commands.`. */
export const commands = {} satisfies Messages;
