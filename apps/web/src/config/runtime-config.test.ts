import { describe, expect, it, vi } from 'vitest';
import { loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

const valid = {
  authority: 'http://127.0.0.1:9400',
  clientId: 'elevate-web',
  apiUrl: 'http://127.0.0.1:8787',
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('runtime config', () => {
  it('accepts a minimal config and fills in the redirect path, scope and parameters', () => {
    expect(parseRuntimeConfig(valid)).toEqual({
      ok: true,
      config: {
        ...valid,
        redirectPath: '/auth/callback',
        scope: 'openid profile email groups offline_access',
        authorizeParams: {},
        stepUp: { authorizeParams: {} },
      },
    });
  });

  it('keeps the scope, authorize parameters and step-up parameters infra writes', () => {
    const written = {
      ...valid,
      scope: 'openid profile email',
      authorizeParams: { audience: 'https://api.example.com' },
      stepUp: { authorizeParams: { acr_values: 'urn:mfa' } },
    };
    const result = parseRuntimeConfig(written);
    expect(result.ok && result.config).toEqual({ ...written, redirectPath: '/auth/callback' });
  });

  it('refuses an extra parameter that would replace part of the sign-in itself', () => {
    const result = parseRuntimeConfig({ ...valid, authorizeParams: { nonce: 'fixed' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.join('\n')).toMatch(/^authorizeParams\.nonce: .*cannot be overridden/m);
  });

  it('keeps an explicit redirect path', () => {
    const result = parseRuntimeConfig({ ...valid, redirectPath: '/signin/done' });
    expect(result.ok && result.config.redirectPath).toBe('/signin/done');
  });

  it('names every missing or invalid field', () => {
    const result = parseRuntimeConfig({ authority: 'javascript:alert(1)', apiUrl: 'not a url' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(3);
    expect(result.issues.join('\n')).toMatch(/^authority: must be an http\(s\) URL$/m);
    expect(result.issues.join('\n')).toMatch(/^clientId: /m);
    expect(result.issues.join('\n')).toMatch(/^apiUrl: must be an http\(s\) URL$/m);
  });

  it('refuses a redirect path that would leave the site', () => {
    expect(parseRuntimeConfig({ ...valid, redirectPath: '//evil.example/cb' }).ok).toBe(false);
    expect(parseRuntimeConfig({ ...valid, redirectPath: 'https://evil.example/cb' }).ok).toBe(
      false,
    );
  });

  it('loads /config.json without caching', async () => {
    const fetchFn = vi.fn(async () => jsonResponse(valid));
    const result = await loadRuntimeConfig(fetchFn);
    expect(result.ok).toBe(true);
    expect(fetchFn).toHaveBeenCalledWith(
      '/config.json',
      expect.objectContaining({ cache: 'no-store' }),
    );
  });

  it('explains a missing file, a non-JSON file and an unreachable server', async () => {
    expect(
      await loadRuntimeConfig(async () => new Response('nope', { status: 404 })),
    ).toMatchObject({
      ok: false,
      reason: '/config.json answered HTTP 404.',
    });
    expect(
      await loadRuntimeConfig(async () => new Response('<html>', { status: 200 })),
    ).toMatchObject({
      ok: false,
      reason: '/config.json is not JSON.',
    });
    expect(
      await loadRuntimeConfig(async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toMatchObject({ ok: false, reason: '/config.json could not be fetched.' });
  });
});
