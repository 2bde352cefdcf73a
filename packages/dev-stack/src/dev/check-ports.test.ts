import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPortsFree } from './check-ports';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function occupy(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('checkPortsFree', () => {
  it('names the busy port, its service and the variable that moves it', async () => {
    const port = await occupy();
    await expect(
      checkPortsFree('127.0.0.1', [{ name: 'api', port, env: 'ELEVATE_API_PORT' }]),
    ).rejects.toThrow(
      `127.0.0.1:${port} (api) is in use — stop what holds it, or set ELEVATE_API_PORT=<another port>`,
    );
  });

  it('passes when every port is free', async () => {
    const port = await occupy();
    await new Promise((r) => servers.pop()?.close(r));
    await expect(
      checkPortsFree('127.0.0.1', [{ name: 'api', port, env: 'X' }]),
    ).resolves.toBeUndefined();
  });
});
