import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64url, exportSPKI, importJWK, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import { createTokenVerifier } from './token-verifier';
import type { TokenVerifierOptions } from './token-verifier';
import { createTestKey, signWith, startTestIssuer } from './testing/test-issuer';
import type { TestIssuer } from './testing/test-issuer';

const AUDIENCE = 'urn:elevate:api';
const CLIENT_ID = 'elevate-web';
const NOW_SECONDS = Math.floor(Date.now() / 1000);
const now = () => new Date(NOW_SECONDS * 1000);

let idp: TestIssuer;

beforeAll(async () => {
  idp = await startTestIssuer();
});
afterAll(async () => {
  await idp.close();
});

function verifierFor(issuer: TestIssuer, overrides: Partial<TokenVerifierOptions> = {}) {
  return createTokenVerifier({
    issuer: issuer.issuer,
    audience: AUDIENCE,
    clientId: CLIENT_ID,
    clockToleranceSeconds: 60,
    now,
    ...overrides,
  });
}

function accessClaims(issuer: TestIssuer, overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: issuer.issuer,
    aud: AUDIENCE,
    sub: 'user-alice',
    client_id: CLIENT_ID,
    scope: 'openid email profile',
    iat: NOW_SECONDS - 10,
    exp: NOW_SECONDS + 600,
    ...overrides,
  };
}

function idClaims(issuer: TestIssuer, overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: issuer.issuer,
    aud: CLIENT_ID,
    sub: 'user-alice',
    email: 'alice@example.com',
    name: 'Alice Requester',
    groups: ['engineers', 'reviewers'],
    amr: ['pwd', 'mfa'],
    auth_time: NOW_SECONDS - 60,
    iat: NOW_SECONDS - 10,
    exp: NOW_SECONDS + 600,
    ...overrides,
  };
}

async function tokenPair(issuer: TestIssuer, access: JWTPayload = {}, id: JWTPayload = {}) {
  return {
    accessToken: await issuer.sign(accessClaims(issuer, access), { typ: 'at+jwt' }),
    idToken: await issuer.sign(idClaims(issuer, id)),
  };
}

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('a valid token pair', () => {
  it('yields the identity from the ID token with groups, amr and auth time', async () => {
    const { accessToken, idToken } = await tokenPair(idp);
    await expect(verifierFor(idp).verify(accessToken, idToken)).resolves.toEqual({
      sub: 'user-alice',
      email: 'alice@example.com',
      name: 'Alice Requester',
      groups: ['engineers', 'reviewers'],
      amr: ['pwd', 'mfa'],
      acrs: [],
      authTime: new Date((NOW_SECONDS - 60) * 1000).toISOString(),
    });
  });

  it('is accepted when signed with ES256', async () => {
    const ecIdp = await startTestIssuer({ alg: 'ES256' });
    try {
      const { accessToken, idToken } = await tokenPair(ecIdp);
      await expect(verifierFor(ecIdp).verify(accessToken, idToken)).resolves.toMatchObject({
        sub: 'user-alice',
      });
    } finally {
      await ecIdp.close();
    }
  });

  it('fetches the discovery document once across many verifications', async () => {
    const fresh = await startTestIssuer();
    try {
      const verifier = verifierFor(fresh);
      const { accessToken, idToken } = await tokenPair(fresh);
      for (let i = 0; i < 5; i += 1) await verifier.verify(accessToken, idToken);
      expect(fresh.fetches).toEqual({ discovery: 1, jwks: 1 });
    } finally {
      await fresh.close();
    }
  });

  it('defaults missing name, groups and amr sensibly', async () => {
    const { accessToken, idToken } = await tokenPair(
      idp,
      {},
      { name: undefined, groups: undefined, amr: undefined, auth_time: undefined },
    );
    const identity = await verifierFor(idp).verify(accessToken, idToken);
    expect(identity).toEqual({
      sub: 'user-alice',
      email: 'alice@example.com',
      name: 'alice@example.com',
      groups: [],
      amr: [],
      acrs: [],
    });
  });

  it('reads groups from a configured claim in the access token when told to', async () => {
    const { accessToken, idToken } = await tokenPair(
      idp,
      { roles: ['auditors'] },
      { groups: ['ignored'] },
    );
    const verifier = verifierFor(idp, { groupsClaim: 'roles', groupsSource: 'accessToken' });
    await expect(verifier.verify(accessToken, idToken)).resolves.toMatchObject({
      groups: ['auditors'],
    });
  });

  it('accepts an access token without typ at+jwt only when that check is turned off', async () => {
    const accessToken = await idp.sign(accessClaims(idp, { scp: 'access_as_user' }), {
      typ: 'JWT',
    });
    const idToken = await idp.sign(idClaims(idp));
    expect((await refusal(verifierFor(idp).verify(accessToken, idToken))).code).toBe(
      'TOKEN_INVALID',
    );
    await expect(
      verifierFor(idp, { requireAccessTokenType: false }).verify(accessToken, idToken),
    ).resolves.toMatchObject({
      sub: 'user-alice',
    });
  });
});

