import { describe, expect, it, vi } from 'vitest';
import type { TokenVerifier, VerifiedIdentity } from '@elevate/adapters';
import { verifierByIdTokenAudience } from './client-verifiers';

const unsignedJwt = (payload: object) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

function fakeVerifier(name: string): TokenVerifier & { verify: ReturnType<typeof vi.fn> } {
  return { verify: vi.fn(async () => ({ sub: name }) as unknown as VerifiedIdentity) };
}

describe('verifierByIdTokenAudience', () => {
  const web = fakeVerifier('web');
  const cli = fakeVerifier('cli');
  const verifier = verifierByIdTokenAudience(
    new Map([
      ['elevate-web', web],
      ['elevate-cli', cli],
    ]),
  );

  it('lets the CLI client verify ID tokens issued to the CLI', async () => {
    await expect(verifier.verify('at', unsignedJwt({ aud: 'elevate-cli' }))).resolves.toEqual({
      sub: 'cli',
    });
    expect(cli.verify).toHaveBeenCalledWith('at', expect.any(String));
  });

  it('finds the client among several audiences', async () => {
    await expect(
      verifier.verify('at', unsignedJwt({ aud: ['other', 'elevate-cli'] })),
    ).resolves.toEqual({ sub: 'cli' });
  });

  it('sends unknown, prototype-named and unreadable audiences to the first client, which refuses them itself', async () => {
    for (const idToken of [
      unsignedJwt({ aud: 'someone-else' }),
      unsignedJwt({ aud: '__proto__' }),
      'not a jwt',
      undefined,
    ]) {
      await expect(verifier.verify('at', idToken)).resolves.toEqual({ sub: 'web' });
    }
  });
});
