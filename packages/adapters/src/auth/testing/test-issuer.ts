import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

/** A signing key as a test IdP holds it. */
export interface TestKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface SignOptions {
  key?: TestKey;
  /** Header overrides, e.g. a different `kid` or `typ`; `typ: null` leaves it out. */
  kid?: string;
  typ?: string | null;
}

/** Test-only OpenID issuer: discovery + JWKS on a loopback port, and token minting. */
export interface TestIssuer {
  issuer: string;
  jwksUri: string;
  /** Keys currently published, newest first. */
  keys: TestKey[];
  /** How often each document was fetched. */
  fetches: { discovery: number; jwks: number };
  /** Publishes a new key and signs with it; with `retireOld`, the old keys disappear from the JWKS. */
  rotate(options?: { retireOld?: boolean }): Promise<TestKey>;
  sign(payload: JWTPayload, options?: SignOptions): Promise<string>;
  /** The two tokens a signed-in browser sends, as the dev IdP issues them, valid for an hour. */
  tokensFor(person: TokenPerson): Promise<{ accessToken: string; idToken: string }>;
  close(): Promise<void>;
}

/** Whom tokensFor vouches for: a persona's claims. */
export interface TokenPerson {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly groups: readonly string[];
}

/** The audience and client id tokensFor uses: the dev stack's (config/dev-stack.yaml). */
export const TEST_API_AUDIENCE = 'urn:elevate:api';
export const TEST_CLIENT_ID = 'elevate-web';

let kidCounter = 0;

export async function createTestKey(alg: 'RS256' | 'ES256' = 'RS256'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  kidCounter += 1;
  const kid = `test-key-${kidCounter}`;
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
  };
}

export async function signWith(
  key: TestKey,
  payload: JWTPayload,
  options: SignOptions = {},
): Promise<string> {
  const typ = options.typ === undefined ? 'JWT' : options.typ;
  return new SignJWT(payload)
    .setProtectedHeader({
      alg: key.alg,
      kid: options.kid ?? key.kid,
      ...(typ === null ? {} : { typ }),
    })
    .sign(key.privateKey);
}

/** Starts a test issuer on 127.0.0.1:0. Its issuer URL can be overridden to impersonate another IdP. */
export async function startTestIssuer(
  options: { alg?: 'RS256' | 'ES256'; issuer?: string } = {},
): Promise<TestIssuer> {
  const fetches = { discovery: 0, jwks: 0 };
  let keys: TestKey[] = [await createTestKey(options.alg)];
  let issuer = '';
  const server = createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      fetches.discovery += 1;
      send({
        issuer,
        jwks_uri: `${base}/jwks`,
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      });
    } else if (request.url === '/jwks') {
      fetches.jwks += 1;
      send({ keys: keys.map((key) => key.publicJwk) });
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  issuer = options.issuer ?? base;

  const sign: TestIssuer['sign'] = (payload, signOptions = {}) => {
    const [current] = keys;
    const key = signOptions.key ?? current;
    if (key === undefined) throw new Error('test issuer has no key');
    return signWith(key, payload, signOptions);
  };

  return {
    issuer,
    jwksUri: `${base}/jwks`,
    get keys() {
      return keys;
    },
    fetches,
    async rotate(rotateOptions = {}) {
      const next = await createTestKey(options.alg);
      keys = rotateOptions.retireOld ? [next] : [next, ...keys];
      return next;
    },
    sign,
    async tokensFor(person) {
      const seconds = Math.floor(Date.now() / 1000);
      const base = { iss: issuer, sub: person.sub, iat: seconds, exp: seconds + 3600 };
      return {
        accessToken: await sign(
          { ...base, aud: TEST_API_AUDIENCE, client_id: TEST_CLIENT_ID, scp: ['openid'] },
          { typ: 'at+jwt' },
        ),
        idToken: await sign({
          ...base,
          aud: TEST_CLIENT_ID,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: [...person.groups],
          amr: ['pwd', 'mfa'],
          auth_time: seconds - 60,
        }),
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
