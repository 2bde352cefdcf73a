import type { MiddlewareHandler } from 'hono';
import type { TokenVerifier } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Verifies `Authorization: Bearer <access token>` plus the ID token header and puts the actor in
 * the context. Failures throw the verifier's AuthError, which the error handler turns into a 401.
 */
export function authenticate(verifier: TokenVerifier): MiddlewareHandler<AuthedEnv> {
  return async (c, next) => {
    const accessToken = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    const idToken = c.req.header(ID_TOKEN_HEADER);
    c.set('actor', await verifier.verify(accessToken, idToken));
    await next();
    // Answers about a person are theirs alone: no shared caches.
    c.header('cache-control', 'no-store');
  };
}
