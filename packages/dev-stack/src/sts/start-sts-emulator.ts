import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StsPrincipal } from '../config/dev-config';
import { createEmulatorState } from './emulator-state';
import {
  handleConsoleRequest,
  handleFederationRequest,
  type HttpReply,
} from './federation/handle-federation-request';
import { handleStsRequest } from './handle-sts-request';
import { buildRoleCatalog, type StsConfig } from './role-catalog';
import type { WireRequest } from './sigv4/sigv4';

/** STS's request size limit is far above anything AssumeRole needs; this only stops runaway bodies. */
const MAX_BODY_BYTES = 256 * 1024;

export interface StsEmulatorOptions {
  host: string;
  /** First region listens here, the next on basePort + 1, ...; 0 gives every listener a random port. */
  basePort: number;
  /** In failover order; the first also serves /federation and /console. */
  regions: string[];
  principals: StsPrincipal[];
  targetRoles: StsConfig['targetRoles'];
  clock?: () => Date;
  /** One line per call; never carries keys, secrets, tokens or sign-in URLs. */
  log?: (line: string) => void;
}

export interface StsEmulator {
  /** Region → `http://host:port` of that region's STS listener. */
  endpoints: Record<string, string>;
  federationEndpoint: string;
  consoleUrl: string;
  close(): Promise<void>;
  /** Closes one region's listener, as a regional outage would. */
  stopRegion(region: string): Promise<void>;
  /** Makes a region answer RegionDisabledException (STS not activated there), or lifts that. */
  setRegionDisabled(region: string, disabled: boolean): void;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  now: Date,
): void {
  // The Date header lets SDKs correct their clock against ours, as they do against AWS.
  res.writeHead(status, {
    ...headers,
    date: now.toUTCString(),
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

/** Starts one STS listener per region, all sharing one state, plus the federation endpoint and console page. */
export async function startStsEmulator(options: StsEmulatorOptions): Promise<StsEmulator> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const state = createEmulatorState();
  const catalog = buildRoleCatalog(options.targetRoles);
  const [firstRegion] = options.regions;
  if (firstRegion === undefined) throw new Error('startStsEmulator needs at least one region');
  const servers = new Map<string, Server>();
  const endpoints: Record<string, string> = {};
  const links = { consoleUrl: '' };

  function reply(res: ServerResponse, result: HttpReply, now: Date): void {
    log(result.logLine);
    send(res, result.status, result.headers, result.body, now);
  }

  async function handle(region: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const now = clock();
    const request: WireRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      rawHeaders: req.rawHeaders,
      body,
    };
    const path = pathOf(request.url);
    if (region === firstRegion && path === '/federation') {
      reply(
        res,
        handleFederationRequest(request, { now, state, consoleUrl: links.consoleUrl }),
        now,
      );
    } else if (region === firstRegion && path === '/console') {
      reply(res, handleConsoleRequest(request, { now, state }), now);
    } else if (path === '/' && (request.method === 'POST' || request.method === 'GET')) {
      const result = handleStsRequest(request, {
        region,
        now,
        principals: options.principals,
        catalog,
        state,
      });
      log(result.logLine);
      send(
        res,
        result.status,
        { 'content-type': 'text/xml', 'x-amzn-requestid': result.requestId },
        result.body,
        now,
      );
    } else {
      send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found\n', now);
    }
  }

  try {
    for (const [index, region] of options.regions.entries()) {
      const server = createServer((req, res) => {
        handle(region, req, res).catch((error: unknown) => {
          const tooLarge = error instanceof BodyTooLarge;
          log(
            `sts region=${region} outcome=${tooLarge ? 'refused code=RequestTooLarge' : 'error code=InternalFailure'}`,
          );
          if (!res.headersSent)
            send(
              res,
              tooLarge ? 413 : 500,
              { 'content-type': 'text/plain; charset=utf-8' },
              tooLarge ? 'Request too large\n' : 'Internal error\n',
              clock(),
            );
        });
      });
      servers.set(region, server);
      const port = await listen(
        server,
        options.host,
        options.basePort === 0 ? 0 : options.basePort + index,
      );
      endpoints[region] = `http://${options.host}:${port}`;
    }
  } catch (error) {
    await Promise.all([...servers.values()].map(closeServer));
    throw error;
  }
  const base = endpoints[firstRegion] ?? '';
  links.consoleUrl = `${base}/console`;

  return {
    endpoints,
    federationEndpoint: `${base}/federation`,
    consoleUrl: links.consoleUrl,
    close: async () => {
      await Promise.all([...servers.values()].map(closeServer));
    },
    stopRegion: async (region: string) => {
      const server = servers.get(region);
      if (!server) throw new Error(`No STS listener for region ${region}`);
      await closeServer(server);
    },
    setRegionDisabled: (region: string, disabled: boolean) => {
      if (disabled) state.disabledRegions.add(region);
      else state.disabledRegions.delete(region);
    },
  };
}
