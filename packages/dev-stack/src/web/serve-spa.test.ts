import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpaServer, type RunningSpaServer } from './serve-spa';

let dist: string;
let outside: string;
let server: RunningSpaServer;
const runtimeConfig = JSON.stringify({ authority: 'http://127.0.0.1:1', clientId: 'elevate-web' });

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'elevate-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'not for the browser');
  dist = mkdtempSync(join(tmpdir(), 'elevate-spa-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Elevate</title>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log("elevate");'.repeat(50));
  writeFileSync(join(dist, 'assets', 'index-abc.js.map'), '{"version":3}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  server = await startSpaServer({
    host: '127.0.0.1',
    port: 0,
    distDir: dist,
    runtimeConfig,
    apiUrl: 'http://127.0.0.1:2',
    idpOrigins: ['http://127.0.0.1:3'],
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('the SPA server (the production build, served like CloudFront)', () => {
  it('sends CloudFront’s security headers on every response, with the CSP naming API and IdP', async () => {
    for (const path of ['/', '/assets/index-abc.js', '/config.json', '/requests/42']) {
      const response = await get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self' http://127.0.0.1:2 http://127.0.0.1:3");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=63072000/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('marks hashed assets immutable for a year and never caches config.json', async () => {
    const asset = await get('/assets/index-abc.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const config = await get('/config.json');
    expect(config.headers.get('cache-control')).toBe('no-cache');
    expect(await config.text()).toBe(runtimeConfig);
    expect((await get('/')).headers.get('cache-control')).toBeNull();
  });

  it('answers client-side routes and missing files with index.html and 200, as the distribution does', async () => {
    for (const path of ['/requests/42', '/reviews?tab=pending', '/no/such/file.png']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Elevate</title>');
    }
  });

  it('serves no source map and nothing outside the build folder', async () => {
    expect(await (await get('/assets/index-abc.js.map')).text()).not.toContain('version');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt'])
      expect(await (await get(path)).text()).not.toContain('not for the browser');
  });

  it('compresses text with gzip when asked, like CloudFront', async () => {
    const response = await fetch(`${server.url}/assets/index-abc.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself; the body is the file.
    expect(await response.text()).toContain('console.log("elevate")');
    const raw = await get('/favicon.svg');
    expect(raw.headers.get('content-encoding')).toBeNull();
  });

  it('refuses writes', async () => {
    const response = await fetch(`${server.url}/`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});
