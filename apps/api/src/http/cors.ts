import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from '@elevate/contracts';

/**
 * CORS for the SPA's one origin. Preflights are hono's `cors`. On every other call the same headers
 * hono would set go onto the answer in place, after the route: hono's `cors` sets them on a response
 * made before the route's and adds `Vary` with `c.header` after it, and either makes hono rebuild
 * the answer — @hono/node-server then writes it out as a stream, ~0.2 ms of CPU a call.
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
    const headers = c.res.headers;
    if (c.req.header('origin') === origin) {
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', exposed);
    }
    headers.append('vary', 'Origin');
    return undefined;
  };
}
