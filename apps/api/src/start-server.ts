import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app on Node. Rejects with a message naming the port when it is taken. */
export function startServer(
  app: Hono<AppEnv>,
  options: { host: string; port: number },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info) => {
        resolve({
          url: `http://${options.host}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Keep-alive connections would hold close() open; requests in flight still finish.
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} on ${options.host} is in use. Free it or set ELEVATE_API_PORT to another port.`,
            )
          : error,
      );
    });
  });
}
