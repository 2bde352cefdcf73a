import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { countOutcomes } from './metrics-middleware';
import type { MetricName, OperationalMetrics } from './operational-metrics';

function recorder() {
  const counted: string[] = [];
  const metrics: OperationalMetrics = {
    count: (name: MetricName, dimension) =>
      counted.push(dimension === undefined ? name : `${name} ${dimension.name}=${dimension.value}`),
    flush: () => undefined,
  };
  return { metrics, counted };
}

function appWith(metrics: OperationalMetrics) {
  const app = new Hono<AppEnv>();
  app.use(countOutcomes(metrics));
  app.post('/requests', (c) =>
    c.json({ id: 'r1', breakGlass: c.req.header('x-break-glass') === '1' }, 201),
  );
  app.post('/requests/:id/approve', (c) => c.json({ id: 'r1' }));
  app.post('/requests/:id/reject', (c) => {
    c.set('errorCode', 'NOT_A_REVIEWER');
    return c.json({ code: 'NOT_A_REVIEWER' }, 403);
  });
  app.post('/requests/:id/sessions', (c) =>
    c.json({ kind: 'cli', credentials: { secretAccessKey: 'test-secret' } }, 201),
  );
  return app;
}

describe('countOutcomes', () => {
  it('counts requests created, break-glass ones, decisions, sessions by kind and refusals by code', async () => {
    const { metrics, counted } = recorder();
    const app = appWith(metrics);
    await app.request('/requests', { method: 'POST' });
    await app.request('/requests', { method: 'POST', headers: { 'x-break-glass': '1' } });
    await app.request('/requests/r1/approve', { method: 'POST' });
    await app.request('/requests/r1/reject', { method: 'POST' });
    await app.request('/requests/r1/sessions', { method: 'POST' });
    expect(counted).toEqual([
      'RequestsCreated',
      'RequestsCreated',
      'BreakGlassRequests',
      'Decisions decision=approve',
      'Refusals code=NOT_A_REVIEWER',
      'SessionsIssued kind=cli',
    ]);
  });

  it('counts no refusal for a caller who hung up before the answer', async () => {
    const { metrics, counted } = recorder();
    const app = new Hono<AppEnv>();
    app.use(countOutcomes(metrics));
    app.get('/gone', (c) => {
      c.set('errorCode', 'STORE_UNAVAILABLE');
      c.set('callerGone', true);
      return c.json({ code: 'STORE_UNAVAILABLE' }, 503);
    });
    app.get('/failed', (c) => {
      c.set('errorCode', 'STORE_UNAVAILABLE');
      return c.json({ code: 'STORE_UNAVAILABLE' }, 503);
    });
    await app.request('/gone');
    await app.request('/failed');
    expect(counted).toEqual(['Refusals code=STORE_UNAVAILABLE']);
  });

  it('leaves the answer intact for the caller (the body is read from a clone)', async () => {
    const { metrics } = recorder();
    const response = await appWith(metrics).request('/requests/r1/sessions', { method: 'POST' });
    expect(await response.json()).toMatchObject({ kind: 'cli' });
  });
});
