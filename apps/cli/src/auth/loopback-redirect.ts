import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback` by default — RFC 8252 §7.3: loopback IP, port chosen by the OS. */
  redirectUri: string;
  /** Resolves with the full callback URL the browser was sent to (code, state or error). */
  callback: Promise<URL>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font:16px system-ui,sans-serif;margin:48px"><h1>${title}</h1><p>${text}</p></body></html>`;

const LOOPBACK_BINDS: Record<string, string[]> = {
  '127.0.0.1': ['127.0.0.1'],
  '[::1]': ['::1'],
  // A browser may resolve localhost to either address.
  localhost: ['127.0.0.1', '::1'],
};

/** Where to listen: loopback only, from a registered URI when the IdP needs an exact one (Cognito). */
export function parseRedirectUri(uri: string | undefined): {
  host: string;
  port: number;
  path: string;
} {
  if (uri === undefined) return { host: '127.0.0.1', port: 0, path: '/callback' };
  const url = new URL(uri);
  if (url.protocol !== 'http:' || LOOPBACK_BINDS[url.hostname] === undefined || url.port === '') {
    throw new Error('the redirect URI must be http://127.0.0.1, [::1] or localhost with a port');
  }
  return { host: url.hostname, port: Number(url.port), path: url.pathname };
}

function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Listens on loopback (never all interfaces) for the one redirect of a sign-in, then stops
 * listening. Requests for other paths get 404, so a stray browser tab cannot end the wait.
 */
export async function startLoopbackRedirect(
  timeoutMs: number,
  registered?: string,
): Promise<LoopbackRedirect> {
  const { host, port: wanted, path } = parseRedirectUri(registered);
  let settle: { resolve: (url: URL) => void; reject: (error: Error) => void } | undefined;
  const callback = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let redirectUri = '';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Relative to the redirect URI, port included: the token request must repeat it exactly.
    const url = new URL(req.url ?? '/', redirectUri);
    if (url.pathname !== path) {
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
    settle?.resolve(url);
  };
  const [first, ...others] = LOOPBACK_BINDS[host] ?? [];
  const servers = [createServer(handle)];
  const port = await listen(servers[0] as Server, wanted, first ?? '127.0.0.1');
  for (const address of others) {
    const extra = createServer(handle);
    // Best effort: a host without IPv6 still has the first address.
    if (
      await listen(extra, port, address).then(
        () => true,
        () => false,
      )
    )
      servers.push(extra);
  }
  redirectUri = `http://${host}:${port}${path}`;
  const timer = setTimeout(
    () => settle?.reject(new Error('Nobody finished signing in within 5 minutes.')),
    timeoutMs,
  );
  const close = () => {
    clearTimeout(timer);
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
  };
  return {
    redirectUri,
    callback: callback.finally(close),
    close,
  };
}
