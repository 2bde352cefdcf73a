import { request as httpRequest } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { currentCallBudget } from '@elevate/adapters';
import type { AppEnv } from './app-env';
import { callBudget } from './middleware/call-budget';
import { startServer } from './start-server';
import { InMemoryAccessRequestRepository } from '@elevate/testing';
import { authHeaders, SPA_ORIGIN, testApp } from './testing/api-world';

describe('startServer', () => {
  it('serves the app over HTTP on loopback, CORS included', async () => {
    const server = await startServer(testApp().app, { host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/health`, { headers: { origin: SPA_ORIGIN } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
      expect(response.headers.get('vary')).toBe('Origin');
      expect(response.headers.get('x-correlation-id')).not.toBeNull();
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
  });

  it("ends a call's outbound budget when its caller closes the connection", async () => {
    let reached: () => void = () => undefined;
    const inRoute = new Promise<void>((resolve) => (reached = resolve));
    let budgetEnded: Promise<string> = Promise.resolve('no budget');
    const app = new Hono<AppEnv>().use(callBudget(60_000)).get('/hold', async (c) => {
      const budget = currentCallBudget();
      budgetEnded = new Promise((resolve) =>
        budget?.addEventListener('abort', () => resolve('aborted'), { once: true }),
      );
      reached();
      await budgetEnded;
      return c.body(null, 204);
    });
    const server = await startServer(app, { host: '127.0.0.1', port: 0 });
    try {
      const call = httpRequest(`${server.url}/hold`);
      call.on('error', () => undefined);
      call.end();
      await inRoute;
      call.destroy();
      expect(await budgetEnded).toBe('aborted');
    } finally {
      await server.close();
    }
  });

  /**
   * Serves a world whose store answers only when the call's budget ends, with `failure` (the SDK's
   * handler answers an aborted call so), and hangs up on `GET /requests/mine` once it is in the store.
   */
  async function hangUpInStore(failure: () => Error) {
    let reached: () => void = () => undefined;
    const inStore = new Promise<void>((resolve) => (reached = resolve));
    const repository = new Proxy(new InMemoryAccessRequestRepository(), {
      get: () => () =>
        new Promise((_resolve, reject) => {
          currentCallBudget()?.addEventListener('abort', () => reject(failure()), { once: true });
          reached();
        }),
    });
    const world = testApp({ repository });
    const server = await startServer(world.app, { host: '127.0.0.1', port: 0 });
    try {
      const call = httpRequest(`${server.url}/requests/mine`, { headers: authHeaders() });
      call.on('error', () => undefined);
      call.end();
      await inStore;
      call.destroy();
      await vi.waitFor(() => expect(world.logs().map((line) => line['msg'])).toContain('request'));
      return world.logs();
    } finally {
      await server.close();
    }
  }

  it('logs a call cut short by its caller hanging up as that, not as a failing store', async () => {
    const lines = await hangUpInStore(() =>
      Object.assign(new Error('Request aborted'), { name: 'AbortError' }),
    );
    expect(lines.filter((line) => line['level'] === 'error')).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'caller went away before the answer' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', status: 503, callerGone: true, level: 'info' }),
    );
  });

  it('still logs a bug as an error when its caller has hung up too', async () => {
    const lines = await hangUpInStore(() => new TypeError('a bug, not the store'));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'request failed', code: 'INTERNAL' }),
    );
  });

  it('names the port and the variable to change when the port is taken', async () => {
    const first = await startServer(testApp().app, { host: '127.0.0.1', port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startServer(testApp().app, { host: '127.0.0.1', port })).rejects.toThrow(
        new RegExp(`Port ${port} .*ELEVATE_API_PORT`),
      );
    } finally {
      await first.close();
    }
  });
});
