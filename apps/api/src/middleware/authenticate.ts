import type { Context, MiddlewareHandler } from 'hono';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import type { AuthedEnv } from '../app-env';
import { setOnAnswer } from '../http/answer-headers';
import type { CallTokens } from '../use-cases/call';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** Reads both tokens from the headers each time, so no token ever sits in the context. */
export const tokensOf = (c: Context): CallTokens => ({
  accessToken: BEARER.exec(c.req.header('authorization') ?? '')?.[1],
  idToken: c.req.header(ID_TOKEN_HEADER),
});

/**
 * Verifies `Authorization: Bearer <access token>` plus the ID token header and puts the actor in
 * the context. Failures throw the verifier's AuthError, which the error handler turns into a 401.
 */
export function authenticate(verifier: TokenVerifier): MiddlewareHandler<AuthedEnv> {
  return async (c, next) => {
    const { accessToken, idToken } = tokensOf(c);
    c.set('actor', await verifier.verify(accessToken, idToken));
    await next();
    // Answers about a person are theirs alone: no shared caches.
    setOnAnswer(c, 'cache-control', 'no-store');
  };
}

/**
 * A verifier for the rest of one call: the very tokens `authenticate` verified answer with the
 * identity it found, without verifying them twice; any other tokens (or none verified yet) go to
 * the real verifier. Lives only as long as the call; keeps no token beyond it.
 */
export function reusingVerified(
  verifier: TokenVerifier,
  verified: CallTokens,
  actor: VerifiedIdentity | undefined,
): TokenVerifier {
  return {
    verify: async (accessToken, idToken) =>
      actor !== undefined &&
      accessToken !== undefined &&
      accessToken === verified.accessToken &&
      idToken === verified.idToken
        ? actor
        : verifier.verify(accessToken, idToken),
  };
}
