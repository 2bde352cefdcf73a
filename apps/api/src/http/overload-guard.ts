import { API_OPERATIONS, RETRY_AFTER_HEADER } from '@elevate/contracts';
import { Admission, DEFAULT_SERVER_ADMISSION } from './admission';
import { callerGoneOf } from './caller-gone';
import { OVERLOADED_PROBLEM } from './problem-catalog';
import { problemResponse } from './problem-response';

type Fetch = (request: Request, env?: never) => Response | Promise<Response>;

/**
 * Bounds the work one Node process takes on (admission.ts): a call over the bound is answered
 * 503 OVERLOADED with Retry-After at once, one whose caller already went away is not started.
 * `/health` is always answered. (On Lambda each instance serves one call at a time; API Gateway's
 * stage throttling bounds the rest.)
 */
export function overloadGuard<F extends Fetch>(
  fetch: F,
  admission: Admission = new Admission(DEFAULT_SERVER_ADMISSION),
  onShed: () => void = () => undefined,
): F {
  const guarded = async (request: Request, env?: never): Promise<Response> => {
    if (request.url.endsWith(API_OPERATIONS.getHealth.path)) return fetch(request, env);
    const callerGone = callerGoneOf(request, env);
    const release = await admission.enter(callerGone);
    if (callerGone.aborted) {
      release?.();
      return new Response(null, { status: 499 });
    }
    if (release === undefined) {
      onShed();
      return overloadedResponse();
    }
    try {
      return await fetch(request, env);
    } finally {
      release();
    }
  };
  return guarded as F;
}

/** 503 OVERLOADED with the Retry-After its catalog entry gives. */
export function overloadedResponse(correlationId?: string): Response {
  return problemResponse(
    'OVERLOADED',
    OVERLOADED_PROBLEM,
    OVERLOADED_PROBLEM.detail,
    correlationId === undefined ? {} : { correlationId },
    { [RETRY_AFTER_HEADER]: String(OVERLOADED_PROBLEM.retryAfterSeconds) },
  );
}