/** The same token with its last character's spare base64url bits flipped: other text, same bytes. */
function twinOf(token: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = token.at(-1) ?? 'A';
  return `${token.slice(0, -1)}${alphabet[alphabet.indexOf(last) ^ 1] ?? 'A'}`;
}

describe('one token sent as both (same audience, no at+jwt: the Entra ID setup)', () => {
  const entraVerifier = (overrides: Partial<TokenVerifierOptions> = {}) =>
    verifierFor(idp, { audience: CLIENT_ID, requireAccessTokenType: false, ...overrides });
  const entraAccess = (overrides: JWTPayload = {}) =>
    idp.sign(accessClaims(idp, { aud: CLIENT_ID, scp: 'access_as_user', ...overrides }), {
      typ: 'JWT',
    });

  it('accepts a genuine pair whose access token carries scp', async () => {
    const idToken = await idp.sign(idClaims(idp));
    await expect(entraVerifier().verify(await entraAccess(), idToken)).resolves.toMatchObject({
      sub: 'user-alice',
    });
  });

  it('refuses an ID token together with a copy that differs only in spare signature bits', async () => {
    const idToken = await idp.sign(idClaims(idp));
    const twin = twinOf(idToken);
    expect(twin).not.toBe(idToken);
    // The copy is a valid token in its own right, which is why strings cannot be compared.
    await expect(entraVerifier().verify(await entraAccess(), twin)).resolves.toBeDefined();
    for (const verifier of [entraVerifier(), verifierFor(idp)]) {
      const error = await refusal(verifier.verify(twin, idToken));
      expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'same token twice']);
    }
  });

  it('refuses a second, distinct ID token of the same user as the access token', async () => {
    const idToken = await idp.sign(idClaims(idp));
    const anotherIdToken = await idp.sign(idClaims(idp, { iat: NOW_SECONDS - 5 }));
    const error = await refusal(entraVerifier().verify(anotherIdToken, idToken));
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', token: 'access', reason: 'scp' });
  });

  it('refuses an ID token that carries the access-token claim', async () => {
    const idToken = await idp.sign(idClaims(idp, { scp: 'access_as_user' }));
    const error = await refusal(entraVerifier().verify(await entraAccess(), idToken));
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', token: 'id', reason: 'scp' });
  });

  it('refuses an access token carrying an ID-token claim (nonce, at_hash)', async () => {
    const idToken = await idp.sign(idClaims(idp));
    for (const claim of ['nonce', 'at_hash']) {
      const error = await refusal(
        entraVerifier().verify(await entraAccess({ [claim]: 'x' }), idToken),
      );
      expect(error).toMatchObject({ code: 'TOKEN_INVALID', token: 'access', reason: claim });
    }
  });

  it('refuses two tokens with the same jti or uti', async () => {
    const idToken = await idp.sign(idClaims(idp, { uti: 'u-1' }));
    const error = await refusal(entraVerifier().verify(await entraAccess({ uti: 'u-1' }), idToken));
    expect(error.reason).toBe('same token twice');
  });

  it('reads the access-token claim from configuration (e.g. scope)', async () => {
    const idToken = await idp.sign(idClaims(idp));
    const withScope = await entraAccess({ scp: undefined, scope: 'api' });
    await expect(
      entraVerifier({ accessTokenClaim: 'scope' }).verify(withScope, idToken),
    ).resolves.toBeDefined();
    expect((await refusal(entraVerifier().verify(withScope, idToken))).reason).toBe('scp');
  });
});

