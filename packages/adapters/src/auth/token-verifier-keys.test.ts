import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import type { JwksEvent } from './jwks-cache';
import { createTokenVerifier } from './token-verifier';
import type { TokenVerifierOptions } from './token-verifier';
import { createTestKey, startTestIssuer } from './testing/test-issuer';
import type { TestIssuer, TestKey } from './testing/test-issuer';

const AUDIENCE = 'urn:elevate:api';
const CLIENT_ID = 'elevate-web';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let idp: TestIssuer;
let clockMs: number;
let idpDown: boolean;
let hangingFetches: number;
let events: JwksEvent[];

const advance = (ms: number) => {
  clockMs += ms;
};

/** Real fetch to the test IdP, unless the test says the IdP is down (refused) or hanging. */
const fetchImpl: typeof fetch = (input, init) => {
  if (idpDown) return Promise.reject(new TypeError('fetch failed'));
  if (hangingFetches > 0) {
    hangingFetches -= 1;
    return new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    });
  }
  return fetch(input, init);
};

beforeEach(async () => {
  idp = await startTestIssuer();
  clockMs = Date.UTC(2026, 11, 3, 12);
  idpDown = false;
  hangingFetches = 0;
  events = [];
});
afterEach(async () => {
  await idp.close();
});

function verifier(overrides: Partial<TokenVerifierOptions> = {}) {
  return createTokenVerifier({
    issuer: idp.issuer,
    audience: AUDIENCE,
    clientId: CLIENT_ID,
    jwksUri: idp.jwksUri,
    fetchImpl,
    now: () => new Date(clockMs),
    onJwksEvent: (event) => events.push(event),
    ...overrides,
  });
}

/** A pair valid for an hour from the test clock's now, signed with the IdP's newest key (or `kid`). */
async function pair(kid?: string, key?: TestKey) {
  const nowSeconds = Math.floor(clockMs / 1000);
  const base: JWTPayload = {
    iss: idp.issuer,
    sub: 'user-alice',
    iat: nowSeconds - 5,
    exp: nowSeconds + 3600,
  };
  const stranger = kid === undefined ? undefined : await createTestKey();
  return {
    accessToken: await idp.sign(
      { ...base, aud: AUDIENCE },
      {
        typ: 'at+jwt',
        ...(stranger === undefined ? {} : { key: stranger, kid }),
        ...(key === undefined ? {} : { key }),
      },
    ),
    idToken: await idp.sign(
      { ...base, aud: CLIENT_ID, email: 'alice@example.com' },
      key === undefined ? {} : { key },
    ),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return (error as AuthError).code;
}

describe('signing-key rotation', () => {
  it('accepts a token signed with a newly published key at once, with one refetch', async () => {
    const v = verifier();
    const before = await pair();
    await v.verify(before.accessToken, before.idToken);
    await idp.rotate();
    advance(2_000);
    const after = await pair();
    await expect(v.verify(after.accessToken, after.idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
    expect(idp.fetches.jwks).toBe(2);
  });

  it('is not blocked by a made-up kid sent just before the new key appears', async () => {
    const v = verifier();
    const first = await pair();
    await v.verify(first.accessToken, first.idToken);
    advance(2_000);
    const forged = await pair('made-up-kid');
    expect(await codeOf(v.verify(forged.accessToken, forged.idToken))).toBe('TOKEN_INVALID');
    expect(idp.fetches.jwks).toBe(2);

    await idp.rotate();
    advance(2_000);
    const fresh = await pair();
    await expect(v.verify(fresh.accessToken, fresh.idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
    expect(idp.fetches.jwks).toBe(3);
  });

  it('refetches for one unknown kid at most once a minute, and for a burst of kids at most once a second', async () => {
    const v = verifier();
    const first = await pair();
    await v.verify(first.accessToken, first.idToken);
    advance(2_000);
    const forged = await pair('made-up-kid');
    for (let i = 0; i < 3; i += 1) {
      expect(await codeOf(v.verify(forged.accessToken, forged.idToken))).toBe('TOKEN_INVALID');
      advance(10_000);
    }
    expect(idp.fetches.jwks).toBe(2);
    for (let i = 0; i < 5; i += 1) {
      const burst = await pair(`burst-${i}`);
      expect(await codeOf(v.verify(burst.accessToken, burst.idToken))).toBe('TOKEN_INVALID');
    }
    expect(idp.fetches.jwks).toBe(3);
  });

  it('drops a retired key once the key set is refreshed', async () => {
    const v = verifier();
    const [oldKey] = idp.keys;
    const old = await pair();
    await v.verify(old.accessToken, old.idToken);
    await idp.rotate({ retireOld: true });
    advance(11 * MINUTE);
    const oldAgain = await pair(undefined, oldKey);
    // The stale set is used once more while the refresh runs in the background.
    await v.verify(oldAgain.accessToken, oldAgain.idToken).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idp.fetches.jwks).toBe(2);
    expect(await codeOf(v.verify(oldAgain.accessToken, oldAgain.idToken))).toBe('TOKEN_INVALID');
  });
});

describe('an IdP outage', () => {
  it('keeps verifying with the last keys for up to 24 hours, says so in the logs, then fails', async () => {
    const v = verifier();
    const first = await pair();
    await v.verify(first.accessToken, first.idToken);
    idpDown = true;

    advance(11 * MINUTE);
    const during = await pair();
    await expect(v.verify(during.accessToken, during.idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.some((event) => event.type === 'jwks-fetch-failed')).toBe(true);

    advance(23 * HOUR);
    const late = await pair();
    await expect(v.verify(late.accessToken, late.idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
    expect(events.some((event) => event.type === 'jwks-stale-keys-used')).toBe(true);

    advance(HOUR);
    const tooLate = await pair();
    expect(await codeOf(v.verify(tooLate.accessToken, tooLate.idToken))).toBe('IDP_UNAVAILABLE');
  });

  it('recovers as soon as the IdP answers again', async () => {
    const v = verifier();
    idpDown = true;
    const first = await pair();
    expect(await codeOf(v.verify(first.accessToken, first.idToken))).toBe('IDP_UNAVAILABLE');
    // Within the back-off, calls fail fast without another fetch.
    expect(await codeOf(v.verify(first.accessToken, first.idToken))).toBe('IDP_UNAVAILABLE');
    expect(idp.fetches.jwks).toBe(0);
    idpDown = false;
    advance(6_000);
    await expect(v.verify(first.accessToken, first.idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
  });

  it('lets no call wait on a hanging key-set fetch beyond the fetch timeout', async () => {
    const v = verifier({ fetchTimeoutMs: 100 });
    hangingFetches = 1;
    const first = await pair();
    expect(await codeOf(v.verify(first.accessToken, first.idToken))).toBe('IDP_UNAVAILABLE');
  });

  it('does not make a call wait for a background refresh of known keys', async () => {
    const v = verifier({ fetchTimeoutMs: 5_000 });
    const first = await pair();
    await v.verify(first.accessToken, first.idToken);
    advance(11 * MINUTE);
    hangingFetches = 1;
    const later = await pair();
    await expect(v.verify(later.accessToken, later.idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
  });
});
