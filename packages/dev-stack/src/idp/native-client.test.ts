import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../config/dev-config';
import { CookieJar, follow, parseSignInPage, pkcePair, send } from './oidc-test-client';
import { startDevIdp, type DevIdp } from './start-dev-idp';

const CLI = 'test-cli';
const API_AUDIENCE = 'urn:test:api';
const ann: Persona = {
  sub: 'sub-ann',
  email: 'ann@example.test',
  name: 'Ann Asker',
  role: 'requester',
  groups: ['engineers'],
};

let dataDir: string;
let idp: DevIdp;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'elevate-idp-native-'));
  idp = await startDevIdp({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    personas: [ann],
    client: {
      clientId: 'test-spa',
      redirectUris: ['http://127.0.0.1:5173/auth/callback'],
      postLogoutRedirectUris: [],
    },
    nativeClient: { clientId: CLI },
    apiAudience: API_AUDIENCE,
    groupsClaim: 'groups',
  });
});

afterAll(async () => {
  await idp.close();
  await rm(dataDir, { recursive: true, force: true });
});

const form = (body: Record<string, string>) =>
  fetch(new URL(body.grant_type ? '/token' : '/device/auth', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLI, ...body }),
  });

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('the dev IdP’s native client for the CLI', () => {
  it('advertises the device grant', async () => {
    const discovery = (await (
      await fetch(new URL('/.well-known/openid-configuration', idp.issuer))
    ).json()) as Record<string, unknown>;
    expect(discovery.device_authorization_endpoint).toBe(`${idp.issuer}/device/auth`);
  });

  it('accepts a loopback redirect on any port (RFC 8252) and issues API tokens with a refresh token', async () => {
    const jar = new CookieJar();
    const { verifier, challenge } = pkcePair();
    const redirectUri = 'http://127.0.0.1:54321/callback';
    const url = new URL('/auth', idp.issuer);
    for (const [k, v] of Object.entries({
      client_id: CLI,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email groups offline_access',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 's',
    }))
      url.searchParams.set(k, v);
    const page = await follow(jar, idp.issuer, await send(jar, url.href));
    const { loginAction } = parseSignInPage(await page.text());
    const back = await follow(
      jar,
      idp.issuer,
      await send(jar, new URL(loginAction, idp.issuer).href, { form: { sub: ann.sub } }),
    );
    const location = new URL(back.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    const tokens = (await (
      await form({
        grant_type: 'authorization_code',
        code: location.searchParams.get('code') ?? '',
        code_verifier: verifier,
        redirect_uri: redirectUri,
      })
    ).json()) as { access_token: string; id_token: string; refresh_token?: string };
    expect(decodeJwt(tokens.access_token)).toMatchObject({ aud: API_AUDIENCE, client_id: CLI });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ aud: CLI, email: ann.email });
    expect(tokens.refresh_token).toBeDefined();
  });

  it('refuses a redirect that is not loopback', async () => {
    const url = new URL('/auth', idp.issuer);
    url.searchParams.set('client_id', CLI);
    url.searchParams.set('redirect_uri', 'http://evil.example:54321/callback');
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', 'openid');
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });

  it('signs a terminal in with the device grant once the person confirms the code', async () => {
    const device = (await (
      await form({ scope: 'openid profile email groups offline_access' })
    ).json()) as { device_code: string; user_code: string; verification_uri: string };
    expect(device.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    const pending = await form({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: device.device_code,
    });
    expect(((await pending.json()) as { error: string }).error).toBe('authorization_pending');

    const jar = new CookieJar();
    const input = await (await send(jar, device.verification_uri)).text();
    expect(input).toContain('Sign in a terminal');
    let page = await follow(
      jar,
      idp.issuer,
      await send(jar, device.verification_uri, {
        form: { xsrf: hidden(input, 'xsrf'), user_code: device.user_code },
      }),
    );
    const confirm = await page.text();
    expect(confirm).toContain(device.user_code);
    page = await follow(
      jar,
      idp.issuer,
      await send(jar, device.verification_uri, {
        form: {
          xsrf: hidden(confirm, 'xsrf'),
          user_code: hidden(confirm, 'user_code'),
          confirm: 'yes',
        },
      }),
    );
    const { loginAction } = parseSignInPage(await page.text());
    page = await follow(
      jar,
      idp.issuer,
      await send(jar, new URL(loginAction, idp.issuer).href, { form: { sub: ann.sub } }),
    );
    expect(await page.text()).toContain('Your terminal is signed in');

    const granted = await form({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: device.device_code,
    });
    expect(granted.status).toBe(200);
    const tokens = (await granted.json()) as { access_token: string; id_token: string };
    expect(decodeJwt(tokens.access_token)).toMatchObject({ aud: API_AUDIENCE });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ aud: CLI, sub: ann.sub });
  });
});
