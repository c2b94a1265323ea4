/** The server's notion of "now", injected so that tests can drive scheduled publication. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
