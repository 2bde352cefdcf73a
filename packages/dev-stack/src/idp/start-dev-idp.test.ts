import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../config/dev-config';
import { CookieJar, follow, parseSignInPage, pkcePair, send } from './oidc-test-client';
import { startDevIdp, type DevIdp, type DevIdpOptions } from './start-dev-idp';

const SPA = 'http://127.0.0.1:5173';
const REDIRECT_URI = `${SPA}/auth/callback`;
const POST_LOGOUT_URI = `${SPA}/`;
const CLIENT_ID = 'test-spa';
const API_AUDIENCE = 'urn:test:api';

const personas: Persona[] = [
  {
    sub: 'sub-ann',
    email: 'ann@example.test',
    name: 'Ann Asker',
    role: 'requester',
    groups: ['engineers'],
  },
  {
    sub: 'sub-rob',
    email: 'rob@example.test',
    name: 'Rob Reviewer',
    role: 'reviewer',
    groups: ['reviewers', 'engineers'],
  },
  {
    sub: 'sub-eve',
    email: 'eve@example.test',
    name: 'Eve <b>Escaped</b>',
    role: 'checks "escaping" & more',
    groups: [],
  },
];

let dataDir: string;
let idp: DevIdp;
const logLines: string[] = [];

function options(overrides: Partial<DevIdpOptions> = {}): DevIdpOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    personas,
    client: {
      clientId: CLIENT_ID,
      redirectUris: [REDIRECT_URI],
      postLogoutRedirectUris: [POST_LOGOUT_URI],
    },
    apiAudience: API_AUDIENCE,
    groupsClaim: 'groups',
    log: (line) => logLines.push(line),
    ...overrides,
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'elevate-idp-'));
  idp = await startDevIdp(options());
});

afterAll(async () => {
  await idp.close();
  await rm(dataDir, { recursive: true, force: true });
});

function authorizeUrl(params: Record<string, string>): string {
  const url = new URL('/auth', idp.issuer);
  const defaults = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile email groups offline_access',
    state: 'state-1',
    nonce: 'nonce-1',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...params })) url.searchParams.set(k, v);
  return url.href;
}

/** Starts an authorization request and returns the page the browser lands on inside the IdP. */
async function startAuthorization(
  jar: CookieJar,
  params: Record<string, string>,
): Promise<Response> {
  return follow(jar, idp.issuer, await send(jar, authorizeUrl(params)));
}

