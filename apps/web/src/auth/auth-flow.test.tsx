import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { User } from 'oidc-client-ts';
import { AuthCallbackPage } from './auth-callback-page';
import { AuthProvider } from './auth-provider';
import { RequireAuth } from './require-auth';
import { useAuth } from './auth-context';
import { createUserManager } from './user-manager';

const config = {
  authority: 'http://idp.test',
  clientId: 'elevate-web',
  apiUrl: 'http://api.test',
  redirectPath: '/auth/callback',
};

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
      <AuthProvider userManager={userManager}>
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
  it('steps up with a forced fresh sign-in (prompt=login, max_age=0) and comes back to the same page', async () => {
    const userManager = createUserManager(config);
    vi.spyOn(userManager, 'getUser').mockResolvedValue(null);
    const signinRedirect = vi.spyOn(userManager, 'signinRedirect').mockResolvedValue(undefined);
    function StepUpButton() {
      const { stepUp } = useAuth();
      return <button onClick={() => void stepUp('/?request=r-1')}>Step up</button>;
    }
    renderAt('/', [{ path: '/', element: <StepUpButton /> }], userManager);
    (await screen.findByRole('button', { name: 'Step up' })).click();
    await vi.waitFor(() => expect(signinRedirect).toHaveBeenCalledTimes(1));
    expect(signinRedirect).toHaveBeenCalledWith({
      state: { returnTo: '/?request=r-1' },
      prompt: 'login',
      max_age: 0,
    });
  });
});
