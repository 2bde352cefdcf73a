import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64url } from 'jose';
import type { JWTPayload } from 'jose';
import { resolveIdpSettings } from '@elevate/contracts';
import type { IdpProvider } from '@elevate/contracts';
import { AuthError } from './auth-error';
import { idpVerifierOptions } from './idp-verifier-options';
import { createTokenVerifier } from './token-verifier';
import { createTestKey, signWith } from './testing/test-issuer';
import type { SignOptions, TestKey } from './testing/test-issuer';
import { startTestIssuer } from './testing/test-issuer';
import type { TestIssuer } from './testing/test-issuer';

// Token pairs shaped as each provider's public token reference shows them (headers, `typ`, `ver`,
// `tid`, `uid`, `scp`, `cognito:groups`, `token_use`, `client_id` vs `aud`, `acrs`, `amr`), verified
// with nothing but the provider profile's defaults.

const NOW = Math.floor(Date.UTC(2026, 11, 3, 12) / 1000);
const now = () => new Date(NOW * 1000);
const times = { iat: NOW - 30, nbf: NOW - 30, exp: NOW + 3600, auth_time: NOW - 60 };

interface Person {
  /** The IdP's stable user id. */
  id: string;
  login: string;
  email: string;
}
const alice: Person = { id: 'u-alice-1', login: 'alice@acme.example', email: 'alice@acme.example' };
const mallory: Person = {
  id: 'u-mallory-2',
  login: 'mallory@acme.example',
  email: 'mallory@acme.example',
};

interface TokenShape {
  payload: JWTPayload;
  sign?: SignOptions;
  /** Cognito signs ID and access tokens with different keys. */
  keyIndex?: number;
}

interface ProviderCase {
  provider: IdpProvider;
  issuer: string;
  clientId: string;
  audience: string;
  access: (person: Person, audience: string) => TokenShape | { opaque: string };
  id: (person: Person, accessToken: string) => TokenShape;
  expected: { sub: string; email: string; groups: string[]; amr?: string[]; acrs?: string[] };
}

const atHash = (token: string) => {
  const digest = createHash('sha256').update(token).digest();
  return base64url.encode(digest.subarray(0, 16));
};

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ENTRA_APP = '6e74172b-be56-4843-9ff4-e66a39bb12e3';
const COGNITO_CLIENT = '1example23456789';

