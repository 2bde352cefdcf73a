import type { IdpSettings } from '@elevate/contracts';
import type { TokenVerifierOptions } from './token-verifier';

/** The verifier's settings as an IdP profile (with overrides) decides them. */
export function idpVerifierOptions(
  settings: IdpSettings,
): Pick<
  TokenVerifierOptions,
  | 'accessTokenAudience'
  | 'accessTokenFormat'
  | 'requireAccessTokenType'
  | 'accessTokenClaim'
  | 'accessTokenIdentityClaim'
  | 'idTokenIdentityClaim'
  | 'emailClaim'
  | 'groupsClaim'
  | 'groupsSource'
  | 'groupsSeparator'
> {
  return {
    accessTokenAudience: settings.accessTokenAudienceClaim,
    accessTokenFormat: settings.accessTokenFormat,
    requireAccessTokenType: settings.requireAccessTokenType,
    accessTokenClaim: settings.accessTokenClaim,
    accessTokenIdentityClaim: settings.identityClaims.accessToken,
    idTokenIdentityClaim: settings.identityClaims.idToken,
    emailClaim: settings.emailClaim,
    groupsClaim: settings.groups.claim,
    groupsSource: settings.groups.source,
    ...(settings.groups.separator === undefined
      ? {}
      : { groupsSeparator: settings.groups.separator }),
  };
}
