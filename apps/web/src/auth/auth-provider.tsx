import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  AuthContext,
  type AuthContextValue,
  type AuthStatus,
  type AuthTokens,
  type AuthUser,
} from './auth-context';
import type { AuthSession } from './auth-session';
import { accessTokenExpired, needsRenewal } from './id-token-expiry';
import { mayReauthenticate } from './reauth-guard';
import { currentPath, safeReturnTo, type SignInState } from './return-to';
import { completeSignIn } from './signin-callback';
import type { Session } from './stored-session';
import { paths } from '../lib/paths';

interface AuthState {
  status: AuthStatus;
  user: AuthUser | null;
}

function toAuthUser(session: Session): AuthUser {
  const { sub, name, email } = session.profile;
  return { sub, name, email };
}

function stateFor(session: Session | null): AuthState {
  return session && !accessTokenExpired(session)
    ? { status: 'signed-in', user: toAuthUser(session) }
    : { status: 'signed-out', user: null };
}

const sameState = (a: AuthState, b: AuthState): boolean =>
  a.status === b.status &&
  a.user?.sub === b.user?.sub &&
  a.user?.name === b.user?.name &&
  a.user?.email === b.user?.email;

/**
 * What the first render knows from this tab's storage alone: signed in, signed out, or (a session
 * whose tokens need renewing first) not yet.
 */
function initialState(session: AuthSession): AuthState {
  const stored = session.readStored();
  if (stored && needsRenewal(stored)) return { status: 'loading', user: null };
  return stateFor(stored);
}

/**
 * The stored session, renewed with the refresh token (through oidc-client-ts, loaded for that) if
 * either token expired (or nearly) while the tab slept.
 */
async function restoreSession(session: AuthSession): Promise<Session | null> {
  const stored = session.readStored();
  if (!stored || !needsRenewal(stored)) return stored;
  const userManager = await session.userManager();
  const user = await userManager.getUser();
  if (!user || !needsRenewal(user)) return user;
  try {
    return await userManager.signinSilent();
  } catch {
    await userManager.removeUser();
    return null;
  }
}

/** oidc-client-ts renews a minute before the access token expires (its default), once loaded. */
const RENEWAL_NOTICE_SECONDS = 60;
/** Time to download and start it before then. */
const LOAD_LEAD_SECONDS = 30;
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;
/** How often to try loading it again for renewal after a load (with its own retries) failed. */
const RENEWAL_LOAD_RETRY_MS = 30_000;

/** When to load oidc-client-ts so that its automatic renewal runs on time for this session. */
function renewalLoadDelayMs(
  session: Pick<Session, 'expires_at'>,
  nowMs: number = Date.now(),
): number {
  if (session.expires_at === undefined) return 0;
  const at = (session.expires_at - RENEWAL_NOTICE_SECONDS - LOAD_LEAD_SECONDS) * 1000;
  return Math.min(Math.max(at - nowMs, 0), LONGEST_TIMEOUT_MS);
}

// Set from Sign out until the browser has left: no sign-in may start meanwhile.
const signingOut = new WeakSet<AuthSession>();

// One redirect at a time: StrictMode effects and parallel 401s would otherwise each start one.
const redirecting = new WeakSet<AuthSession>();

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
  session: AuthSession,
  state: SignInState,
  { stepUp = false }: { stepUp?: boolean } = {},
): Promise<void> {
  if (redirecting.has(session)) return;
  redirecting.add(session);
  try {
    const userManager = await session.userManager();
    // The step-up arguments live beside the manager, in the module that was just loaded.
    const extra = stepUp ? (await import('./user-manager')).stepUpArgsFor(userManager) : {};
    await userManager.signinRedirect({
      state: { ...state, returnTo: safeReturnTo(state.returnTo) },
      nonce: newNonce(),
      ...extra,
    });
  } catch (error) {
    redirecting.delete(session);
    throw error;
  }
}

export interface AuthProviderProps {
  /** Created once, outside React (`createAuthSession`): it holds the one `UserManager`. */
  session: AuthSession;
  children: ReactNode;
}

