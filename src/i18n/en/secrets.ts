import type { Messages } from '../message.js';

/** English messages of the secrets area. Ids start with `secrets.`. */
export const secrets = {} satisfies Messages;
