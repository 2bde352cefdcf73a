import { PROBLEM_CONTENT_TYPE } from '@elevate/contracts';
import { problemType } from './problem-catalog';

/** Requests one local API process works on at once; more are shed at once with 503 OVERLOADED. */
export const DEFAULT_MAX_IN_FLIGHT = 48; // ELEVATE_MAX_IN_FLIGHT's default (config.ts)

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/**
 * Bounds the work one Node process takes on. Beyond `maxInFlight` requests in progress, a new one
 * is answered 503 OVERLOADED with Retry-After at once, instead of waiting in an unbounded queue
 * until its caller has given up; one whose caller already went away is not started at all. (On
 * Lambda each instance serves one request at a time; API Gateway's stage throttling bounds it.)
 */
export function overloadGuard<F extends Fetch>(
  fetch: F,
  maxInFlight: number = DEFAULT_MAX_IN_FLIGHT,
  onShed: () => void = () => undefined,
): F {
  let inFlight = 0;
  const guarded = async (request: Request, ...rest: never[]): Promise<Response> => {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    if (inFlight >= maxInFlight && !request.url.endsWith('/health')) {
      onShed();
      return overloaded();
    }
    inFlight += 1;
    try {
      return await fetch(request, ...rest);
    } finally {
      inFlight -= 1;
    }
  };
  return guarded as F;
}

const overloaded = (): Response =>
  new Response(
    JSON.stringify({
      type: problemType('OVERLOADED'),
      title: 'Too busy',
      status: 503,
      code: 'OVERLOADED',
      detail: 'Elevate is handling more requests than it can right now. Try again in a moment.',
    }),
    {
      status: 503,
      headers: {
        'content-type': PROBLEM_CONTENT_TYPE,
        'cache-control': 'no-store',
        'retry-after': '1',
      },
    },
  );
