import type { Messages } from '../message.js';

/** English messages of the scale area. Ids start with `scale.`. */
export const scale = {} satisfies Messages;
