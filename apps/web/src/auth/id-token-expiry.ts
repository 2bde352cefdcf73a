import type { Session } from './stored-session';

/** Renew this long before the ID token's `exp`, so the API still accepts it when the call lands. */
const ID_TOKEN_RENEWAL_MARGIN_SECONDS = 30;

const epochSeconds = (): number => Math.floor(Date.now() / 1000);

/** Whether the access token has expired, as oidc-client-ts's `User.expired` says (no `expires_at`: no). */
export function accessTokenExpired(
  session: Pick<Session, 'expires_at'>,
  nowSeconds: number = epochSeconds(),
): boolean {
  return session.expires_at !== undefined && session.expires_at - nowSeconds <= 0;
}

/**
 * Whether the stored session must be renewed before use: the access token has expired, or the ID
 * token (which the API verifies too, and which may expire first) has expired or nearly so.
 * `user.expired` only speaks for the access token.
 */
export function needsRenewal(
  session: Pick<Session, 'expires_at' | 'profile'>,
  nowSeconds: number = epochSeconds(),
): boolean {
  if (accessTokenExpired(session, nowSeconds)) return true;
  const exp = session.profile.exp;
  return typeof exp === 'number' && exp - nowSeconds <= ID_TOKEN_RENEWAL_MARGIN_SECONDS;
}
