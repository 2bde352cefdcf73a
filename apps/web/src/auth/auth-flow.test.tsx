import { runtimeConfigSchema } from '@elevate/contracts';
import { StrictMode, useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { User, type UserManager } from 'oidc-client-ts';
import { AuthCallbackPage } from './auth-callback-page';
import { AuthProvider, STEP_UP_NOTICE } from './auth-provider';
import { createAuthSession } from './auth-session';
import { RequireAuth } from './require-auth';
import { useAuth } from './auth-context';
import { createUserManager } from './user-manager';

const config = runtimeConfigSchema.parse({
  authority: 'http://idp.test',
  clientId: 'elevate-web',
  apiUrl: 'http://api.test',
  redirectPath: '/auth/callback',
});

function userReturningTo(returnTo: string): User {
  const profile = { sub: 's-1', iss: 'http://idp.test', aud: 'elevate-web', exp: 0, iat: 0 };
  return new User({ access_token: 'a', token_type: 'Bearer', profile, userState: { returnTo } });
}

function renderAt(
  path: string,
  routes: Parameters<typeof createMemoryRouter>[0],
  userManager = createUserManager(config),
) {
  window.history.replaceState(null, '', path);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <StrictMode>
      <AuthProvider session={createAuthSession(config, async () => userManager)}>
        <RouterProvider router={router} />
      </AuthProvider>
    </StrictMode>,
  );
  return userManager;
}

