// Starts oauth2-mock-server on loopback for the second-IdP journey. It signs in whoever the browser
// names in a cookie (it has no login page), and shapes its tokens as an operator would configure
// claims at their IdP: e-mail, name and groups in the ID token, the API audience in the access token.
import type { IncomingMessage } from 'node:http';
import { OAuth2Server } from 'oauth2-mock-server';
import { people, secondIdp } from './second-idp';
import type { PersonKey } from './second-idp';

type Person = (typeof people)[PersonKey];

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(secondIdp.port, '127.0.0.1');
server.issuer.url = secondIdp.issuer;

const byCode = new Map<string, Person>();
const byRefreshToken = new Map<string, Person>();

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name) return value;
  }
  return undefined;
}

function personOf(body: Record<string, unknown>): Person | undefined {
  if (typeof body['code'] === 'string') return byCode.get(body['code']);
  if (typeof body['refresh_token'] === 'string') return byRefreshToken.get(body['refresh_token']);
  return undefined;
}

server.service.on('beforeAuthorizeRedirect', (redirect: { url: URL }, req: IncomingMessage) => {
  const who = cookie(req, secondIdp.userCookie);
  const code = redirect.url.searchParams.get('code');
  if (code !== null && who !== undefined && who in people)
    byCode.set(code, people[who as PersonKey]);
});

server.service.on(
  'beforeTokenSigning',
  (
    token: { header: Record<string, unknown>; payload: Record<string, unknown> },
    req: IncomingMessage & { body: Record<string, unknown> },
  ) => {
    const person = personOf(req.body);
    if (person === undefined) return;
    const now = Math.floor(Date.now() / 1000);
    if (token.payload['aud'] === secondIdp.clientId) {
      Object.assign(token.payload, {
        sub: person.sub,
        email: person.email,
        email_verified: true,
        name: person.name,
        groups: [...person.groups],
        auth_time: now,
      });
    } else {
      Object.assign(token.payload, {
        sub: person.sub,
        aud: secondIdp.audience,
        client_id: secondIdp.clientId,
        scope: 'openid profile email',
      });
    }
  },
);

server.service.on(
  'beforeResponse',
  (
    response: { body: Record<string, unknown> },
    req: IncomingMessage & { body: Record<string, unknown> },
  ) => {
    const person = personOf(req.body);
    const refreshToken = response.body['refresh_token'];
    if (person !== undefined && typeof refreshToken === 'string')
      byRefreshToken.set(refreshToken, person);
  },
);

console.log(`second IdP (oauth2-mock-server) ready at ${secondIdp.issuer}`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