describe('Cognito-shaped tokens (access token audience in client_id)', () => {
  // Cognito user pools: the access token has no `aud`, names the app client in `client_id`, and
  // says what it is in `token_use`; the ID token has `aud` = the client id and `token_use: id`.
  const cognitoAccess = (issuer: TestIssuer, overrides: JWTPayload = {}): JWTPayload => ({
    iss: issuer.issuer,
    sub: 'user-alice',
    client_id: CLIENT_ID,
    token_use: 'access',
    scope: 'openid email profile',
    'cognito:groups': ['engineers'],
    iat: NOW_SECONDS - 10,
    exp: NOW_SECONDS + 600,
    ...overrides,
  });
  const cognitoPair = async (access: JWTPayload = {}, id: JWTPayload = {}) => ({
    accessToken: await idp.sign(cognitoAccess(idp, access), { typ: null }),
    idToken: await idp.sign(idClaims(idp, { token_use: 'id', ...id }), { typ: null }),
  });
  const cognitoVerifier = (overrides: Partial<TokenVerifierOptions> = {}) =>
    verifierFor(idp, {
      audience: CLIENT_ID,
      accessTokenAudience: 'client_id',
      requireAccessTokenType: false,
      groupsClaim: 'cognito:groups',
      ...overrides,
    });

  it('pass in client_id mode, with the groups of the configured claim', async () => {
    const { accessToken, idToken } = await cognitoPair();
    await expect(
      cognitoVerifier({ groupsSource: 'accessToken' }).verify(accessToken, idToken),
    ).resolves.toMatchObject({ sub: 'user-alice', groups: ['engineers'] });
  });

  it('fail in aud mode, where the access token has no aud', async () => {
    const { accessToken, idToken } = await cognitoPair();
    const error = await refusal(
      cognitoVerifier({ accessTokenAudience: 'aud' }).verify(accessToken, idToken),
    );
    expect(error).toMatchObject({ code: 'TOKEN_INVALID', token: 'access', reason: 'aud' });
  });

  it('refuse an ID token sent as the access token, even with the right client_id', async () => {
    const { idToken } = await cognitoPair();
    const asAccess = await idp.sign(cognitoAccess(idp, { token_use: 'id' }), { typ: null });
    expect(await refusal(cognitoVerifier().verify(asAccess, idToken))).toMatchObject({
      code: 'TOKEN_INVALID',
      token: 'access',
      reason: 'token_use',
    });
  });

  it("refuse another app client's access token, or one without token_use", async () => {
    const { idToken } = await cognitoPair();
    const otherClient = await idp.sign(cognitoAccess(idp, { client_id: 'someone-else' }), {
      typ: null,
    });
    expect(await refusal(cognitoVerifier().verify(otherClient, idToken))).toMatchObject({
      token: 'access',
      reason: 'client_id',
    });
    const untyped = await idp.sign(cognitoAccess(idp, { token_use: undefined }), { typ: null });
    expect(await refusal(cognitoVerifier().verify(untyped, idToken))).toMatchObject({
      token: 'access',
      reason: 'token_use',
    });
  });

  it('refuse an access token sent as the ID token', async () => {
    const { accessToken } = await cognitoPair();
    // Even if it carried the client id as `aud` (it does not in Cognito), token_use gives it away.
    const asId = await idp.sign(
      { ...idClaims(idp), token_use: 'access', client_id: CLIENT_ID },
      { typ: null },
    );
    expect(await refusal(cognitoVerifier().verify(accessToken, asId))).toMatchObject({
      code: 'TOKEN_INVALID',
      token: 'id',
      reason: 'token_use',
    });
  });

  it('still check the signature, issuer and expiry', async () => {
    const { idToken } = await cognitoPair();
    const stranger = await createTestKey();
    const forged = await signWith(stranger, cognitoAccess(idp), { typ: null });
    expect((await refusal(cognitoVerifier().verify(forged, idToken))).reason).toBe('kid');
    const foreign = await idp.sign(cognitoAccess(idp, { iss: 'https://elsewhere.example' }), {
      typ: null,
    });
    expect((await refusal(cognitoVerifier().verify(foreign, idToken))).reason).toBe('iss');
    const expired = await idp.sign(cognitoAccess(idp, { exp: NOW_SECONDS - 3600 }), {
      typ: null,
    });
    expect((await refusal(cognitoVerifier().verify(expired, idToken))).code).toBe('TOKEN_EXPIRED');
  });
});

