// The bench's identity provider: an RS256 key published as an OpenID issuer's JWKS on loopback, and
// tokens signed with it exactly as the dev IdP issues them (a JWT access token `at+jwt` and an ID
// token). The API verifies them with its real verifier — signature, issuer, audience, expiry.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const BENCH_AUDIENCE = 'urn:elevate:api';
export const BENCH_CLIENT_ID = 'elevate-web';

export interface BenchIssuer {
  readonly issuer: string;
  readonly jwksUri: string;
  /** The two tokens a signed-in browser sends, valid for an hour. */
  tokensFor(person: {
    sub: string;
    email: string;
    name: string;
    groups: readonly string[];
  }): Promise<{ accessToken: string; idToken: string }>;
  close(): Promise<void>;
}

export async function startBenchIssuer(): Promise<BenchIssuer> {
  const kid = 'bench-key';
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/.well-known/openid-configuration')
      response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    else if (request.url === '/jwks') response.end(JSON.stringify({ keys: [jwk] }));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (payload: Record<string, unknown>, typ: string) => {
    const seconds = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, iat: seconds, exp: seconds + 3600, ...payload })
      .setProtectedHeader({ alg: 'RS256', kid, typ })
      .sign(privateKey);
  };
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    async tokensFor(person) {
      const authTime = Math.floor(Date.now() / 1000) - 60;
      return {
        accessToken: await sign(
          { sub: person.sub, aud: BENCH_AUDIENCE, client_id: BENCH_CLIENT_ID, scp: ['openid'] },
          'at+jwt',
        ),
        idToken: await sign(
          {
            sub: person.sub,
            aud: BENCH_CLIENT_ID,
            email: person.email,
            email_verified: true,
            name: person.name,
            groups: [...person.groups],
            amr: ['pwd', 'mfa'],
            auth_time: authTime,
          },
          'JWT',
        ),
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
