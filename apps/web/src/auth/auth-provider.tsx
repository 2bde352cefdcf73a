import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import {
  AuthContext,
  type AuthContextValue,
  type AuthStatus,
  type AuthTokens,
  type AuthUser,
} from './auth-context';
import { needsRenewal } from './id-token-expiry';
import { mayReauthenticate } from './reauth-guard';
import { currentPath, safeReturnTo, type SignInState } from './return-to';
import { completeSignIn } from './signin-callback';
import { stepUpArgsFor } from './user-manager';
import { paths } from '../lib/paths';

interface AuthState {
  status: AuthStatus;
  user: AuthUser | null;
}

function toAuthUser(user: User): AuthUser {
  const { sub, name, email } = user.profile;
  return { sub, name, email };
}

function stateFor(user: User | null): AuthState {
  return user && !user.expired
    ? { status: 'signed-in', user: toAuthUser(user) }
    : { status: 'signed-out', user: null };
}

/** The stored session, renewed with the refresh token if either token expired (or nearly) while the tab slept. */
async function restoreSession(userManager: UserManager): Promise<User | null> {
  const user = await userManager.getUser();
  if (!user || !needsRenewal(user)) return user;
  try {
    return await userManager.signinSilent();
  } catch {
    await userManager.removeUser();
    return null;
  }
}

// Set from Sign out until the browser has left: no sign-in may start meanwhile.
const signingOut = new WeakSet<UserManager>();

// One redirect at a time: StrictMode effects and parallel 401s would otherwise each start one.
const redirecting = new WeakSet<UserManager>();

/** What a step-up sign-in tells the person when they are back, unless the caller says more. */
export const STEP_UP_NOTICE =
  'You signed in again with MFA. Repeat what you were doing (for example, click Access console or CLI credentials again).';

/** 256 bits for the OIDC `nonce`: the ID token must echo it, which ties it to this very sign-in. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function redirectToSignIn(
  userManager: UserManager,
  state: SignInState,
  extra: Partial<ReturnType<typeof stepUpArgsFor>> = {},
): Promise<void> {
  if (redirecting.has(userManager)) return;
  redirecting.add(userManager);
  try {
    await userManager.signinRedirect({
      state: { ...state, returnTo: safeReturnTo(state.returnTo) },
      nonce: newNonce(),
      ...extra,
    });
  } catch (error) {
    redirecting.delete(userManager);
    throw error;
  }
}

export interface AuthProviderProps {
  /** Created once, outside React: a second instance would renew tokens on its own. */
  userManager: UserManager;
  children: ReactNode;
}

/** The session for the whole app: who is signed in, and the only door to oidc-client-ts. */
export function AuthProvider({ userManager, children }: AuthProviderProps) {
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null });

  useEffect(() => {
    let active = true;
    const apply = (user: User | null) => {
      // Signing out removes the user before the browser leaves for the IdP: that is not a reason
      // to start a new sign-in (which would keep the person signed in).
      if (active && !signingOut.has(userManager)) setState(stateFor(user));
    };
    restoreSession(userManager).then(apply, () => apply(null));

    const events = userManager.events;
    const unsubscribe = [
      events.addUserLoaded(apply),
      events.addUserUnloaded(() => apply(null)),
      // Automatic renewal runs a minute before expiry; reaching expiry means it failed.
      events.addAccessTokenExpired(() => {
        // If the IdP is unreachable too, the session is gone and RequireAuth explains it.
        restoreSession(userManager)
          .then((user) =>
            user ? undefined : redirectToSignIn(userManager, { returnTo: currentPath() }),
          )
          .catch(() => undefined);
      }),
    ];
    return () => {
      active = false;
      for (const off of unsubscribe) off();
    };
  }, [userManager]);

  // Stable across session changes, so effects that depend on an action do not re-run.
  const actions = useMemo<Omit<AuthContextValue, keyof AuthState>>(
    () => ({
      signIn: (returnTo = currentPath()) => redirectToSignIn(userManager, { returnTo }),
      stepUp: (returnTo = currentPath(), notice = STEP_UP_NOTICE) =>
        redirectToSignIn(userManager, { returnTo, notice }, stepUpArgsFor(userManager)),
      signOut: async () => {
        signingOut.add(userManager);
        redirecting.add(userManager);
        setState({ status: 'signing-out', user: null });
        try {
          // Ends the IdP's session too (RP-initiated logout with id_token_hint); the IdP sends the
          // browser to the front door. `replace`: the back button cannot return to a signed-in page.
          await userManager.signoutRedirect({ redirectMethod: 'replace' });
        } catch {
          // The IdP cannot end its session (no end-session endpoint, or it is down): end ours.
          await userManager.removeUser().catch(() => undefined);
          window.location.replace(paths.signedOut);
        }
      },
      getTokens: async (): Promise<AuthTokens | null> => {
        const user = await restoreSession(userManager);
        if (!user || user.expired || !user.id_token) return null;
        return { accessToken: user.access_token, idToken: user.id_token };
      },
      handleSessionRejected: () => {
        if (!mayReauthenticate()) return;
        const returnTo = currentPath();
        userManager
          .removeUser()
          .then(() => redirectToSignIn(userManager, { returnTo }))
          .catch(() => undefined);
      },
      completeSignIn: (url) => completeSignIn(userManager, url),
    }),
    [userManager],
  );
  const value = useMemo<AuthContextValue>(() => ({ ...state, ...actions }), [state, actions]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