describe('clock skew', () => {
  it('accepts a token that expired 59 s ago and refuses one that expired 61 s ago', async () => {
    const verifier = verifierFor(idp);
    const justInside = await tokenPair(idp, { exp: NOW_SECONDS - 59 });
    await expect(
      verifier.verify(justInside.accessToken, justInside.idToken),
    ).resolves.toMatchObject({ sub: 'user-alice' });
    const justOutside = await tokenPair(idp, { exp: NOW_SECONDS - 61 });
    expect(
      (await refusal(verifier.verify(justOutside.accessToken, justOutside.idToken))).code,
    ).toBe('TOKEN_EXPIRED');
  });

  it('accepts a token valid from 59 s ahead and refuses one valid from 61 s ahead', async () => {
    const verifier = verifierFor(idp);
    const justInside = await tokenPair(idp, {}, { nbf: NOW_SECONDS + 59 });
    await expect(
      verifier.verify(justInside.accessToken, justInside.idToken),
    ).resolves.toMatchObject({ sub: 'user-alice' });
    const justOutside = await tokenPair(idp, {}, { nbf: NOW_SECONDS + 61 });
    const error = await refusal(verifier.verify(justOutside.accessToken, justOutside.idToken));
    expect([error.code, error.token, error.reason]).toEqual(['TOKEN_INVALID', 'id', 'nbf']);
  });

  it('cannot be configured above 60 s', () => {
    expect(() => verifierFor(idp, { clockToleranceSeconds: 61 })).toThrow(/clockToleranceSeconds/);
  });
});

