import { describe, expect, it } from 'vitest';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { reusingVerified } from './authenticate';

const alice: VerifiedIdentity = {
  sub: 'alice',
  email: 'alice@example.com',
  name: 'Alice',
  groups: ['engineers'],
  amr: ['pwd', 'mfa'],
  authTime: '2030-01-01T08:55:00.000Z',
};

function countingVerifier(): TokenVerifier & {
  calls: [string | null | undefined, string | null | undefined][];
} {
  const calls: [string | null | undefined, string | null | undefined][] = [];
  return {
    calls,
    verify: async (accessToken, idToken) => {
      calls.push([accessToken, idToken]);
      return { ...alice, sub: 'from-the-verifier' };
    },
  };
}

describe('reusing the middleware’s verification within one call', () => {
  it('answers the very tokens already verified with their identity, verifying nothing again', async () => {
    const verifier = countingVerifier();
    const reuse = reusingVerified(verifier, { accessToken: 'a', idToken: 'i' }, alice);
    await expect(reuse.verify('a', 'i')).resolves.toBe(alice);
    expect(verifier.calls).toEqual([]);
  });

  it('verifies any other tokens, and everything when nothing was verified yet', async () => {
    const verifier = countingVerifier();
    const reuse = reusingVerified(verifier, { accessToken: 'a', idToken: 'i' }, alice);
    await reuse.verify('a', 'other');
    await reuse.verify('other', 'i');
    await reuse.verify(undefined, undefined);
    const unverified = reusingVerified(verifier, { accessToken: 'a', idToken: 'i' }, undefined);
    await expect(unverified.verify('a', 'i')).resolves.toMatchObject({ sub: 'from-the-verifier' });
    expect(verifier.calls).toEqual([
      ['a', 'other'],
      ['other', 'i'],
      [undefined, undefined],
      ['a', 'i'],
    ]);
  });
});
