/** Time comes from a port so tests and jobs can move it; nothing in the domain calls `new Date()` for "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