async function signIn(
  persona: Persona,
  {
    mfa = false,
    jar = new CookieJar(),
    params = {},
  }: { mfa?: boolean; jar?: CookieJar; params?: Record<string, string> } = {},
): Promise<{ code: string; verifier: string; jar: CookieJar }> {
  const { verifier, challenge } = pkcePair();
  const page = await startAuthorization(jar, {
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  });
  expect(page.status).toBe(200);
  const { loginAction } = parseSignInPage(await page.text());
  const form: Record<string, string> = { sub: persona.sub };
  if (mfa) form.mfa = 'yes';
  const back = await follow(
    jar,
    idp.issuer,
    await send(jar, new URL(loginAction, idp.issuer).href, { form }),
  );
  const location = new URL(back.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  expect(location.searchParams.get('state')).toBe('state-1');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location.search}`);
  return { code, verifier, jar };
}

interface TokenResponse {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  token_type: string;
}

async function token(form: Record<string, string>): Promise<Response> {
  return fetch(new URL('/token', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SPA },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...form }),
  });
}

async function exchange(code: string, verifier: string): Promise<TokenResponse> {
  const response = await token({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as TokenResponse;
}

async function verify(jwt: string, audience: string): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(new URL('/jwks', idp.issuer));
  const { payload } = await jwtVerify(jwt, jwks, {
    issuer: idp.issuer,
    audience,
    algorithms: ['RS256', 'ES256'],
  });
  return payload;
}

describe('dev IdP', () => {
  it('publishes discovery for its real port with S256 as the only PKCE method', async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(idp.issuer).not.toBe('http://127.0.0.1:0');
    const response = await fetch(new URL('/.well-known/openid-configuration', idp.issuer), {
      headers: { origin: SPA },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeTruthy();
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile', 'groups']),
    );
    expect(discovery.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('lists every persona on the sign-in page, escaped, each with its own button', async () => {
    const page = await startAuthorization(new CookieJar(), {
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const html = await page.text();
    expect(html).toContain('<title>Elevate dev IdP — sign in</title>');
    expect(parseSignInPage(html).personaSubs).toEqual(personas.map((p) => p.sub));
    expect(html).toContain('Sign in as Ann Asker');
    expect(html).toContain('rob@example.test');
    expect(html).toContain('reviewers');
    expect(html).toContain('Eve &lt;b&gt;Escaped&lt;/b&gt;');
    expect(html).toContain('checks &quot;escaping&quot; &amp; more');
    expect(html).not.toContain('<b>Escaped</b>');
    expect(html).toContain('Signed in with MFA');
  });

  it('signs a persona in with code + PKCE S256: a signed ID token with identity claims and a JWT access token for the API', async () => {
    const rob = personas[1] as Persona;
    const { code, verifier } = await signIn(rob);
    const tokens = await exchange(code, verifier);

    const id = await verify(tokens.id_token, CLIENT_ID);
    expect(id).toMatchObject({
      sub: rob.sub,
      email: rob.email,
      name: rob.name,
      groups: rob.groups,
      amr: ['pwd'],
      nonce: 'nonce-1',
    });
    expect(typeof id.auth_time).toBe('number');

    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
    const access = await verify(tokens.access_token, API_AUDIENCE);
    expect(access.aud).toBe(API_AUDIENCE);
    expect(access.sub).toBe(rob.sub);
    expect(access).toMatchObject({ client_id: CLIENT_ID, email: rob.email, groups: rob.groups });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('puts mfa into amr when the MFA box is ticked', async () => {
    const ann = personas[0] as Persona;
    const { code, verifier } = await signIn(ann, { mfa: true });
    const id = await verify((await exchange(code, verifier)).id_token, CLIENT_ID);
    expect(id.amr).toEqual(['pwd', 'mfa']);
  });

  it.each([
    [
      'plain PKCE',
      { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' },
      /code_challenge_method/,
    ],
    ['no PKCE', {}, /requires PKCE/],
  ])(
    'refuses an authorization request with %s',
    async (_label, params: Record<string, string>, reason: RegExp) => {
      const response = await send(new CookieJar(), authorizeUrl(params));
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toMatch(reason);
      expect(location.searchParams.get('code')).toBeNull();
    },
  );

  it('refuses a code exchange with the wrong verifier', async () => {
    const { code } = await signIn(personas[0] as Persona);
    const response = await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: pkcePair().verifier,
      redirect_uri: REDIRECT_URI,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refreshes tokens for the SPA, keeping the API audience and rotating the refresh token', async () => {
    const { code, verifier } = await signIn(personas[0] as Persona, { mfa: true });
    const first = await exchange(code, verifier);
    const response = await token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token ?? '',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SPA);
    const second = (await response.json()) as TokenResponse;
    expect((await verify(second.access_token, API_AUDIENCE)).sub).toBe('sub-ann');
    expect((await verify(second.id_token, CLIENT_ID)).amr).toEqual(['pwd', 'mfa']);
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(first.refresh_token);
  });

  it('allows CORS on the token endpoint for the SPA origin only', async () => {
    const preflight = (origin: string) =>
      fetch(new URL('/token', idp.issuer), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight(SPA)).headers.get('access-control-allow-origin')).toBe(SPA);
    const evil = await fetch(new URL('/token', idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.test' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: 'x',
      }),
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows the sign-in page again for prompt=login and max_age=0 so the broker can ask for MFA', async () => {
    const ann = personas[0] as Persona;
    const { jar } = await signIn(ann);
    const reauthParams: Record<string, string>[] = [{ prompt: 'login' }, { max_age: '0' }];
    for (const params of reauthParams) {
      const { challenge } = pkcePair();
      const page = await startAuthorization(jar, {
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...params,
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Signed in as <strong>Ann Asker</strong>');
      expect(parseSignInPage(html).personaSubs).toHaveLength(personas.length);
    }
    const stepUp = await signIn(ann, { jar, mfa: true, params: { prompt: 'login' } });
    const id = await verify((await exchange(stepUp.code, stepUp.verifier)).id_token, CLIENT_ID);
    expect(id.amr).toEqual(['pwd', 'mfa']);
  });

  it('switches persona on prompt=login after one self-submitting sign-out step', async () => {
    const { jar } = await signIn(personas[0] as Persona);
    const { verifier, challenge } = pkcePair();
    const page = await startAuthorization(jar, {
      prompt: 'login',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const { loginAction } = parseSignInPage(await page.text());
    const switching = await send(jar, new URL(loginAction, idp.issuer).href, {
      form: { sub: 'sub-rob' },
    });
    const resume = await follow(jar, idp.issuer, switching);
    // oidc-provider ends the old persona's session with an auto-submitted form, as a browser would.
    const html = await resume.text();
    const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1] ?? '';
    const inputs = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    const back = await follow(jar, idp.issuer, await send(jar, action, { form: inputs }));
    const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const id = await verify((await exchange(code, verifier)).id_token, CLIENT_ID);
    expect(id.sub).toBe('sub-rob');
  });

  it('signs in again without a page while the session lasts', async () => {
    const { jar } = await signIn(personas[1] as Persona);
    const { challenge } = pkcePair();
    const back = await startAuthorization(jar, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(back.status).toBe(303);
    expect(new URL(back.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
  });

  it('returns access_denied to the SPA when the user cancels', async () => {
    const jar = new CookieJar();
    const page = await startAuthorization(jar, {
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    const abort = new URL(
      parseSignInPage(await page.text()).loginAction.replace(/\/login$/, '/abort'),
      idp.issuer,
    );
    const back = await follow(jar, idp.issuer, await send(jar, abort.href, { form: {} }));
    expect(new URL(back.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'access_denied',
    );
  });

  it('signs out with id_token_hint and lands on the post-logout URI', async () => {
    const { code, verifier, jar } = await signIn(personas[1] as Persona);
    const { id_token } = await exchange(code, verifier);
    const end = new URL('/session/end', idp.issuer);
    end.searchParams.set('id_token_hint', id_token);
    end.searchParams.set('post_logout_redirect_uri', POST_LOGOUT_URI);
    end.searchParams.set('state', 'bye');
    const page = await send(jar, end.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(html).toContain("document.getElementById('op.logoutForm').submit()");
    const done = await send(jar, new URL(action, idp.issuer).href, {
      form: { xsrf, logout: 'yes' },
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${POST_LOGOUT_URI}?state=bye`);
    // The session is gone: the next authorization shows the sign-in page.
    const again = await startAuthorization(jar, {
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    });
    expect(again.status).toBe(200);
  });

  it('logs sign-ins and token issues with email, client and amr, never codes or tokens', async () => {
    logLines.length = 0;
    const { code, verifier } = await signIn(personas[0] as Persona, { mfa: true });
    const tokens = await exchange(code, verifier);
    const all = logLines.join('\n');
    expect(all).toContain(`sign-in ann@example.test client=${CLIENT_ID} amr=pwd,mfa`);
    expect(all).toContain(
      `tokens issued (authorization_code) for ann@example.test client=${CLIENT_ID} amr=pwd,mfa`,
    );
    for (const secret of [
      code,
      verifier,
      tokens.access_token,
      tokens.id_token,
      tokens.refresh_token ?? '',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('keeps its signing keys across restarts with the same data dir, in an owner-only file', async () => {
    const kids = async (issuer: string) =>
      (
        (await (await fetch(new URL('/jwks', issuer))).json()) as { keys: { kid: string }[] }
      ).keys.map((k) => k.kid);
    const before = await kids(idp.issuer);
    const second = await startDevIdp(options({ log: undefined }));
    try {
      expect(second.issuer).not.toBe(idp.issuer);
      expect(await kids(second.issuer)).toEqual(before);
    } finally {
      await second.close();
    }
    const mode = (await stat(join(dataDir, 'idp', 'jwks.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
    const other = await mkdtemp(join(tmpdir(), 'elevate-idp-other-'));
    const third = await startDevIdp(options({ dataDir: other, log: undefined }));
    try {
      expect(await kids(third.issuer)).not.toEqual(before);
    } finally {
      await third.close();
      await rm(other, { recursive: true, force: true });
    }
  });
});
