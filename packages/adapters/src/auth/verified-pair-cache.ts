import { decodeJwt } from 'jose';
import type { TokenVerifier } from './token-verifier';
import type { VerifiedIdentity } from './verified-identity';

export interface VerifiedPairCacheOptions {
  /**
   * How long one full verification answers for the very same pair of token strings. It bounds how
   * long a key withdrawn from the IdP's JWKS keeps a pair it verified valid here — far less than the
   * JWKS cache itself keeps keys (`jwksRefreshAfterMs`, 10 minutes).
   */
  maxAgeMs?: number;
  /** Pairs remembered per process; the oldest goes first. */
  maxEntries?: number;
  /** Epoch milliseconds. */
  now?: () => number;
}

interface Verified {
  identity: VerifiedIdentity;
  /** Epoch ms: the earlier of the two tokens' `exp` (no skew allowed) and the entry's maximum age. */
  until: number;
}

/**
 * Remembers, for a short while, the identity a full verification found for a pair of token strings:
 * the SPA sends the same pair with every call, and verifying it again (two signatures, the claims)
 * is a third of a list call's CPU. A hit is the same bytes already checked against the same keys;
 * only time could make it fail, and expiry is checked on every hit, without the verifier's skew.
 * Failures are never remembered. Tokens stay in this process's memory only, as they already are
 * while a call is served. Why this is safe: docs/decisions/0007-verified-token-pairs.md.
 */
export function cachingVerifiedPairs(
  verifier: TokenVerifier,
  options: VerifiedPairCacheOptions = {},
): TokenVerifier {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, Verified>();
  return {
    async verify(accessToken, idToken) {
      if (!accessToken || !idToken) return verifier.verify(accessToken, idToken);
      // Neither token can hold a space (both are base64url), so the key is unambiguous.
      const key = `${accessToken} ${idToken}`;
      const hit = verified.get(key);
      if (hit !== undefined) {
        if (now() < hit.until) return hit.identity;
        verified.delete(key);
      }
      // Frozen: every call holding this pair shares the one object.
      const identity = frozen(await verifier.verify(accessToken, idToken));
      const until = Math.min(now() + maxAgeMs, expiryOf(accessToken), expiryOf(idToken));
      if (verified.size >= maxEntries) {
        const oldest = verified.keys().next();
        if (oldest.done !== true) verified.delete(oldest.value);
      }
      verified.set(key, { identity, until });
      return identity;
    },
  };
}

function frozen(identity: VerifiedIdentity): VerifiedIdentity {
  Object.freeze(identity.groups);
  Object.freeze(identity.amr);
  if (identity.acrs !== undefined) Object.freeze(identity.acrs);
  return Object.freeze(identity);
}

/** A verified JWT's `exp` in epoch ms; an opaque access token (bound by `at_hash`) has none. */
function expiryOf(token: string): number {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
