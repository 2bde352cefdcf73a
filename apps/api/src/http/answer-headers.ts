import type { Context } from 'hono';

/**
 * Sets a header on the answer a route already gave, in place. hono's `c.header` after the route
 * makes hono rebuild the answer around its body, and @hono/node-server then writes it out as a
 * stream (~0.2 ms of CPU a call). An answer whose headers cannot change (a `Response.redirect`, a
 * forwarded `fetch` response) is copied once instead.
 */
export function setOnAnswer(
  c: Context,
  name: string,
  value: string,
  mode: 'set' | 'append' = 'set',
): void {
  try {
    c.res.headers[mode](name, value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    c.res = new Response(c.res.body, c.res);
    c.res.headers[mode](name, value);
  }
}
