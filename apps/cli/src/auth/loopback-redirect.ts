import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback` — RFC 8252 §7.3: loopback IP literal, port chosen by the OS. */
  redirectUri: string;
  /** Resolves with the full callback URL the browser was sent to (code, state or error). */
  callback: Promise<URL>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font:16px system-ui,sans-serif;margin:48px"><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * Listens on 127.0.0.1 (never all interfaces) for the one redirect of a sign-in, then stops
 * listening. Requests for other paths get 404, so a stray browser tab cannot end the wait.
 */
export async function startLoopbackRedirect(timeoutMs: number): Promise<LoopbackRedirect> {
  let settle: { resolve: (url: URL) => void; reject: (error: Error) => void } | undefined;
  const callback = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const failed = url.searchParams.has('error');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(
        failed
          ? PAGE('Sign-in did not finish', 'Go back to the terminal to see why.')
          : PAGE('Signed in', 'You can close this tab and go back to the terminal.'),
      );
    settle?.resolve(new URL(`http://127.0.0.1${req.url ?? '/'}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const timer = setTimeout(
    () => settle?.reject(new Error('Nobody finished signing in within 5 minutes.')),
    timeoutMs,
  );
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  };
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    callback: callback.finally(close),
    close,
  };
}
