import { runtimeConfigSchema } from '@elevate/contracts';
import { User, WebStorageStateStore } from 'oidc-client-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { needsRenewal } from './id-token-expiry';
import { readStoredSession, storedSessionKey } from './stored-session';
import { createUserManager } from './user-manager';

const config = runtimeConfigSchema.parse({
  authority: 'http://idp.test/realms/elevate',
  clientId: 'elevate-web',
  apiUrl: 'http://api.test',
  redirectPath: '/auth/callback',
});
const key = storedSessionKey(config.authority, config.clientId);
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A user as oidc-client-ts builds one from a token response (claims from the ID token);
 * `expiresIn` undefined: the IdP sent no `expires_in`.
 */
function libraryUser(expiresIn: number | undefined): User {
  const now = nowSeconds();
  const user = new User({
    access_token: 'access-token',
    id_token: 'id-token',
    refresh_token: 'refresh-token',
    token_type: 'Bearer',
    scope: 'openid profile email',
    session_state: null,
    profile: {
      sub: 'user-1',
      iss: config.authority,
      aud: config.clientId,
      exp: now + 600,
      iat: now,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      amr: ['pwd', 'mfa'],
      auth_time: now,
    },
    userState: { returnTo: '/audit' },
  });
  // What the library does with the token response's `expires_in`: sets `expires_at`.
  if (expiresIn !== undefined) user.expires_in = expiresIn;
  return user;
}

describe('the stored session, read without oidc-client-ts', () => {
  afterEach(() => window.sessionStorage.clear());

  it('reads what the real UserManager stores for this IdP and client, under the same key', async () => {
    const userManager = createUserManager(config);
    const user = libraryUser(300);
    await userManager.storeUser(user);

    expect(readStoredSession(key)).toEqual({
      access_token: 'access-token',
      id_token: 'id-token',
      expires_at: user.expires_at,
      profile: {
        sub: 'user-1',
        exp: user.profile.exp,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
      },
    });
    expect(user.expires_at).toBeGreaterThanOrEqual(nowSeconds() + 299);

    await userManager.removeUser();
    expect(readStoredSession(key)).toBeNull();
  });

  it('reads User.toStorageString() as WebStorageStateStore keeps it', async () => {
    const store = new WebStorageStateStore({ store: window.sessionStorage });
    const user = libraryUser(60);
    await store.set(`user:${config.authority}:${config.clientId}`, user.toStorageString());
    const stored = readStoredSession(key);
    expect(stored?.access_token).toBe('access-token');
    expect(stored?.expires_at).toBe(user.expires_at);
  });

  it('reads an expired session as one that needs renewing, never as a usable one', async () => {
    await createUserManager(config).storeUser(libraryUser(-5));
    const stored = readStoredSession(key);
    if (!stored) throw new Error('the expired session was not read');
    expect(needsRenewal(stored)).toBe(true);
  });

  it('reads a session whose IdP sent no expires_in: no access-token expiry, the ID token’s bounds it', async () => {
    const user = libraryUser(undefined);
    expect(user.expires_at).toBeUndefined();
    await createUserManager(config).storeUser(user);
    const stored = readStoredSession(key);
    expect(stored).toMatchObject({ access_token: 'access-token', profile: { sub: 'user-1' } });
    expect(stored).not.toHaveProperty('expires_at');
    if (!stored) throw new Error('unreachable');
    expect(needsRenewal(stored)).toBe(false);
    expect(needsRenewal(stored, stored.profile.exp)).toBe(true);
  });

  it('is no session when the stored value is not of the shape the library writes', () => {
    const valid = JSON.parse(libraryUser(300).toStorageString()) as Record<string, unknown>;
    const profile = valid['profile'] as Record<string, unknown>;
    const broken: unknown[] = [
      'not json',
      'null',
      '[]',
      '"a string"',
      { ...valid, access_token: undefined },
      { ...valid, access_token: '' },
      { ...valid, id_token: undefined },
      { ...valid, id_token: 42 },
      { ...valid, expires_at: '9999999999' },
      { ...valid, expires_at: Number.NaN },
      { ...valid, profile: undefined },
      { ...valid, profile: 'user-1' },
      { ...valid, profile: { ...profile, sub: undefined } },
      { ...valid, profile: { ...profile, sub: 7 } },
      { ...valid, profile: { ...profile, exp: undefined } },
      { ...valid, profile: { ...profile, exp: '1' } },
    ];
    for (const value of broken) {
      window.sessionStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
      expect(readStoredSession(key), JSON.stringify(value)).toBeNull();
    }
  });

  it('leaves out a displayed claim that is not a string', () => {
    const valid = JSON.parse(libraryUser(300).toStorageString()) as Record<string, unknown>;
    const profile = valid['profile'] as Record<string, unknown>;
    window.sessionStorage.setItem(
      key,
      JSON.stringify({ ...valid, profile: { ...profile, name: { html: '<b>' }, email: ['x'] } }),
    );
    expect(readStoredSession(key)?.profile).toEqual({
      sub: 'user-1',
      exp: profile['exp'],
      name: undefined,
      email: undefined,
    });
  });

  it('reads only the session of this IdP and client', async () => {
    await createUserManager({ ...config, clientId: 'another-client' }).storeUser(libraryUser(300));
    expect(readStoredSession(key)).toBeNull();
  });
});