describe('sign-in flow', () => {
  afterEach(() => {
    cleanup();
    window.sessionStorage.clear();
  });

  it('redeems the code once under StrictMode and returns to the page the user came from', async () => {
    const userManager = createUserManager(config);
    const signinCallback = vi
      .spyOn(userManager, 'signinCallback')
      .mockResolvedValue(userReturningTo('/audit?status=active'));
    renderAt(
      '/auth/callback?code=strict&state=s',
      [
        { path: '/auth/callback', element: <AuthCallbackPage /> },
        { path: '/audit', element: <p>Audit page</p> },
      ],
      userManager,
    );
    expect(await screen.findByText('Audit page')).toBeTruthy();
    expect(signinCallback).toHaveBeenCalledTimes(1);
  });

  it('explains a failed callback and offers to sign in again', async () => {
    const userManager = createUserManager(config);
    vi.spyOn(userManager, 'signinCallback').mockRejectedValue(
      new Error('No matching state found in storage'),
    );
    renderAt(
      '/auth/callback?code=stale&state=gone',
      [{ path: '/auth/callback', element: <AuthCallbackPage /> }],
      userManager,
    );
    expect(await screen.findByText('Sign-in did not complete')).toBeTruthy();
    expect(screen.getByText('No matching state found in storage')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });

  it('sends a signed-out visitor to the IdP once, remembering the exact page', async () => {
    const userManager = createUserManager(config);
    const signinRedirect = vi.spyOn(userManager, 'signinRedirect').mockResolvedValue(undefined);
    renderAt(
      '/audit?status=active#r-1',
      [
        {
          path: '/audit',
          element: (
            <RequireAuth>
              <p>Audit page</p>
            </RequireAuth>
          ),
        },
      ],
      userManager,
    );
    expect(await screen.findByText('Taking you to sign in')).toBeTruthy();
    await vi.waitFor(() => expect(signinRedirect).toHaveBeenCalled());
    expect(signinRedirect).toHaveBeenCalledTimes(1);
    expect(signinRedirect).toHaveBeenCalledWith({
      state: { returnTo: '/audit?status=active#r-1' },
      nonce: expect.stringMatching(/^[\w-]{43}$/) as unknown,
    });
    expect(screen.queryByText('Audit page')).toBeNull();
  });

  it('says the sign-in service is unreachable instead of waiting forever, and can try again', async () => {
    const userManager = createUserManager(config);
    const signinRedirect = vi
      .spyOn(userManager, 'signinRedirect')
      .mockRejectedValue(new Error('Failed to fetch'));
    renderAt(
      '/audit',
      [
        {
          path: '/audit',
          element: (
            <RequireAuth>
              <p>Audit page</p>
            </RequireAuth>
          ),
        },
      ],
      userManager,
    );
    expect(await screen.findByText('Cannot reach the sign-in service')).toBeTruthy();
    screen.getByRole('button', { name: 'Try again' }).click();
    await vi.waitFor(() => expect(signinRedirect).toHaveBeenCalledTimes(2));
  });

  it('shows the signed-out page instead of redirecting where one is given', async () => {
    const userManager = createUserManager(config);
    const signinRedirect = vi.spyOn(userManager, 'signinRedirect').mockResolvedValue(undefined);
    renderAt(
      '/',
      [
        {
          path: '/',
          element: (
            <RequireAuth signedOut={<p>What Elevate is</p>}>
              <p>Home</p>
            </RequireAuth>
          ),
        },
      ],
      userManager,
    );
    expect(await screen.findByText('What Elevate is')).toBeTruthy();
    expect(signinRedirect).not.toHaveBeenCalled();
  });

  it('keeps amr and auth_time in the profile, which oidc-client-ts would otherwise drop', () => {
    const filtered = createUserManager(config).settings.filterProtocolClaims;
    expect(Array.isArray(filtered)).toBe(true);
    expect(filtered).not.toContain('amr');
    expect(filtered).not.toContain('auth_time');
    expect(filtered).toContain('nonce');
  });
  it("steps up with a forced fresh sign-in, the IdP's MFA request, and a notice for the way back", async () => {
    const entra = runtimeConfigSchema.parse({
      ...config,
      authorizeParams: { resource: 'api://elevate' },
      stepUp: {
        authorizeParams: { claims: '{"id_token":{"acrs":{"essential":true,"value":"c1"}}}' },
      },
    });
    const userManager = createUserManager(entra);
    const signinRedirect = vi.spyOn(userManager, 'signinRedirect').mockResolvedValue(undefined);
    function StepUpButton() {
      const { stepUp } = useAuth();
      return <button onClick={() => void stepUp('/?request=r-1')}>Step up</button>;
    }
    renderAt('/', [{ path: '/', element: <StepUpButton /> }], userManager);
    (await screen.findByRole('button', { name: 'Step up' })).click();
    await vi.waitFor(() => expect(signinRedirect).toHaveBeenCalledTimes(1));
    expect(signinRedirect).toHaveBeenCalledWith({
      state: { returnTo: '/?request=r-1', notice: STEP_UP_NOTICE },
      nonce: expect.any(String) as unknown,
      prompt: 'login',
      max_age: 0,
      extraQueryParams: {
        resource: 'api://elevate',
        claims: '{"id_token":{"acrs":{"essential":true,"value":"c1"}}}',
      },
    });
  });

  it('asks for the scope and extra parameters config.json names, and sends resource to the token endpoint too', () => {
    const settings = createUserManager(
      runtimeConfigSchema.parse({
        ...config,
        scope: 'openid profile email',
        authorizeParams: { audience: 'https://api.elevate', resource: 'https://api.elevate' },
      }),
    ).settings;
    expect(settings.scope).toBe('openid profile email');
    expect(settings.extraQueryParams).toEqual({
      audience: 'https://api.elevate',
      resource: 'https://api.elevate',
    });
    expect(settings.extraTokenParams).toEqual({ resource: 'https://api.elevate' });
  });

  it('shows the step-up notice once on the page the person returns to', async () => {
    const userManager = createUserManager(config);
    vi.spyOn(userManager, 'signinCallback').mockResolvedValue(
      new User({
        access_token: 'a',
        token_type: 'Bearer',
        profile: { sub: 's-1', iss: 'http://idp.test', aud: 'elevate-web', exp: 0, iat: 0 },
        userState: { returnTo: '/requests?status=active', notice: 'Click Access console again.' },
      }),
    );
    await userManager.storeUser(signedInUser());
    renderAt(
      '/auth/callback?code=c&state=s',
      [
        { path: '/auth/callback', element: <AuthCallbackPage /> },
        {
          path: '/requests',
          element: (
            <RequireAuth>
              <p>Requests page</p>
            </RequireAuth>
          ),
        },
      ],
      userManager,
    );
    expect(await screen.findByText('Requests page')).toBeTruthy();
    expect(screen.getByText('Click Access console again.')).toBeTruthy();
    expect(window.sessionStorage.getItem('elevate.sign-in-notice')).toBeNull();
  });

  it('signs out at the IdP from a guarded page without starting a new sign-in', async () => {
    const userManager = createUserManager(config);
    await userManager.storeUser(signedInUser());
    const signinRedirect = vi.spyOn(userManager, 'signinRedirect').mockResolvedValue(undefined);
    // As oidc-client-ts does: the user is removed (events fire) before the browser leaves.
    const signoutRedirect = vi
      .spyOn(userManager, 'signoutRedirect')
      .mockImplementation(async () => {
        await userManager.removeUser();
        await new Promise(() => undefined);
      });
    function SignOutButton() {
      const { signOut } = useAuth();
      return <button onClick={() => void signOut()}>Sign out</button>;
    }
    renderAt(
      '/audit',
      [
        {
          path: '/audit',
          element: (
            <RequireAuth>
              <SignOutButton />
            </RequireAuth>
          ),
        },
      ],
      userManager,
    );
    (await screen.findByRole('button', { name: 'Sign out' })).click();
    expect(await screen.findByText('Signing you out')).toBeTruthy();
    expect(signoutRedirect).toHaveBeenCalledWith({ redirectMethod: 'replace' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signinRedirect).not.toHaveBeenCalled();
  });
});

function signedInUser(accessSeconds = 3600): User {
  const nowSeconds = Math.floor(Date.now() / 1000);
  return new User({
    access_token: 'a',
    id_token: 'h.p.s',
    token_type: 'Bearer',
    expires_at: nowSeconds + accessSeconds,
    profile: {
      sub: 's-1',
      iss: 'http://idp.test',
      aud: 'elevate-web',
      exp: nowSeconds + 3600,
      iat: nowSeconds,
      name: 'Ada',
    },
  });
}

describe('the first load, without oidc-client-ts', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.sessionStorage.clear();
  });

  function TokensProbe() {
    const { status, user, getTokens } = useAuth();
    const [tokens, setTokens] = useState('(none)');
    useEffect(() => {
      if (status === 'signed-in')
        void getTokens().then((t) => setTokens(t ? `${t.accessToken} ${t.idToken}` : '(null)'));
    }, [status, getTokens]);
    return (
      <p>
        {status} {user?.name ?? '-'} tokens: {tokens}
      </p>
    );
  }

  /** Renders with a stored session made by the real library, counting loads of the library. */
  async function renderWithStored(stored: User | null, userManager = createUserManager(config)) {
    if (stored) await userManager.storeUser(stored);
    const load = vi.fn(async () => userManager);
    render(
      <StrictMode>
        <AuthProvider session={createAuthSession(config, load)}>
          <TokensProbe />
        </AuthProvider>
      </StrictMode>,
    );
    return { load, userManager };
  }

  it('reads a stored session without loading the library, signed in from the first render', async () => {
    const { load } = await renderWithStored(signedInUser());
    expect(screen.getByText(/^signed-in Ada/)).toBeTruthy();
    expect(await screen.findByText('signed-in Ada tokens: a h.p.s')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(load).not.toHaveBeenCalled();
  });

  it('is signed out at once when nothing is stored, and when what is stored is not a session', async () => {
    const { load } = await renderWithStored(null);
    expect(screen.getByText('signed-out - tokens: (none)')).toBeTruthy();
    cleanup();
    window.sessionStorage.setItem('oidc.user:http://idp.test:elevate-web', '{"access_token":1}');
    await renderWithStored(null);
    expect(screen.getByText('signed-out - tokens: (none)')).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the library in time for its renewal of the access token', async () => {
    // 80 s left: oidc-client-ts renews 60 s before expiry, and is loaded 30 s before that.
    const { load } = await renderWithStored(signedInUser(80));
    expect(screen.getByText(/^signed-in Ada/)).toBeTruthy();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });

  it('keeps trying to load the library for its renewal while it cannot be downloaded', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const userManager = createUserManager(config);
      await userManager.storeUser(signedInUser(80));
      const load = vi.fn((): Promise<UserManager> =>
        Promise.reject(new TypeError('Failed to fetch')),
      );
      render(
        <AuthProvider session={createAuthSession(config, load, window.sessionStorage, [0, 0])}>
          <TokensProbe />
        </AuthProvider>,
      );
      await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(3));
      load.mockImplementation(async () => userManager);
      await vi.advanceTimersByTimeAsync(30_000);
      await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(4));
      await vi.advanceTimersByTimeAsync(30_000);
      expect(load).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renews an expired stored session through the library before calling it signed in', async () => {
    const userManager = createUserManager(config);
    // As the library does: the renewed user is stored.
    const renew = vi.spyOn(userManager, 'signinSilent').mockImplementation(async () => {
      await userManager.storeUser(signedInUser());
      return signedInUser();
    });
    const { load } = await renderWithStored(signedInUser(-10), userManager);
    expect(screen.getByText('loading - tokens: (none)')).toBeTruthy();
    expect(await screen.findByText('signed-in Ada tokens: a h.p.s')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    expect(renew).toHaveBeenCalled();
  });

  it('forgets an expired stored session that cannot be renewed', async () => {
    const userManager = createUserManager(config);
    vi.spyOn(userManager, 'signinSilent').mockRejectedValue(new Error('invalid_grant'));
    await renderWithStored(signedInUser(-10), userManager);
    expect(await screen.findByText('signed-out - tokens: (none)')).toBeTruthy();
    expect(window.sessionStorage.getItem('oidc.user:http://idp.test:elevate-web')).toBeNull();
  });
});
