import {
  UserManager,
  WebStorageStateStore,
  type SigninSilentArgs,
  type User,
} from 'oidc-client-ts';
import type { RuntimeConfig } from '../config/runtime-config';

/**
 * Protocol claims dropped from `user.profile`. oidc-client-ts drops `amr`, `acr` and `auth_time` by
 * default; we keep them because the UI shows whether and when the user used MFA.
 */
const FILTERED_PROTOCOL_CLAIMS = ['nbf', 'jti', 'nonce', 'azp', 'at_hash'];

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

// What a step-up sign-in adds for this IdP (`acr_values`, Entra's `claims`), kept beside the manager.
const stepUpParams = new WeakMap<UserManager, Record<string, string>>();

/**
 * The arguments of a step-up sign-in: the IdP must authenticate the person afresh (`prompt=login`,
 * `max_age=0`) and, where the IdP can be asked for MFA, ask for it.
 */
export function stepUpArgsFor(userManager: UserManager): {
  prompt: string;
  max_age: number;
  extraQueryParams: Record<string, string>;
} {
  return {
    prompt: 'login',
    max_age: 0,
    extraQueryParams: {
      ...(userManager.settings.extraQueryParams as Record<string, string>),
      ...stepUpParams.get(userManager),
    },
  };
}

/**
 * Authorization Code + PKCE for the SPA's public client, renewing with refresh tokens. Scope and
 * extra authorize parameters (`audience`, `resource`) come from `config.json`, i.e. from the IdP's
 * profile; `resource` is sent to the token endpoint too (RFC 8707).
 */
export function createUserManager(
  config: RuntimeConfig,
  origin: string = window.location.origin,
): UserManager {
  const userManager = new SingleRenewalUserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: new URL(config.redirectPath, origin).toString(),
    post_logout_redirect_uri: new URL('/', origin).toString(),
    response_type: 'code',
    scope: config.scope,
    extraQueryParams: config.authorizeParams,
    ...(config.authorizeParams['resource'] === undefined
      ? {}
      : { extraTokenParams: { resource: config.authorizeParams['resource'] } }),
    automaticSilentRenew: true,
    filterProtocolClaims: FILTERED_PROTOCOL_CLAIMS,
    loadUserInfo: false,
    // Tokens live as long as the tab; a new tab signs in again (silently, if the IdP session lives).
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  stepUpParams.set(userManager, config.stepUp.authorizeParams);
  return userManager;
}
