// Training runs at start beside a serving server: long steps hand the event loop back now and then, so that no
// request waits behind more than a few tens of milliseconds of training.
export { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Items handled between two yields when a step goes through the corpus one by one. */
export const YIELD_EVERY = 500;
