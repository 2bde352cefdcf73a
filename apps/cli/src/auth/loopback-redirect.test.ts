import { describe, expect, it } from 'vitest';
import { parseRedirectUri, startLoopbackRedirect } from './loopback-redirect';

describe('loopback redirect (RFC 8252)', () => {
  it('listens on 127.0.0.1 on a port the OS picks, ignores other paths and hands over the callback', async () => {
    const loopback = await startLoopbackRedirect(5_000);
    expect(loopback.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const origin = new URL(loopback.redirectUri).origin;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    const page = await fetch(`${loopback.redirectUri}?code=c-1&state=s-1`);
    expect(await page.text()).toContain('Signed in');
    const url = await loopback.callback;
    expect(url.href).toBe(`${loopback.redirectUri}?code=c-1&state=s-1`);
  });

  it('uses a registered URI exactly where the IdP wants one (Cognito)', () => {
    expect(parseRedirectUri('http://localhost:8400/callback')).toEqual({
      host: 'localhost',
      port: 8400,
      path: '/callback',
    });
    for (const bad of [
      'https://localhost:8400/cb',
      'http://example.com:8400/cb',
      'http://127.0.0.1/cb',
    ]) {
      expect(() => parseRedirectUri(bad)).toThrow(/loopback|127\.0\.0\.1/);
    }
  });

  it('reports a sign-in error page and still resolves, so the CLI can say why', async () => {
    const loopback = await startLoopbackRedirect(5_000);
    const page = await fetch(`${loopback.redirectUri}?error=access_denied`);
    expect(await page.text()).toContain('did not finish');
    expect((await loopback.callback).searchParams.get('error')).toBe('access_denied');
  });
});
