import { describe, expect, it, vi } from 'vitest';
import { User } from 'oidc-client-ts';
import { completeSignIn } from './signin-callback';

function fakeUser(state: unknown): User {
  const profile = { sub: 's-1', iss: 'http://idp.test', aud: 'elevate-web', exp: 0, iat: 0 };
  return new User({ access_token: 'a', token_type: 'Bearer', profile, userState: state });
}

describe('sign-in callback guard', () => {
  it('redeems the code once when the callback runs twice, and both callers get the same result', async () => {
    const signinCallback = vi.fn(async () => fakeUser({ returnTo: '/audit?status=active' }));
    const url = 'http://127.0.0.1:5173/auth/callback?code=one&state=s1';
    const [first, second] = await Promise.all([
      completeSignIn(async () => ({ signinCallback }), url),
      completeSignIn(async () => ({ signinCallback }), url),
    ]);
    expect(signinCallback).toHaveBeenCalledTimes(1);
    expect(signinCallback).toHaveBeenCalledWith(url);
    expect(first).toBe('/audit?status=active');
    expect(second).toBe('/audit?status=active');
  });

  it('handles a different callback URL on its own', async () => {
    const signinCallback = vi.fn(async () => fakeUser(undefined));
    await completeSignIn(
      async () => ({ signinCallback }),
      'http://127.0.0.1:5173/auth/callback?code=two&state=s2',
    );
    await completeSignIn(
      async () => ({ signinCallback }),
      'http://127.0.0.1:5173/auth/callback?code=three&state=s3',
    );
    expect(signinCallback).toHaveBeenCalledTimes(2);
  });

  it('gives both callers the same failure without retrying the code', async () => {
    const signinCallback = vi.fn(async (): Promise<User> => {
      throw new Error('No matching state found in storage');
    });
    const url = 'http://127.0.0.1:5173/auth/callback?code=four&state=s4';
    await expect(completeSignIn(async () => ({ signinCallback }), url)).rejects.toThrow(
      'No matching state',
    );
    await expect(completeSignIn(async () => ({ signinCallback }), url)).rejects.toThrow(
      'No matching state',
    );
    expect(signinCallback).toHaveBeenCalledTimes(1);
  });
});
