import { describe, expect, it } from 'vitest';
import { startServer } from './start-server';
import { SPA_ORIGIN, testApp } from './testing/api-world';

describe('startServer', () => {
  it('serves the app over HTTP on loopback, CORS included', async () => {
    const server = await startServer(testApp().app, { host: '127.0.0.1', port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/health`, { headers: { origin: SPA_ORIGIN } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    } finally {
      await server.close();
    }
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
