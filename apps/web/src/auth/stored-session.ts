/**
 * What the app needs of a session, whether read from storage here or handed over by oidc-client-ts
 * (its `User` has this shape).
 */
export interface Session {
  access_token: string;
  id_token?: string | undefined;
  /** When the access token expires, in seconds since the epoch. */
  expires_at?: number | undefined;
  profile: {
    sub: string;
    name?: string | undefined;
    email?: string | undefined;
    /** When the ID token expires, in seconds since the epoch. */
    exp?: number | undefined;
  };
}

/** A session read from storage: everything the first load uses is there and well-formed. */
export interface StoredSession extends Session {
  id_token: string;
  profile: Session['profile'] & { exp: number };
}

/**
 * Where oidc-client-ts keeps the signed-in user: its `WebStorageStateStore` prefix (`oidc.`) and the
 * `UserManager`'s key for this IdP and client (`user:<authority>:<client_id>`).
 */
export const storedSessionKey = (authority: string, clientId: string): string =>
  `oidc.user:${authority}:${clientId}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

const isEpochSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * The session oidc-client-ts stored in this tab, read without loading the library (every page's
 * first load would otherwise carry it): the JSON of `User.toStorageString()` (stored-session.test.ts
 * writes one with the library itself, so an upgrade that changes the format fails there).
 *
 * The stored value is untrusted input (any script of this origin, or an older version, may have
 * written it): a value that is not JSON or lacks the tokens, the subject or the ID token's expiry is
 * no session (null). The access token's `expires_at` may be absent, as oidc-client-ts stores it when
 * the IdP sends no `expires_in` (OAuth 2 only recommends it): like the library, that is a token
 * that does not expire, and the ID token's `exp` still bounds the session. A malformed one is no
 * session. A claim shown to people (`name`, `email`) that is not a string is left out. Whether
 * it has expired is the caller's question (`needsRenewal`). The API verifies both tokens in full.
 */
export function readStoredSession(
  key: string,
  storage: Storage = window.sessionStorage,
): StoredSession | null {
  const stored = storage.getItem(key);
  if (stored === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value['profile'])) return null;
  const { access_token, id_token, expires_at } = value;
  const { sub, exp, name, email } = value['profile'];
  if (
    !isText(access_token) ||
    !isText(id_token) ||
    (expires_at !== undefined && !isEpochSeconds(expires_at)) ||
    !isText(sub) ||
    !isEpochSeconds(exp)
  ) {
    return null;
  }
  return {
    access_token,
    id_token,
    ...(expires_at === undefined ? {} : { expires_at }),
    profile: {
      sub,
      exp,
      name: typeof name === 'string' ? name : undefined,
      email: typeof email === 'string' ? email : undefined,
    },
  };
}
