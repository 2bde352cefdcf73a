import { expect, test, type APIResponse } from '@playwright/test';
import { stack } from './support/stack';

// The journeys run against the SPA's production build as the stack serves it; these are the headers
// CloudFront's response headers policies send in AWS (infra/src/stacks/web-stack.ts, pinned by
// web-stack.test.ts), so the pages the journeys test are the pages users get. The one difference is
// the transport's: no `upgrade-insecure-requests` on a plain-HTTP loopback address.

const SECURITY_HEADERS = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "manifest-src 'self'",
    `connect-src 'self' ${stack.apiUrl} ${stack.idpUrl}`,
    `frame-src ${stack.idpUrl}`,
    `form-action 'self' ${stack.idpUrl}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; '),
};

function expectSecurityHeaders(response: APIResponse, what: string): void {
  expect(response.status(), what).toBe(200);
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(headers[name], `${name} on ${what}`).toBe(value);
}

test('the production build is served with CloudFront’s headers, caching and SPA fallback', async ({
  request,
}) => {
  const get = (path: string) =>
    request.get(`${stack.webUrl}${path}`, { headers: { 'accept-encoding': 'gzip' } });

  // index.html: revalidated on every visit, compressed.
  const index = await get('/');
  expectSecurityHeaders(index, '/');
  expect(index.headers()['cache-control']).toBeUndefined();
  expect(index.headers()['content-encoding']).toBe('gzip');
  const html = await index.text();

  // A route of the SPA answers with the same index.html, as the distribution's 403/404 rule does.
  const route = await get('/requests/does-not-matter?decide=1');
  expectSecurityHeaders(route, 'a client-side route');
  expect(await route.text()).toBe(html);

  // The content-hashed entry script: immutable for a year, the same security headers.
  const entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(entry, 'the entry script in index.html').toBeDefined();
  const script = await get(entry ?? '');
  expectSecurityHeaders(script, entry ?? 'the entry script');
  expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers()['content-type']).toBe('text/javascript; charset=utf-8');

  // The runtime settings: never cached, so a deploy applies at once.
  const config = await get('/config.json');
  expectSecurityHeaders(config, '/config.json');
  expect(config.headers()['cache-control']).toBe('no-cache');
  expect(((await config.json()) as { apiUrl?: string }).apiUrl).toBe(stack.apiUrl);

  // Source maps stay off the site: the SPA fallback answers, not the map.
  const map = await get(`${entry ?? ''}.map`);
  expect(await map.text()).toBe(html);
});
