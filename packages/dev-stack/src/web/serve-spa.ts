// The SPA's production build served the way CloudFront serves it (infra's web stack): the same
// security headers on every response, immutable content-hashed assets, config.json never cached,
// unknown paths answered with index.html (the SPA's routes), gzip for text. The e2e journeys and
// `pnpm bench:web` run against this, so they test what users download, not vite's dev server.
import {
  contentSecurityPolicy,
  HASHED_ASSET_CACHE_CONTROL,
  HASHED_ASSET_DIR,
  RUNTIME_CONFIG_FILE,
  spaSecurityHeaders,
} from '@elevate/contracts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SpaServerOptions {
  host: string;
  /** 0 for any free port. */
  port: number;
  /** A `vite build` output folder. */
  distDir: string;
  /** The body of `/config.json`, as CDK writes it in AWS. */
  runtimeConfig: string;
  apiUrl: string;
  idpOrigins: readonly string[];
}

export interface RunningSpaServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What CloudFront compresses (text); fonts and images are already compressed. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.txt']);

/** Source maps stay out of the site (infra never uploads them), so they are not served here either. */
const NEVER_SERVED = /\.map$/u;

interface Served {
  status: number;
  /** The file served, for the cache; undefined for config.json. */
  file: string | undefined;
  body: Buffer;
  type: string;
  cacheControl: string | undefined;
}

function fileUnder(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = normalize(join(distDir, decoded));
  // `..` and encoded separators must not leave the build folder.
  if (file !== distDir && !file.startsWith(distDir + sep)) return undefined;
  if (NEVER_SERVED.test(file)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function resolveRequest(options: SpaServerOptions, distDir: string, urlPath: string): Served {
  if (urlPath === `/${RUNTIME_CONFIG_FILE}`)
    return {
      status: 200,
      file: undefined,
      body: Buffer.from(options.runtimeConfig),
      type: CONTENT_TYPES['.json'] ?? 'application/json',
      // CDK uploads it with no-cache and its behaviour caches nothing: a deploy applies at once.
      cacheControl: 'no-cache',
    };
  const file = fileUnder(distDir, urlPath === '/' ? '/index.html' : urlPath);
  if (file !== undefined)
    return {
      status: 200,
      file,
      body: readFileSync(file),
      type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      cacheControl: urlPath.startsWith(`/${HASHED_ASSET_DIR}/`)
        ? HASHED_ASSET_CACHE_CONTROL
        : undefined,
    };
  // S3 answers 403/404 for a missing key; the distribution turns both into index.html with 200.
  return {
    status: 200,
    file: join(distDir, 'index.html'),
    body: readFileSync(join(distDir, 'index.html')),
    type: CONTENT_TYPES['.html'] ?? 'text/html',
    cacheControl: undefined,
  };
}

/** Starts the server; resolves once it listens. */
export async function startSpaServer(options: SpaServerOptions): Promise<RunningSpaServer> {
  const distDir = normalize(options.distDir);
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`No SPA build in ${distDir} (run vite build first).`);
  const headers = spaSecurityHeaders(
    contentSecurityPolicy({
      apiUrl: options.apiUrl,
      idpOrigins: options.idpOrigins,
      // Plain HTTP on a loopback address: upgrading requests to https would break every call.
      upgradeInsecureRequests: false,
    }),
  );
  // A build never changes under the server: compress each file once, not on every request.
  const gzipCache = new Map<string, Buffer>();
  const gzipped = (served: Served): Buffer => {
    if (served.file === undefined) return gzipSync(served.body);
    const cached = gzipCache.get(served.file) ?? gzipSync(served.body);
    gzipCache.set(served.file, cached);
    return cached;
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://spa.invalid').pathname;
    const served = resolveRequest(options, distDir, urlPath);
    const gzip =
      COMPRESSIBLE.has(extname(urlPath === '/' ? '/index.html' : urlPath) || '.html') &&
      /\bgzip\b/u.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipped(served) : served.body;
    res.writeHead(served.status, {
      ...headers,
      'content-type': served.type,
      'content-length': body.length,
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(served.cacheControl === undefined ? {} : { 'cache-control': served.cacheControl }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