/**
 * The session for the whole app: who is signed in, and the only door to oidc-client-ts, which it
 * loads only to sign in, complete a sign-in, renew or sign out. A page load with a stored session
 * reads it from storage and does without the library until its tokens are due for renewal.
 */
export function AuthProvider({ session, children }: AuthProviderProps) {
  const [state, setState] = useState<AuthState>(() => initialState(session));

  useEffect(() => {
    let active = true;
    const apply = (user: Session | null) => {
      // Signing out removes the user before the browser leaves for the IdP: that is not a reason
      // to start a new sign-in (which would keep the person signed in).
      if (!active || signingOut.has(session)) return;
      const next = stateFor(user);
      // The first render usually knew already: the console is not rendered again for nothing.
      setState((previous) => (sameState(previous, next) ? previous : next));
    };
    restoreSession(session).then(apply, () => apply(null));

    const unsubscribe = session.whenCreated(({ events }) => {
      const offs = [
        events.addUserLoaded(apply),
        events.addUserUnloaded(() => apply(null)),
        // Automatic renewal runs a minute before expiry; reaching expiry means it failed.
        events.addAccessTokenExpired(() => {
          // If the IdP is unreachable too, the session is gone and RequireAuth explains it.
          restoreSession(session)
            .then((user) =>
              user ? undefined : redirectToSignIn(session, { returnTo: currentPath() }),
            )
            .catch(() => undefined);
        }),
      ];
      return () => {
        for (const off of offs) off();
      };
    });

    // oidc-client-ts's automatic renewal (and its expiry event) run once it is loaded: load it in
    // time for this session's renewal. A sign-in in this tab loads it anyway.
    let renewal: ReturnType<typeof setTimeout> | undefined;
    const loadForRenewal = (delayMs: number) => {
      renewal = setTimeout(() => {
        session.userManager().catch(() => {
          // Offline for longer than its retries (a laptop waking): try again until it loads.
          if (active) loadForRenewal(RENEWAL_LOAD_RETRY_MS);
        });
      }, delayMs);
    };
    const stored = session.readStored();
    if (stored) loadForRenewal(renewalLoadDelayMs(stored));
    return () => {
      active = false;
      unsubscribe();
      clearTimeout(renewal);
    };
  }, [session]);

  // Stable across session changes, so effects that depend on an action do not re-run.
  const actions = useMemo<Omit<AuthContextValue, keyof AuthState>>(
    () => ({
      signIn: (returnTo = currentPath()) => redirectToSignIn(session, { returnTo }),
      stepUp: (returnTo = currentPath(), notice = STEP_UP_NOTICE) =>
        redirectToSignIn(session, { returnTo, notice }, { stepUp: true }),
      signOut: async () => {
        signingOut.add(session);
        redirecting.add(session);
        setState({ status: 'signing-out', user: null });
        try {
          const userManager = await session.userManager();
          // Ends the IdP's session too (RP-initiated logout with id_token_hint); the IdP sends the
          // browser to the front door. `replace`: the back button cannot return to a signed-in page.
          await userManager.signoutRedirect({ redirectMethod: 'replace' });
        } catch {
          // The IdP cannot end its session (no end-session endpoint, or it is down), or the
          // library could not be loaded: end ours.
          await session
            .userManager()
            .then((userManager) => userManager.removeUser())
            .catch(() => session.forgetStored());
          window.location.replace(paths.signedOut);
        }
      },
      getTokens: async (): Promise<AuthTokens | null> => {
        const user = await restoreSession(session);
        if (!user || accessTokenExpired(user) || !user.id_token) return null;
        return { accessToken: user.access_token, idToken: user.id_token };
      },
      handleSessionRejected: () => {
        if (!mayReauthenticate()) return;
        const returnTo = currentPath();
        session
          .userManager()
          .then((userManager) => userManager.removeUser())
          .then(() => redirectToSignIn(session, { returnTo }))
          .catch(() => undefined);
      },
      completeSignIn: (url) => completeSignIn(session.userManager, url),
    }),
    [session],
  );
  const value = useMemo<AuthContextValue>(() => ({ ...state, ...actions }), [state, actions]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
