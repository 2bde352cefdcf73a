import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import type { TokenVerifier } from './token-verifier';
import { cachingVerifiedPairs } from './verified-pair-cache';
import type { VerifiedIdentity } from './verified-identity';

const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
const token = (claims: Record<string, unknown>): string => new UnsecuredJWT(claims).encode();
const alice: VerifiedIdentity = {
  sub: 'alice',
  email: 'alice@example.com',
  name: 'Alice',
  groups: ['engineers'],
  amr: ['pwd'],
};

/** A verifier that counts its calls and answers alice, or refuses while `refuse` is set. */
function countingVerifier(): TokenVerifier & { calls: number; refuse: boolean } {
  const verifier = {
    calls: 0,
    refuse: false,
    verify: async () => {
      verifier.calls += 1;
      if (verifier.refuse) throw new AuthError('TOKEN_INVALID', { reason: 'signature' });
      return { ...alice, groups: [...alice.groups], amr: [...alice.amr] };
    },
  };
  return verifier;
}

/** A counting verifier behind a cache whose two clocks the test moves: the wall's and the age's. */
function cacheWithClocks(maxAgeMs: number) {
  const inner = countingVerifier();
  const clock = { wall: T0, elapsed: 0 };
  const cached = cachingVerifiedPairs(inner, {
    now: () => clock.wall,
    monotonicMs: () => clock.elapsed,
    maxAgeMs,
  });
  return { inner, cached, clock };
}

describe('cachingVerifiedPairs', () => {
  const access = token({ sub: 'alice', exp: T0 / 1000 + 3600 });
  const id = token({ sub: 'alice', exp: T0 / 1000 + 600 });

  it('verifies a pair once and answers the same pair from memory, frozen', async () => {
    const inner = countingVerifier();
    const cached = cachingVerifiedPairs(inner, { now: () => T0 });
    const first = await cached.verify(access, id);
    const again = await cached.verify(access, id);
    expect(inner.calls).toBe(1);
    expect(again).toEqual(alice);
    expect(again).toBe(first);
    expect(Object.isFrozen(again) && Object.isFrozen(again.groups)).toBe(true);
  });

  it('verifies any other pair itself', async () => {
    const inner = countingVerifier();
    const cached = cachingVerifiedPairs(inner, { now: () => T0 });
    await cached.verify(access, id);
    await cached.verify(access, token({ sub: 'alice', exp: T0 / 1000 + 600, nonce: 'x' }));
    expect(inner.calls).toBe(2);
  });

  it('verifies again once the earlier exp has passed, with no skew', async () => {
    const { inner, cached, clock } = cacheWithClocks(3_600_000);
    await cached.verify(access, id);
    clock.wall = T0 + 599_999;
    await cached.verify(access, id);
    expect(inner.calls).toBe(1);
    clock.wall = T0 + 600_000;
    inner.refuse = true;
    await expect(cached.verify(access, id)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    expect(inner.calls).toBe(2);
  });

  it('verifies again after the maximum age, though the tokens are still valid', async () => {
    const { inner, cached, clock } = cacheWithClocks(60_000);
    await cached.verify(access, id);
    clock.elapsed = 59_999;
    await cached.verify(access, id);
    clock.elapsed = 60_000;
    await cached.verify(access, id);
    expect(inner.calls).toBe(2);
  });

  it('ages entries by a clock that never steps back, whatever the wall clock does', async () => {
    const { inner, cached, clock } = cacheWithClocks(60_000);
    await cached.verify(access, id);
    clock.wall = T0 - 3_600_000;
    clock.elapsed = 60_000;
    await cached.verify(access, id);
    expect(inner.calls).toBe(2);
  });

  it('never remembers a refusal', async () => {
    const inner = countingVerifier();
    const cached = cachingVerifiedPairs(inner, { now: () => T0 });
    inner.refuse = true;
    await expect(cached.verify(access, id)).rejects.toBeInstanceOf(AuthError);
    await expect(cached.verify(access, id)).rejects.toBeInstanceOf(AuthError);
    inner.refuse = false;
    await expect(cached.verify(access, id)).resolves.toEqual(alice);
    expect(inner.calls).toBe(3);
  });

  it('hands a missing token to the verifier as it came, every time', async () => {
    const seen: unknown[][] = [];
    const inner: TokenVerifier = {
      verify: async (...pair) => {
        seen.push(pair);
        throw new AuthError('TOKEN_MISSING', { token: pair[0] ? 'id' : 'access' });
      },
    };
    const cached = cachingVerifiedPairs(inner, { now: () => T0 });
    await expect(cached.verify(undefined, id)).rejects.toMatchObject({ token: 'access' });
    await expect(cached.verify(access, '')).rejects.toMatchObject({ token: 'id' });
    await expect(cached.verify(access, '')).rejects.toMatchObject({ token: 'id' });
    expect(seen).toEqual([
      [undefined, id],
      [access, ''],
      [access, ''],
    ]);
  });

  it('tells apart pairs whose strings join to the same text', async () => {
    const inner = countingVerifier();
    const cached = cachingVerifiedPairs(inner, { now: () => T0 });
    await cached.verify(`${access}.x`, id);
    await cached.verify(access, `.x${id}`);
    expect(inner.calls).toBe(2);
  });

  it('keeps at most maxEntries pairs, dropping the oldest', async () => {
    const inner = countingVerifier();
    const cached = cachingVerifiedPairs(inner, { now: () => T0, maxEntries: 2 });
    const ids = [1, 2, 3].map((n) => token({ sub: 'alice', exp: T0 / 1000 + 600, n }));
    for (const each of ids) await cached.verify(access, each);
    await cached.verify(access, ids[2]);
    await cached.verify(access, ids[1]);
    expect(inner.calls).toBe(3);
    await cached.verify(access, ids[0]);
    expect(inner.calls).toBe(4);
  });
});