const cases: ProviderCase[] = [
  {
    // Okta custom authorization server: the access token names the login in `sub` and the user id
    // in `uid`; the ID token names the user id in `sub`. No `typ` header.
    provider: 'okta',
    issuer: 'https://acme.okta.com/oauth2/default',
    clientId: '0oa1elevatewebapp',
    audience: 'api://default',
    access: (person, audience) => ({
      payload: {
        ver: 1,
        jti: `AT.${person.id}-access`,
        iss: 'https://acme.okta.com/oauth2/default',
        aud: audience,
        ...times,
        cid: '0oa1elevatewebapp',
        uid: person.id,
        scp: ['openid', 'profile', 'email', 'groups', 'offline_access'],
        sub: person.login,
      },
      sign: { typ: null },
    }),
    id: (person, accessToken) => ({
      payload: {
        sub: person.id,
        name: 'Alice Example',
        email: person.email,
        ver: 1,
        iss: 'https://acme.okta.com/oauth2/default',
        aud: '0oa1elevatewebapp',
        ...times,
        jti: `ID.${person.id}-id`,
        amr: ['pwd', 'mfa', 'otp'],
        idp: '00o1okta',
        nonce: 'n-0S6_WzA2Mj',
        preferred_username: person.login,
        at_hash: atHash(accessToken),
        groups: ['Everyone', 'engineers'],
      },
      sign: { typ: null },
    }),
    expected: { sub: alice.id, email: alice.email, groups: ['Everyone', 'engineers'] },
  },
  {
    // Entra ID v2 (accessTokenAcceptedVersion 2): header typ JWT, `aud` the app's client id,
    // `scp` a space-separated string, `oid`/`tid`/`uti`, app roles in `roles`, `acrs` after a
    // Conditional Access authentication context, `upn` as an optional claim.
    provider: 'entra',
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    clientId: ENTRA_APP,
    audience: ENTRA_APP,
    access: (person, audience) => ({
      payload: {
        aud: audience,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        ...times,
        aio: 'AWQAm/8',
        azp: ENTRA_APP,
        azpacr: '0',
        name: 'Alice Example',
        oid: person.id,
        preferred_username: person.login,
        rh: '0.ARoA',
        scp: 'access_as_user',
        sub: `pairwise-access-${person.id}`,
        tid: TENANT,
        uti: `uti-access-${person.id}`,
        ver: '2.0',
        acrs: ['c1'],
        roles: ['engineers'],
      },
      sign: { typ: 'JWT' },
    }),
    id: (person) => ({
      payload: {
        aud: ENTRA_APP,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        ...times,
        name: 'Alice Example',
        nonce: 'n-0S6_WzA2Mj',
        oid: person.id,
        preferred_username: person.login,
        rh: '0.ARoA',
        sub: `pairwise-id-${person.id}`,
        tid: TENANT,
        uti: `uti-id-${person.id}`,
        ver: '2.0',
        upn: person.email,
        roles: ['engineers'],
        acrs: ['c1'],
      },
      sign: { typ: 'JWT' },
    }),
    expected: {
      sub: `pairwise-id-${alice.id}`,
      email: alice.email,
      groups: ['engineers'],
      acrs: ['c1'],
    },
  },
  {
    // Cognito: no `typ`, no `aud` in the access token (its client in `client_id`), `token_use`,
    // groups in `cognito:groups`, and ID and access tokens signed with different keys.
    provider: 'cognito',
    issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
    clientId: COGNITO_CLIENT,
    audience: COGNITO_CLIENT,
    access: (person, audience) => ({
      payload: {
        sub: person.id,
        'cognito:groups': ['engineers'],
        iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
        version: 2,
        client_id: audience,
        origin_jti: `origin-${person.id}`,
        event_id: 'e-1',
        token_use: 'access',
        scope: 'openid profile email',
        ...times,
        jti: `access-${person.id}`,
        username: person.login,
      },
      sign: { typ: null },
      keyIndex: 1,
    }),
    id: (person, accessToken) => ({
      payload: {
        at_hash: atHash(accessToken),
        sub: person.id,
        'cognito:groups': ['engineers'],
        email_verified: true,
        iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
        'cognito:username': person.login,
        origin_jti: `origin-${person.id}`,
        aud: COGNITO_CLIENT,
        event_id: 'e-1',
        token_use: 'id',
        ...times,
        jti: `id-${person.id}`,
        email: person.email,
      },
      sign: { typ: null },
    }),
    expected: { sub: alice.id, email: alice.email, groups: ['engineers'] },
  },
  {
    // Auth0's default access-token profile: `aud` lists the API and /userinfo, `azp`, `scope`; the
    // groups come from an Action as a namespaced claim.
    provider: 'auth0',
    issuer: 'https://acme.eu.auth0.com/',
    clientId: 'K1AUPhZq8mRi0Q0pjhkfu1D7y6KjDQja',
    audience: 'https://elevate.acme.example/api',
    access: (person, audience) => ({
      payload: {
        iss: 'https://acme.eu.auth0.com/',
        sub: `auth0|${person.id}`,
        aud: [audience, 'https://acme.eu.auth0.com/userinfo'],
        azp: 'K1AUPhZq8mRi0Q0pjhkfu1D7y6KjDQja',
        ...times,
        scope: 'openid profile email offline_access',
      },
      sign: { typ: 'JWT' },
    }),
    id: (person) => ({
      payload: {
        'https://elevate/groups': ['engineers'],
        nickname: 'alice',
        name: 'Alice Example',
        email: person.email,
        email_verified: true,
        iss: 'https://acme.eu.auth0.com/',
        aud: 'K1AUPhZq8mRi0Q0pjhkfu1D7y6KjDQja',
        sub: `auth0|${person.id}`,
        ...times,
        sid: 'sid-1',
        nonce: 'n-0S6_WzA2Mj',
        amr: ['mfa'],
      },
      sign: { typ: 'JWT' },
    }),
    expected: {
      sub: `auth0|${alice.id}`,
      email: alice.email,
      groups: ['engineers'],
      amr: ['mfa'],
    },
  },
  {
    // Keycloak 25+: header typ JWT, payload `typ` Bearer / ID, `azp`, `scope` only in the access
    // token, the audience from an audience mapper, groups from a group-membership mapper.
    provider: 'keycloak',
    issuer: 'https://sso.acme.example/realms/acme',
    clientId: 'elevate-web',
    audience: 'elevate-api',
    access: (person, audience) => ({
      payload: {
        ...times,
        jti: `onrtac:${person.id}`,
        iss: 'https://sso.acme.example/realms/acme',
        aud: [audience, 'account'],
        sub: person.id,
        typ: 'Bearer',
        azp: 'elevate-web',
        sid: 'sid-1',
        acr: '1',
        'allowed-origins': ['https://elevate.acme.example'],
        realm_access: { roles: ['default-roles-acme'] },
        scope: 'openid profile email',
        email_verified: true,
        groups: ['engineers'],
        preferred_username: 'alice',
        email: person.email,
      },
      sign: { typ: 'JWT' },
    }),
    id: (person, accessToken) => ({
      payload: {
        ...times,
        jti: `ntrtid:${person.id}`,
        iss: 'https://sso.acme.example/realms/acme',
        aud: 'elevate-web',
        sub: person.id,
        typ: 'ID',
        azp: 'elevate-web',
        nonce: 'n-0S6_WzA2Mj',
        sid: 'sid-1',
        at_hash: atHash(accessToken),
        acr: '1',
        amr: ['pwd', 'otp'],
        email_verified: true,
        name: 'Alice Example',
        preferred_username: 'alice',
        email: person.email,
        groups: ['engineers'],
      },
      sign: { typ: 'JWT' },
    }),
    expected: { sub: alice.id, email: alice.email, groups: ['engineers'], amr: ['pwd', 'otp'] },
  },
  {
    // Google: the access token is opaque (`ya29.…`); the ID token vouches for it with `at_hash`.
    provider: 'google',
    issuer: 'https://accounts.google.com',
    clientId: '1234987819200-abc123.apps.googleusercontent.com',
    audience: '1234987819200-abc123.apps.googleusercontent.com',
    access: (person) => ({ opaque: `ya29.a0AfB_byC-${person.id}-opaque-access-token` }),
    id: (person, accessToken) => ({
      payload: {
        iss: 'https://accounts.google.com',
        azp: '1234987819200-abc123.apps.googleusercontent.com',
        aud: '1234987819200-abc123.apps.googleusercontent.com',
        sub: `1100${person.id.length}${person.id}`,
        hd: 'acme.example',
        email: person.email,
        email_verified: true,
        at_hash: atHash(accessToken),
        nonce: 'n-0S6_WzA2Mj',
        name: 'Alice Example',
        ...times,
      },
      sign: { typ: 'JWT' },
    }),
    expected: { sub: `1100${alice.id.length}${alice.id}`, email: alice.email, groups: [] },
  },
  {
    // A standards-only server (oidc-provider with resource indicators): RFC 9068 access tokens.
    provider: 'generic',
    issuer: 'https://id.acme.example',
    clientId: 'elevate-web',
    audience: 'urn:elevate:api',
    access: (person, audience) => ({
      payload: {
        iss: 'https://id.acme.example',
        sub: person.id,
        aud: audience,
        client_id: 'elevate-web',
        scope: 'openid profile email groups offline_access',
        jti: `at-${person.id}`,
        ...times,
      },
      sign: { typ: 'at+jwt' },
    }),
    id: (person, accessToken) => ({
      payload: {
        iss: 'https://id.acme.example',
        sub: person.id,
        aud: 'elevate-web',
        email: person.email,
        groups: ['engineers'],
        amr: ['pwd', 'mfa'],
        nonce: 'n-0S6_WzA2Mj',
        at_hash: atHash(accessToken),
        ...times,
      },
      sign: { typ: 'JWT' },
    }),
    expected: { sub: alice.id, email: alice.email, groups: ['engineers'], amr: ['pwd', 'mfa'] },
  },
];

