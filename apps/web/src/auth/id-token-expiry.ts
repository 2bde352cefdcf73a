import type { User } from 'oidc-client-ts';

/** Renew this long before the ID token's `exp`, so the API still accepts it when the call lands. */
const ID_TOKEN_RENEWAL_MARGIN_SECONDS = 30;

/**
 * Whether the stored session must be renewed before use: the access token has expired, or the ID
 * token (which the API verifies too, and which may expire first) has expired or nearly so.
 * `user.expired` only speaks for the access token.
 */
export function needsRenewal(
  user: User,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  if (user.expired) return true;
  const exp = user.profile.exp;
  return typeof exp === 'number' && exp - nowSeconds <= ID_TOKEN_RENEWAL_MARGIN_SECONDS;
}
