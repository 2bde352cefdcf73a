import { createTokenVerifier } from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import type { ApiConfig } from './config';

/** The token verifier the configuration describes; its own module so the authorizer bundles nothing else. */
export function createVerifierFromConfig(config: ApiConfig): TokenVerifier {
  return createTokenVerifier({
    issuer: config.oidc.issuer,
    audience: config.oidc.audience,
    accessTokenAudience: config.oidc.accessTokenAudience,
    clientId: config.oidc.clientId,
    groupsClaim: config.oidc.groupsClaim,
    groupsSource: config.oidc.groupsSource,
    ...(config.oidc.jwksUri === undefined ? {} : { jwksUri: config.oidc.jwksUri }),
    clockToleranceSeconds: config.oidc.clockToleranceSeconds,
    requireAccessTokenType: config.oidc.requireAccessTokenType,
    accessTokenClaim: config.oidc.accessTokenClaim,
    emailClaim: config.oidc.emailClaim,
    requireEmailVerified: config.oidc.requireEmailVerified,
  });
}