let keyServer: TestIssuer;
let keys: TestKey[];

beforeAll(async () => {
  // One loopback JWKS with two keys (Cognito signs its two token kinds with different ones).
  keyServer = await startTestIssuer();
  await keyServer.rotate();
  keys = keyServer.keys;
});
afterAll(async () => {
  await keyServer.close();
});

async function signShape(shape: TokenShape): Promise<string> {
  const key = keys[shape.keyIndex ?? 0];
  if (key === undefined) throw new Error('no key');
  return signWith(key, shape.payload, shape.sign ?? {});
}

async function pairFor(c: ProviderCase, person: Person, audience = c.audience) {
  const access = c.access(person, audience);
  const accessToken = 'opaque' in access ? access.opaque : await signShape(access);
  const idToken = await signShape(c.id(person, accessToken));
  return { accessToken, idToken };
}

function verifierFor(c: ProviderCase) {
  return createTokenVerifier({
    issuer: c.issuer,
    audience: c.audience,
    clientId: c.clientId,
    jwksUri: keyServer.jwksUri,
    now,
    ...idpVerifierOptions(resolveIdpSettings(c.provider, c.audience)),
  });
}

async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe.each(cases)('$provider tokens, with the profile defaults only', (c) => {
  it('are accepted, and name the person as the IdP does', async () => {
    const { accessToken, idToken } = await pairFor(c, alice);
    const identity = await verifierFor(c).verify(accessToken, idToken);
    expect(identity).toMatchObject({
      sub: c.expected.sub,
      email: c.expected.email,
      groups: c.expected.groups,
      ...(c.expected.amr === undefined ? {} : { amr: c.expected.amr }),
      ...(c.expected.acrs === undefined ? {} : { acrs: c.expected.acrs }),
      authTime: new Date(times.auth_time * 1000).toISOString(),
    });
  });

  it("are refused with another person's ID token", async () => {
    const mine = await pairFor(c, alice);
    const theirs = await pairFor(c, mallory);
    const error = await refusal(verifierFor(c).verify(mine.accessToken, theirs.idToken));
    expect(['TOKEN_MISMATCH', 'TOKEN_INVALID']).toContain(error.code);
  });

  it('are refused with the token kinds swapped or one token sent twice', async () => {
    const { accessToken, idToken } = await pairFor(c, alice);
    const v = verifierFor(c);
    await refusal(v.verify(idToken, accessToken));
    await refusal(v.verify(idToken, idToken));
    await refusal(v.verify(accessToken, accessToken));
  });

  it('are refused for another API (wrong audience)', async () => {
    const other = await pairFor(c, alice, 'https://other-api.acme.example');
    if (c.provider === 'google') {
      // Google's only audience is the client id, in the ID token.
      const { accessToken } = other;
      const foreign = await signShape({
        ...c.id(alice, accessToken),
        payload: { ...c.id(alice, accessToken).payload, aud: 'another-client' },
      });
      expect((await refusal(verifierFor(c).verify(accessToken, foreign))).code).toBe(
        'TOKEN_INVALID',
      );
      return;
    }
    expect((await refusal(verifierFor(c).verify(other.accessToken, other.idToken))).code).toBe(
      'TOKEN_INVALID',
    );
  });
});

