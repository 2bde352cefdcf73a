import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { problemResponse } from '../http/problem-response';
import { OVERLOADED_PROBLEM } from '../http/problem-catalog';

/**
 * Answers 503 `OVERLOADED` (with `Retry-After`) at once when `maxInFlight` calls are already being
 * served, before any token is verified: a saturated process then keeps its latency for the calls
 * it accepts instead of making every caller wait in one long queue. On Lambda an instance serves
 * one call at a time, so this only acts where one process serves many (the Node server).
 */
export function shedLoad(maxInFlight: number): MiddlewareHandler<AppEnv> {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= maxInFlight) {
      c.set('errorCode', 'OVERLOADED');
      return problemResponse(
        'OVERLOADED',
        OVERLOADED_PROBLEM,
        OVERLOADED_PROBLEM.detail,
        { correlationId: c.var.correlationId },
        { 'retry-after': '1' },
      );
    }
    inFlight += 1;
    try {
      await next();
      return undefined;
    } finally {
      inFlight -= 1;
    }
  };
}
