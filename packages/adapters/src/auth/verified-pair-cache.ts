import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { TokenVerifier } from './token-verifier';
import type { VerifiedIdentity } from './verified-identity';

export interface VerifiedPairCacheOptions {
  /**
   * How long one full verification answers for the very same pair of token strings: the longest a
   * pair keeps passing here after its key left the IdP's JWKS (once the JWKS cache has let it go).
   */
  maxAgeMs?: number;
  /** Pairs remembered per process; the oldest goes first. */
  maxEntries?: number;
  /** Epoch milliseconds: what the tokens' `exp` is compared with. */
  now?: () => number;
  /** A clock that never steps back, for the entries' age. */
  monotonicMs?: () => number;
}

interface Verified {
  identity: VerifiedIdentity;
  /** Epoch ms: the earlier of the two tokens' `exp` (no skew allowed). */
  expiresAt: number;
  /** Monotonic ms: when the entry is too old to answer. */
  staleAt: number;
}

/**
 * Remembers, for a short while, the identity a full verification found for a pair of token strings:
 * the SPA sends the same pair with every call, and verifying it again (two signatures, the claims)
 * was a third of a list call's CPU. A hit is the same bytes already checked against the same keys;
 * only time could make it fail, and expiry is checked on every hit, without the verifier's skew.
 * Failures are never remembered, and no token is kept: entries are keyed by a SHA-256 of the pair.
 * Why this is safe: docs/decisions/0007-verified-token-pairs.md.
 */
export function cachingVerifiedPairs(
  verifier: TokenVerifier,
  options: VerifiedPairCacheOptions = {},
): TokenVerifier {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const verified = new Map<string, Verified>();
  return {
    async verify(accessToken, idToken) {
      if (!accessToken || !idToken) return verifier.verify(accessToken, idToken);
      const key = pairKey(accessToken, idToken);
      const hit = verified.get(key);
      if (hit !== undefined) {
        if (now() < hit.expiresAt && monotonicMs() < hit.staleAt) return hit.identity;
        verified.delete(key);
      }
      // Frozen: every call holding this pair shares the one object.
      const identity = frozen(await verifier.verify(accessToken, idToken));
      if (!verified.has(key) && verified.size >= maxEntries) {
        const oldest = verified.keys().next();
        if (oldest.done !== true) verified.delete(oldest.value);
      }
      verified.set(key, {
        identity,
        expiresAt: Math.min(expiryOf(accessToken), expiryOf(idToken)),
        staleAt: monotonicMs() + maxAgeMs,
      });
      return identity;
    },
  };
}

/** The pair's digest; the access token's length first, so no two pairs share the hashed text. */
function pairKey(accessToken: string, idToken: string): string {
  return createHash('sha256')
    .update(`${accessToken.length}:${accessToken}${idToken}`)
    .digest('base64url');
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