function caseOf(provider: IdpProvider): ProviderCase {
  const found = cases.find((c) => c.provider === provider);
  if (found === undefined) throw new Error(`${provider} case missing`);
  return found;
}

describe('groups as IdPs send them', () => {
  const generic = caseOf('generic');

  async function groupsFrom(groups: unknown, separator?: string) {
    const access = generic.access(alice, generic.audience) as TokenShape;
    const accessToken = await signShape(access);
    const id = generic.id(alice, accessToken);
    const idToken = await signShape({ ...id, payload: { ...id.payload, groups } });
    const settings = resolveIdpSettings('generic', generic.audience, {
      ...(separator === undefined ? {} : { groupsSeparator: separator }),
    });
    return createTokenVerifier({
      issuer: generic.issuer,
      audience: generic.audience,
      clientId: generic.clientId,
      jwksUri: keyServer.jwksUri,
      now,
      ...idpVerifierOptions(settings),
    }).verify(accessToken, idToken);
  }

  it('reads a single string as one group', async () => {
    expect((await groupsFrom('engineers')).groups).toEqual(['engineers']);
  });

  it('splits a comma- or space-separated string by the configured separator', async () => {
    expect((await groupsFrom('engineers, reviewers,', ',')).groups).toEqual([
      'engineers',
      'reviewers',
    ]);
    expect((await groupsFrom('engineers reviewers', ' ')).groups).toEqual([
      'engineers',
      'reviewers',
    ]);
  });

  it("refuses Entra's group overage with a code that tells the operator what to change", async () => {
    const entra = cases.find((c) => c.provider === 'entra');
    if (entra === undefined) throw new Error('entra case missing');
    const access = entra.access(alice, entra.audience) as TokenShape;
    const accessToken = await signShape(access);
    const id = entra.id(alice, accessToken);
    const { roles: _roles, ...withoutRoles } = id.payload;
    const idToken = await signShape({
      ...id,
      payload: {
        ...withoutRoles,
        _claim_names: { groups: 'src1' },
        _claim_sources: {
          src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' },
        },
      },
    });
    const v = createTokenVerifier({
      issuer: entra.issuer,
      audience: entra.audience,
      clientId: entra.clientId,
      jwksUri: keyServer.jwksUri,
      now,
      ...idpVerifierOptions(resolveIdpSettings('entra', entra.audience, { groupsClaim: 'groups' })),
    });
    const error = await refusal(v.verify(accessToken, idToken));
    expect(error.code).toBe('GROUPS_OVERAGE');
    expect(error.message).toMatch(/app roles.*group filtering/);
  });
});