describe('token attacks are refused', () => {
  it('alg: none', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const unsigned = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(accessClaims(idp))}.`;
    const { idToken } = await tokenPair(idp);
    const error = await refusal(verifierFor(idp).verify(unsigned, idToken));
    expect([error.code, error.token]).toEqual(['TOKEN_INVALID', 'access']);
  });

  it('HS256 signed with the IdP public key as the HMAC secret', async () => {
    const [key] = idp.keys;
    if (key === undefined) throw new Error('no key');
    const publicKey = await importJWK(key.publicJwk, 'RS256', { extractable: true });
    if (publicKey instanceof Uint8Array) throw new Error('expected an asymmetric key');
    const secrets = [
      new TextEncoder().encode(await exportSPKI(publicKey)),
      new TextEncoder().encode(JSON.stringify(key.publicJwk)),
    ];
    const { idToken } = await tokenPair(idp);
    for (const secret of secrets) {
      const forged = await new SignJWT(accessClaims(idp))
        .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'at+jwt' })
        .sign(secret);
      const error = await refusal(verifierFor(idp).verify(forged, idToken));
      expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'alg']);
    }
  });

  it('an expired access token', async () => {
    const { accessToken, idToken } = await tokenPair(idp, { exp: NOW_SECONDS - 3600 });
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.token]).toEqual(['TOKEN_EXPIRED', 'access']);
  });

  it('an expired ID token', async () => {
    const { accessToken, idToken } = await tokenPair(idp, {}, { exp: NOW_SECONDS - 3600 });
    expect((await refusal(verifierFor(idp).verify(accessToken, idToken))).code).toBe(
      'TOKEN_EXPIRED',
    );
  });

  it('a token not yet valid', async () => {
    const { accessToken, idToken } = await tokenPair(idp, { nbf: NOW_SECONDS + 3600 });
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'nbf']);
  });

  it('a wrong issuer', async () => {
    const { accessToken, idToken } = await tokenPair(idp, { iss: 'https://evil.example' });
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'iss']);
  });

  it('a wrong audience on the access token', async () => {
    const { accessToken, idToken } = await tokenPair(idp, { aud: 'urn:some-other-api' });
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.token, error.reason]).toEqual(['TOKEN_INVALID', 'access', 'aud']);
  });

  it('a wrong audience on the ID token', async () => {
    const { accessToken, idToken } = await tokenPair(idp, {}, { aud: 'some-other-client' });
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.token, error.reason]).toEqual(['TOKEN_INVALID', 'id', 'aud']);
  });

  it('an ID token issued to several audiences for another party', async () => {
    const { accessToken, idToken } = await tokenPair(
      idp,
      {},
      { aud: [CLIENT_ID, 'other'], azp: 'other' },
    );
    expect((await refusal(verifierFor(idp).verify(accessToken, idToken))).reason).toBe('azp');
  });

  it('an unknown kid', async () => {
    const stranger = await createTestKey();
    const accessToken = await idp.sign(accessClaims(idp), {
      key: stranger,
      kid: 'unknown-kid',
      typ: 'at+jwt',
    });
    const { idToken } = await tokenPair(idp);
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'kid']);
  });

  it('a key we do not trust, presented under a kid we do trust', async () => {
    const stranger = await createTestKey();
    const [trusted] = idp.keys;
    const accessToken = await idp.sign(accessClaims(idp), {
      key: stranger,
      kid: trusted?.kid,
      typ: 'at+jwt',
    });
    const { idToken } = await tokenPair(idp);
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'signature']);
  });

  it('a tampered payload', async () => {
    const { accessToken, idToken } = await tokenPair(idp);
    const [header, , signature] = idToken.split('.');
    const promoted = base64url.encode(
      JSON.stringify(idClaims(idp, { groups: ['elevate-admins'] })),
    );
    const error = await refusal(
      verifierFor(idp).verify(accessToken, `${header}.${promoted}.${signature}`),
    );
    expect([error.code, error.token, error.reason]).toEqual(['TOKEN_INVALID', 'id', 'signature']);
  });

  it('an ID token belonging to a different user than the access token', async () => {
    const { accessToken } = await tokenPair(idp);
    const { idToken } = await tokenPair(
      idp,
      {},
      { sub: 'user-mallory', email: 'mallory@example.com' },
    );
    expect((await refusal(verifierFor(idp).verify(accessToken, idToken))).code).toBe(
      'TOKEN_MISMATCH',
    );
  });

  it('tokens from a second, untrusted IdP', async () => {
    const untrusted = await startTestIssuer();
    try {
      const { accessToken, idToken } = await tokenPair(untrusted);
      // Its keys are not in our JWKS, so the signature check refuses it before the issuer is read.
      const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
      expect([error.code, error.token, error.reason]).toEqual(['TOKEN_INVALID', 'id', 'kid']);
    } finally {
      await untrusted.close();
    }
  });

  it('tokens from an untrusted IdP that claims to be our issuer', async () => {
    const impostor = await startTestIssuer({ issuer: idp.issuer });
    try {
      const { accessToken, idToken } = await tokenPair(impostor);
      expect((await refusal(verifierFor(idp).verify(accessToken, idToken))).code).toBe(
        'TOKEN_INVALID',
      );
    } finally {
      await impostor.close();
    }
  });

  it('an access token replayed as the ID token', async () => {
    const { accessToken } = await tokenPair(idp, { aud: [AUDIENCE, CLIENT_ID] });
    const other = await idp.sign(accessClaims(idp, { aud: CLIENT_ID, jti: 'x' }), {
      typ: 'at+jwt',
    });
    const verifier = verifierFor(idp, { clientId: CLIENT_ID });
    expect((await refusal(verifier.verify(accessToken, accessToken))).code).toBe('TOKEN_INVALID');
    expect((await refusal(verifier.verify(accessToken, other))).token).toBe('id');
  });

  it('a garbage token and an oversized token', async () => {
    const { idToken } = await tokenPair(idp);
    expect((await refusal(verifierFor(idp).verify('not-a-jwt', idToken))).reason).toBe('malformed');
    expect((await refusal(verifierFor(idp).verify('a'.repeat(20_000), idToken))).reason).toBe(
      'too long',
    );
  });

  it('an ID token whose claims have the wrong shape', async () => {
    const noEmail = await tokenPair(idp, {}, { email: undefined });
    expect(
      (await refusal(verifierFor(idp).verify(noEmail.accessToken, noEmail.idToken))).reason,
    ).toBe('claims: email');
    const badGroups = await tokenPair(idp, {}, { groups: [42] });
    expect(
      (await refusal(verifierFor(idp).verify(badGroups.accessToken, badGroups.idToken))).reason,
    ).toBe('claims: groups');
  });
});

describe('the e-mail that names the person in AWS', () => {
  it('is refused when the IdP says it is unverified, and accepted when verified or not stated', async () => {
    const unverified = await tokenPair(idp, {}, { email_verified: false });
    const error = await refusal(
      verifierFor(idp).verify(unverified.accessToken, unverified.idToken),
    );
    expect(error).toMatchObject({
      code: 'TOKEN_INVALID',
      token: 'id',
      reason: 'claims: email_verified',
    });
    const asString = await tokenPair(idp, {}, { email_verified: 'false' });
    expect(
      (await refusal(verifierFor(idp).verify(asString.accessToken, asString.idToken))).reason,
    ).toBe('claims: email_verified');
    for (const verified of [true, undefined]) {
      const pair = await tokenPair(idp, {}, { email_verified: verified });
      await expect(verifierFor(idp).verify(pair.accessToken, pair.idToken)).resolves.toMatchObject({
        email: 'alice@example.com',
      });
    }
  });

  it('may be accepted unverified when that check is turned off', async () => {
    const { accessToken, idToken } = await tokenPair(idp, {}, { email_verified: false });
    await expect(
      verifierFor(idp, { requireEmailVerified: false }).verify(accessToken, idToken),
    ).resolves.toMatchObject({ email: 'alice@example.com' });
  });

  it('is read from a configured claim, where email_verified (about email) does not apply', async () => {
    const { accessToken, idToken } = await tokenPair(
      idp,
      {},
      { email: 'unverified@example.net', email_verified: false, upn: 'alice@corp.example.com' },
    );
    await expect(
      verifierFor(idp, { emailClaim: 'upn' }).verify(accessToken, idToken),
    ).resolves.toMatchObject({ email: 'alice@corp.example.com', name: 'Alice Requester' });
    const noUpn = await tokenPair(idp);
    expect(
      (
        await refusal(
          verifierFor(idp, { emailClaim: 'upn' }).verify(noUpn.accessToken, noUpn.idToken),
        )
      ).reason,
    ).toBe('claims: upn');
  });
});

describe('refusals', () => {
  it('name the missing token', async () => {
    const { accessToken, idToken } = await tokenPair(idp);
    const noAccess = await refusal(verifierFor(idp).verify(undefined, idToken));
    expect([noAccess.code, noAccess.token]).toEqual(['TOKEN_MISSING', 'access']);
    const noId = await refusal(verifierFor(idp).verify(accessToken, ''));
    expect([noId.code, noId.token]).toEqual(['TOKEN_MISSING', 'id']);
  });

  it('never carry the token in message, reason or serialised form', async () => {
    const { accessToken, idToken } = await tokenPair(idp, { exp: NOW_SECONDS - 3600 });
    const error = await refusal(verifierFor(idp).verify(accessToken, idToken));
    const everything = `${error.message} ${error.reason ?? ''} ${JSON.stringify(error)} ${String(error.stack)} ${String(error.cause)}`;
    for (const part of [...accessToken.split('.'), ...idToken.split('.')])
      expect(everything).not.toContain(part);
  });

  it('say the IdP is unavailable when discovery fails, and retry discovery next time', async () => {
    let calls = 0;
    const failingFetch: typeof fetch = async () => {
      calls += 1;
      throw new TypeError('fetch failed');
    };
    const { accessToken, idToken } = await tokenPair(idp);
    const verifier = verifierFor(idp, { fetchImpl: failingFetch, jwksFailureBackoffMs: 0 });
    expect((await refusal(verifier.verify(accessToken, idToken))).code).toBe('IDP_UNAVAILABLE');
    expect((await refusal(verifier.verify(accessToken, idToken))).code).toBe('IDP_UNAVAILABLE');
    expect(calls).toBe(2);
  });

  it('say the IdP is unavailable when the discovery document names another issuer', async () => {
    const { accessToken, idToken } = await tokenPair(idp);
    const lying: typeof fetch = async () =>
      Response.json({ issuer: 'https://other.example', jwks_uri: idp.jwksUri });
    expect(
      (await refusal(verifierFor(idp, { fetchImpl: lying }).verify(accessToken, idToken))).code,
    ).toBe('IDP_UNAVAILABLE');
  });

  it('use a configured JWKS URI without discovery', async () => {
    const direct = await startTestIssuer();
    try {
      const { accessToken, idToken } = await tokenPair(direct);
      await verifierFor(direct, { jwksUri: direct.jwksUri }).verify(accessToken, idToken);
      expect(direct.fetches).toEqual({ discovery: 0, jwks: 1 });
    } finally {
      await direct.close();
    }
  });
});
