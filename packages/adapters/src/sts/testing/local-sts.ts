// Test support: the dev stack's STS emulator with the dev config's principals and target roles,
// and stand-ins for a broken region (a listener that never answers, one that answers an error).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
// dev-stack exposes no package entry yet; its sources are imported directly, as a dev dependency.
import { loadDevConfig } from '../../../../dev-stack/src/config/dev-config';
import { startStsEmulator, type StsEmulator } from '../../../../dev-stack/src/sts/index';

const DEV_CONFIG = fileURLToPath(new URL('../../../../../config/dev-stack.yaml', import.meta.url));

export const devSts = () => loadDevConfig(DEV_CONFIG).sts;

export const principalKeys = (name: string) => {
  const principal = devSts().principals.find((p) => p.name === name);
  if (!principal) throw new Error(`no principal ${name} in the dev config`);
  return { accessKeyId: principal.accessKeyId, secretAccessKey: principal.secretAccessKey };
};

export const startLocalSts = async (log?: (line: string) => void): Promise<StsEmulator> => {
  const sts = devSts();
  return startStsEmulator({
    host: '127.0.0.1',
    basePort: 0,
    regions: sts.regions,
    principals: sts.principals,
    targetRoles: sts.targetRoles,
    ...(log === undefined ? {} : { log }),
  });
};

export interface FakeEndpoint {
  readonly url: string;
  /** Requests received so far. */
  readonly hits: () => number;
  close(): Promise<void>;
}

const startFake = async (handler: Parameters<typeof createServer>[1]): Promise<FakeEndpoint> => {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Accepts connections and reads requests, but never answers: a hung region. */
export const startSilentEndpoint = (): Promise<FakeEndpoint> => startFake(() => undefined);

/** Answers every call with an STS Query API error. */
export const startErrorEndpoint = (status: number, code: string): Promise<FakeEndpoint> =>
  startFake((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${code}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`;
      res.writeHead(status, {
        'content-type': 'text/xml',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
