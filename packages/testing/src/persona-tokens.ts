import { AuthError } from '@elevate/adapters';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { personas } from '@elevate/domain/testing/personas';
import type { PersonaName } from '@elevate/domain/testing/personas';

/** When the API suites' personas signed in: five minutes before their clock starts. */
export const PERSONA_AUTH_TIME = '2030-01-01T08:55:00.000Z';

/** The personas as the token verifier hands them to the API: signed in with a password and MFA. */
export const PERSONAS = Object.fromEntries(
  Object.entries(personas).map(([key, person]) => [
    key,
    { ...person, groups: [...person.groups], amr: ['pwd', 'mfa'], authTime: PERSONA_AUTH_TIME },
  ]),
) as Record<PersonaName, VerifiedIdentity>;

/** `Bearer persona.<sub>` + the matching ID token header. */
export function personaHeaders(identity: VerifiedIdentity): Record<string, string> {
  return {
    authorization: `Bearer persona.${identity.sub}`,
    [ID_TOKEN_HEADER]: `id.${identity.sub}`,
  };
}

export interface PersonaVerifier extends TokenVerifier {
  /** How many verifications were asked for. */
  readonly calls: number;
  /** From now on `identity.sub`'s tokens say this (groups, amr, auth_time), as a fresh sign-in would. */
  set(identity: VerifiedIdentity): void;
  /** The next `n` verifications succeed, then every one fails as expired. */
  failAfter(n: number): void;
}

/**
 * Maps a persona's test tokens (personaHeaders) to the persona without any crypto, so the suites
 * stay fast; the real verifier has its own attack tests (packages/adapters) and a wiring test
 * (apps/api compose-app.test.ts) against startTestIssuer's signed tokens.
 */
export function personaVerifier(
  identities: readonly VerifiedIdentity[] = Object.values(PERSONAS),
): PersonaVerifier {
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));
  let remaining = Number.POSITIVE_INFINITY;
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    set: (identity) => void bySub.set(identity.sub, identity),
    failAfter: (n) => {
      remaining = n;
    },
    async verify(accessToken, idToken) {
      calls += 1;
      if (!accessToken) throw new AuthError('TOKEN_MISSING', { token: 'access' });
      if (!idToken) throw new AuthError('TOKEN_MISSING', { token: 'id' });
      if (remaining <= 0) throw new AuthError('TOKEN_EXPIRED', { token: 'access', reason: 'exp' });
      remaining -= 1;
      const sub = accessToken.replace(/^persona\./, '');
      const identity = bySub.get(sub);
      if (identity === undefined || idToken !== `id.${sub}`)
        throw new AuthError('TOKEN_INVALID', { reason: 'signature' });
      return identity;
    },
  };
}
