import {
  UserManager,
  WebStorageStateStore,
  type SigninSilentArgs,
  type User,
} from 'oidc-client-ts';
import type { RuntimeConfig } from '../config/runtime-config';

export const OIDC_SCOPE = 'openid profile email groups offline_access';

/**
 * Protocol claims dropped from `user.profile`. oidc-client-ts drops `amr`, `acr` and `auth_time` by
 * default; we keep them because the UI shows whether and when the user used MFA.
 */
export const FILTERED_PROTOCOL_CLAIMS = ['nbf', 'jti', 'nonce', 'azp', 'at_hash'];

/**
 * Renewal through one in-flight request: the automatic renewer and an API call finding an expired
 * token can ask at the same moment, and a rotated refresh token must not be spent twice.
 */
class SingleRenewalUserManager extends UserManager {
  #renewal: Promise<User | null> | undefined;

  override signinSilent(args?: SigninSilentArgs): Promise<User | null> {
    this.#renewal ??= super.signinSilent(args).finally(() => {
      this.#renewal = undefined;
    });
    return this.#renewal;
  }
}

/** Authorization Code + PKCE for the SPA's public client, renewing with refresh tokens. */
export function createUserManager(
  config: RuntimeConfig,
  origin: string = window.location.origin,
): UserManager {
  return new SingleRenewalUserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: new URL(config.redirectPath, origin).toString(),
    post_logout_redirect_uri: new URL('/', origin).toString(),
    response_type: 'code',
    scope: OIDC_SCOPE,
    automaticSilentRenew: true,
    filterProtocolClaims: FILTERED_PROTOCOL_CLAIMS,
    loadUserInfo: false,
    // Tokens live as long as the tab; a new tab signs in again (silently, if the IdP session lives).
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
