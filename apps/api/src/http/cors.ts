import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from '@elevate/contracts';
import { setOnAnswer } from './answer-headers';

/**
 * CORS for the SPA's one origin. Preflights are hono's `cors`. On every other call the headers hono
 * would set go onto the answer in place, after the route (answer-headers.ts): hono's `cors` sets
 * them on a response made before the route's and adds `Vary` with `c.header` after it, and either
 * makes hono rebuild the answer.
 */
export function corsFor(origin: string): MiddlewareHandler {
  const preflight = cors({
    origin,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: [...CORS_ALLOW_HEADERS],
    exposeHeaders: [...CORS_EXPOSE_HEADERS],
    maxAge: 600,
  });
  const exposed = CORS_EXPOSE_HEADERS.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    if (c.req.header('origin') === origin) {
      setOnAnswer(c, 'access-control-allow-origin', origin);
      setOnAnswer(c, 'access-control-expose-headers', exposed);
    }
    setOnAnswer(c, 'vary', 'Origin', 'append');
    return undefined;
  };
}
