import { runtimeConfigSchema } from '@elevate/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { User } from 'oidc-client-ts';
import { useEffect, useState } from 'react';
import { AuthProvider } from './auth-provider';
import { createAuthSession } from './auth-session';
import { useAuth } from './auth-context';
import { needsRenewal } from './id-token-expiry';
import { createUserManager } from './user-manager';

const config = runtimeConfigSchema.parse({
  authority: 'http://idp.test',
  clientId: 'elevate-web',
  apiUrl: 'http://api.test',
  redirectPath: '/auth/callback',
});
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A session whose access token lives `accessSeconds` more and whose ID token lives `idSeconds` more. */
function session(accessSeconds: number, idSeconds: number, idToken = 'id-token'): User {
  const now = nowSeconds();
  const profile = {
    sub: 's-1',
    iss: 'http://idp.test',
    aud: 'elevate-web',
    exp: now + idSeconds,
    iat: now - 60,
  };
  return new User({
    access_token: `access-${idToken}`,
    id_token: idToken,
    token_type: 'Bearer',
    profile,
    expires_at: now + accessSeconds,
  });
}

function TokensProbe() {
  const { getTokens } = useAuth();
  const [idToken, setIdToken] = useState('(none)');
  useEffect(() => {
    void getTokens().then((tokens) => setIdToken(tokens?.idToken ?? '(null)'));
  }, [getTokens]);
  return <p>id token: {idToken}</p>;
}

describe('renewing the session before the API sees it', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.sessionStorage.clear();
  });

  it('renews when the ID token has expired or is within 30 s of it, though the access token is fine', () => {
    expect(needsRenewal(session(3600, 3600))).toBe(false);
    expect(needsRenewal(session(3600, 31))).toBe(false);
    expect(needsRenewal(session(3600, 30))).toBe(true);
    expect(needsRenewal(session(3600, -10))).toBe(true);
    expect(needsRenewal(session(-10, 3600))).toBe(true);
  });

  it('getTokens hands out a renewed ID token instead of one about to expire', async () => {
    const userManager = createUserManager(config);
    await userManager.storeUser(session(3600, 10, 'stale-id-token'));
    const renew = vi
      .spyOn(userManager, 'signinSilent')
      .mockResolvedValue(session(3600, 3600, 'fresh-id-token'));
    render(
      <AuthProvider session={createAuthSession(config, async () => userManager)}>
        <TokensProbe />
      </AuthProvider>,
    );
    await waitFor(() => expect(screen.getByText('id token: fresh-id-token')).toBeTruthy());
    expect(renew).toHaveBeenCalled();
  });

  it('getTokens does not renew a session whose tokens both have time left', async () => {
    const userManager = createUserManager(config);
    await userManager.storeUser(session(3600, 3600, 'current-id-token'));
    const renew = vi.spyOn(userManager, 'signinSilent');
    render(
      <AuthProvider session={createAuthSession(config, async () => userManager)}>
        <TokensProbe />
      </AuthProvider>,
    );
    await waitFor(() => expect(screen.getByText('id token: current-id-token')).toBeTruthy());
    expect(renew).not.toHaveBeenCalled();
  });
});