describe('identity details', () => {
  it('ignores auth_time 0 instead of reporting a sign-in in 1970', async () => {
    const generic = cases.find((c) => c.provider === 'generic');
    if (generic === undefined) throw new Error('generic case missing');
    const accessToken = await signShape(generic.access(alice, generic.audience) as TokenShape);
    const id = generic.id(alice, accessToken);
    const idToken = await signShape({ ...id, payload: { ...id.payload, auth_time: 0 } });
    const identity = await verifierFor(generic).verify(accessToken, idToken);
    expect(identity.authTime).toBeUndefined();
  });

  it('trims spaces around the e-mail address', async () => {
    const generic = cases.find((c) => c.provider === 'generic');
    if (generic === undefined) throw new Error('generic case missing');
    const accessToken = await signShape(generic.access(alice, generic.audience) as TokenShape);
    const id = generic.id(alice, accessToken);
    const idToken = await signShape({
      ...id,
      payload: { ...id.payload, email: '  alice@acme.example ' },
    });
    expect((await verifierFor(generic).verify(accessToken, idToken)).email).toBe(
      'alice@acme.example',
    );
  });

  it("refuses an Okta access token whose uid is another person's, even with the right sub", async () => {
    const okta = cases.find((c) => c.provider === 'okta');
    if (okta === undefined) throw new Error('okta case missing');
    const access = okta.access(alice, okta.audience) as TokenShape;
    const forged = await signShape({ ...access, payload: { ...access.payload, uid: mallory.id } });
    const idToken = await signShape(okta.id(alice, forged));
    expect((await refusal(verifierFor(okta).verify(forged, idToken))).code).toBe('TOKEN_MISMATCH');
  });

  it('refuses Google tokens whose at_hash does not match the access token', async () => {
    const google = cases.find((c) => c.provider === 'google');
    if (google === undefined) throw new Error('google case missing');
    const { idToken } = await pairFor(google, alice);
    const error = await refusal(verifierFor(google).verify('ya29.someone-elses-token', idToken));
    expect([error.code, error.reason]).toEqual(['TOKEN_INVALID', 'at_hash']);
  });
});

describe('a key published for one token kind', () => {
  it('is looked up by kid for each token (Cognito signs ID and access tokens with different keys)', async () => {
    const stranger = await createTestKey();
    const cognito = cases.find((c) => c.provider === 'cognito');
    if (cognito === undefined) throw new Error('cognito case missing');
    const access = cognito.access(alice, cognito.audience) as TokenShape;
    const forged = await signWith(stranger, access.payload, { typ: null, kid: keys[1]?.kid ?? '' });
    const idToken = await signShape(cognito.id(alice, forged));
    expect((await refusal(verifierFor(cognito).verify(forged, idToken))).code).toBe(
      'TOKEN_INVALID',
    );
  });
});
