import { decodeJwt } from 'jose';
import type { TokenVerifier } from '@elevate/adapters';

/**
 * The SPA and the `elevate` CLI are two OIDC clients of one IdP, so their ID tokens carry different
 * `aud`s. The unverified `aud` only picks which client's verifier runs; that verifier then checks
 * everything (signature, issuer, audience, expiry) as if it were the only one. An unknown or
 * unreadable `aud` goes to the first verifier, which refuses it with its usual error.
 */
export function verifierByIdTokenAudience(
  byClientId: ReadonlyMap<string, TokenVerifier>,
): TokenVerifier {
  const fallback = [...byClientId.values()][0];
  if (fallback === undefined) throw new Error('at least one client verifier is required');
  return {
    verify(accessToken, idToken) {
      const chosen = audienceOf(idToken)
        .map((aud) => byClientId.get(aud))
        .find((verifier) => verifier !== undefined);
      return (chosen ?? fallback).verify(accessToken, idToken);
    },
  };
}

function audienceOf(token: string | null | undefined): string[] {
  if (!token) return [];
  try {
    const { aud } = decodeJwt(token);
    return typeof aud === 'string' ? [aud] : (aud ?? []);
  } catch {
    return [];
  }
}
