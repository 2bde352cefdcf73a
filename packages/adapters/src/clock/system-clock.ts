import type { Clock } from '@elevate/domain';

/** The wall clock, as ISO-8601 UTC with milliseconds (the format every stored time uses). */
export const systemClock: Clock = {
  now: () => new Date().toISOString(),
};
