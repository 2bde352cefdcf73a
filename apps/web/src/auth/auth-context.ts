import { createContext, useContext } from 'react';

/** The signed-in person as the ID token describes them; the API's `/me` is the authority. */
export interface AuthUser {
  sub: string;
  name: string | undefined;
  email: string | undefined;
}

export interface AuthTokens {
  accessToken: string;
  idToken: string;
}

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'signing-out';

export interface AuthContextValue {
  status: AuthStatus;
  user: AuthUser | null;
  /** Sends the browser to the IdP; after sign-in the user lands on `returnTo` (default: here). */
  signIn: (returnTo?: string) => Promise<void>;
  /**
   * The API wants a fresh authentication for one action (`STEP_UP_REQUIRED`): sign in again at the
   * IdP, not silently, with what the IdP needs to ask for MFA, and land back on `returnTo`
   * (default: here) with `notice` (default: what to do next) shown once.
   */
  stepUp: (returnTo?: string, notice?: string) => Promise<void>;
  /** Ends the IdP's session and ours, from any page; lands on the front door. */
  signOut: () => Promise<void>;
  /** Current tokens, renewed first if the access token has expired; null if there is no session. */
  getTokens: () => Promise<AuthTokens | null>;
  /** The API rejected the session: sign in again and come back to this page. */
  handleSessionRejected: () => void;
  /** Finishes the redirect from the IdP; resolves to the path to return to. */
  completeSignIn: (url: string) => Promise<string>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}
