import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { problemSchema } from '@elevate/contracts';
import type { AppEnv } from '../app-env';
import { Admission } from '../http/admission';
import type { ServedCall } from '../http/latency-limit';
import { shedLoad } from './shed-load';

/** `maxInFlight` at once and none waiting: the next call is shed at once. */
const noQueue = (maxInFlight: number) =>
  new Admission({ concurrency: maxInFlight, queue: 0, maxWaitMs: 1_000 });

function slowApp(maxInFlight: number) {
  const waiting: (() => void)[] = [];
  const app = new Hono<AppEnv>();
  app.use('/work', shedLoad(noQueue(maxInFlight)));
  app.post('/work', async (c) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return c.json({ done: true }, 201);
  });
  const started = async () => {
    while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  const releaseAll = () => {
    for (const release of waiting.splice(0)) release();
  };
  return { app, started, releaseAll };
}

describe('shedding load in front of a route', () => {
  it('answers 503 OVERLOADED with Retry-After while the limit is in flight, then serves again', async () => {
    const { app, started, releaseAll } = slowApp(1);
    const first = app.request('/work', { method: 'POST' });
    await started();
    const shed = await app.request('/work', { method: 'POST' });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.headers.get('content-type')).toBe('application/problem+json');
    expect(problemSchema.parse(await shed.json())).toMatchObject({
      code: 'OVERLOADED',
      status: 503,
    });
    releaseAll();
    expect((await first).status).toBe(201);
    const again = app.request('/work', { method: 'POST' });
    await started();
    releaseAll();
    expect((await again).status).toBe(201);
  });

  it('counts a failed call as finished', async () => {
    const app = new Hono<AppEnv>();
    app.use('/work', shedLoad(noQueue(1)));
    app.post('/work', () => {
      throw new Error('boom');
    });
    app.onError((_error, c) => c.text('failed', 500));
    expect((await app.request('/work', { method: 'POST' })).status).toBe(500);
    expect((await app.request('/work', { method: 'POST' })).status).toBe(500);
  });

  it('teaches a latency-following limit only from calls it served, not from refusals or failures', async () => {
    const observed: ServedCall[] = [];
    const limit = { current: 4, observe: (call: ServedCall) => observed.push(call) };
    const app = new Hono<AppEnv>();
    app.use('/work', shedLoad(new Admission({ concurrency: limit, queue: 0, maxWaitMs: 0 })));
    app.post('/work', (c) =>
      c.req.query('outcome') === 'refused'
        ? c.json({ refused: true }, 409)
        : c.req.query('outcome') === 'failed'
          ? Promise.reject(new Error('boom'))
          : c.json({ done: true }, 201),
    );
    app.onError((_error, c) => c.text('failed', 500));
    expect((await app.request('/work?outcome=refused', { method: 'POST' })).status).toBe(409);
    expect((await app.request('/work?outcome=failed', { method: 'POST' })).status).toBe(500);
    expect(observed).toEqual([]);
    expect((await app.request('/work', { method: 'POST' })).status).toBe(201);
    expect(observed).toHaveLength(1);
  });
});
