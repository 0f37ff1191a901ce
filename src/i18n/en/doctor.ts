import type { Messages } from '../message.js';

/** English messages of the doctor area. Ids start with `doctor.`. */
export const doctor = {} satisfies Messages;
