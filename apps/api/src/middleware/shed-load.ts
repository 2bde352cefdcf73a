import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Admission } from '../http/admission';
import { callerGoneOf } from '../http/caller-gone';
import { overloadedResponse } from '../http/overload-guard';

/**
 * Admits a route's calls through `admission` (a bound of its own inside the process's, for a route
 * whose calls are dear, as federation is): over the bound, 503 `OVERLOADED` with `Retry-After`
 * before any token is verified. On Lambda an instance serves one call at a time, so this only acts
 * where one process serves many (the Node server).
 */
export function shedLoad(admission: Admission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const release = await admission.enter(callerGoneOf(c.req.raw, c.env));
    if (release === undefined) {
      c.set('errorCode', 'OVERLOADED');
      return overloadedResponse(c.var.correlationId);
    }
    try {
      await next();
      return undefined;
    } finally {
      // Only a session started says how long serving one takes: a quick refusal would teach a
      // latency-following limit that calls take a millisecond, and cut it for every real one.
      release(c.res.ok);
    }
  };
}
