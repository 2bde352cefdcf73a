import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { setOnAnswer } from './answer-headers';

/** An app whose one middleware adds a header after the route, as correlation-id and CORS do. */
const appAnswering = (route: () => Response) =>
  new Hono()
    .use(async (c, next) => {
      await next();
      setOnAnswer(c, 'x-after', 'one');
      setOnAnswer(c, 'vary', 'Origin', 'append');
    })
    .get('/', route);

describe('setOnAnswer', () => {
  it("adds to the route's own answer, keeping its status, headers and body", async () => {
    const response = await appAnswering(
      () => new Response('{"ok":true}', { status: 201, headers: { vary: 'Accept' } }),
    ).request('/');
    expect(response.status).toBe(201);
    expect(response.headers.get('x-after')).toBe('one');
    expect(response.headers.get('vary')).toBe('Accept, Origin');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('copies an answer whose headers cannot change, once, rather than fail the call', async () => {
    const response = await appAnswering(() =>
      Response.redirect('http://127.0.0.1/next', 302),
    ).request('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1/next');
    expect(response.headers.get('x-after')).toBe('one');
    expect(response.headers.get('vary')).toBe('Origin');
  });
});
