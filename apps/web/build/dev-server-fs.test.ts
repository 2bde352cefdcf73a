// @vitest-environment node
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(webRoot, '../..');
// A folder of its own under .data/, shaped like the dev IdP's key store, so the test never
// touches a developer's real keys.
const probeDir = join(repoRoot, '.data', `vite-fs-probe-${process.pid}`);
const secretFile = join(probeDir, 'idp', 'signing-key.json');
const allowedFile = join(webRoot, 'index.html');

let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  mkdirSync(join(probeDir, 'idp'), { recursive: true });
  writeFileSync(secretFile, '{"kty":"test-only"}');
  server = await createServer({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    logLevel: 'silent',
    // Port 0: any free port, never a developer's or another checkout's.
    server: { port: 0, strictPort: false, warmup: { clientFiles: [] }, watch: null, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(probeDir, { recursive: true, force: true });
});

describe('the dev server', () => {
  it('refuses files under .data/ at /@fs/ (the dev IdP keeps its private keys there)', async () => {
    const response = await fetch(`${origin}/@fs${secretFile}`);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('test-only');
  });

  it('refuses .data/ when asked through a relative path from the root too', async () => {
    const response = await fetch(
      `${origin}/../../.data/vite-fs-probe-${process.pid}/idp/signing-key.json`,
    );
    expect(await response.text()).not.toContain('test-only');
  });

  it('still serves files of the workspace outside .data/ (the deny list is not a blanket refusal)', async () => {
    const response = await fetch(`${origin}/@fs${allowedFile}`);
    expect(response.status).toBe(200);
  });
});
