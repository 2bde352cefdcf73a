import type { Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { PROBLEM_CONTENT_TYPE } from '@elevate/contracts';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { Admission } from './http/admission';
import type { AdmissionLimits } from './http/admission';
import { withCallerGone } from './http/caller-gone';
import { overloadGuard } from './http/overload-guard';
import { problemType } from './http/problem-catalog';

/** What the server serves: an app's `fetch` (the API's, or the local stack's beside it). */
export type ServedApp = Pick<Hono<AppEnv>, 'fetch'>;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  host: string;
  port: number;
  /** What the process works on and lets wait before shedding with 503 (admission.ts). */
  admission?: AdmissionLimits;
  /** Told of each call shed before the app saw it (it gets no request log line of its own). */
  onShed?: () => void;
}

/** Serves the app on Node. Rejects with a message naming the port when it is taken. */
export function startServer(app: ServedApp, options: ServerOptions): Promise<RunningServer> {
  const fetch = overloadGuard(
    app.fetch,
    options.admission === undefined ? undefined : new Admission(options.admission),
    options.onShed,
  );
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        // A 413 leaves the rest of the body unread: close the connection after answering rather
        // than keep it alive and reset it under the client's next request.
        fetch: async (request, env) => {
          // HTTP/1.1 only (node:http), so the bindings are node:http's.
          const response = await fetch(request, withCallerGone(env as HttpBindings) as never);
          if (response.status === 413) response.headers.set('connection', 'close');
          return response;
        },
        hostname: options.host,
        port: options.port,
      },
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
    // What Node refuses before the app sees it (oversized headers, malformed requests) is answered
    // as problem+json too, then the connection is closed.
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      socket.end(rawProblem(tooLarge ? 431 : 400, tooLarge));
    });
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

/** A whole HTTP/1.1 response written straight to a socket Node's parser gave up on. */
function rawProblem(status: 400 | 431, headersTooLarge: boolean): string {
  const code = headersTooLarge ? 'HEADERS_TOO_LARGE' : 'MALFORMED_REQUEST';
  const body = JSON.stringify({
    type: problemType(code),
    title: headersTooLarge ? 'Request headers too large' : 'Malformed request',
    status,
    code,
    detail: headersTooLarge
      ? 'The request headers are larger than this server accepts (16 KiB in all).'
      : 'The request is not valid HTTP.',
  });
  const reason = headersTooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  return [
    `HTTP/1.1 ${status} ${reason}`,
    `content-type: ${PROBLEM_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    'connection: close',
    '',
    body,
  ].join('\r\n');
}
