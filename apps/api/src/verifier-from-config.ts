import { createTokenVerifier } from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import { verifierByIdTokenAudience } from './client-verifiers';
import type { ApiConfig } from './config';
import type { Logger } from './logger';

// The token verifiers the configuration describes: their own module, so the authorizer bundles
// nothing else.
/**
 * The SPA's verifier, and — when a native client is configured — the CLI's, chosen by the ID token's
 * `aud` (see client-verifiers.ts). Each verifies both tokens fully on every call; the choice only
 * picks the expected audience. The authorizer uses it as it is; the API and federate functions
 * remember verified pairs in front of it (compose-app.ts, decision 0007).
 */
export function createVerifierFromConfig(config: ApiConfig, logger?: Logger): TokenVerifier {
  const { clientId, nativeClientId } = config.oidc;
  const web = verifierForClient(config, clientId, logger);
  if (nativeClientId === undefined) return web;
  return verifierByIdTokenAudience(
    new Map([
      [clientId, web],
      [nativeClientId, verifierForClient(config, nativeClientId, logger)],
    ]),
  );
}

function verifierForClient(config: ApiConfig, clientId: string, logger?: Logger): TokenVerifier {
  const byClientId = config.oidc.accessTokenAudience === 'client_id';
  return createTokenVerifier({
    issuer: config.oidc.issuer,
    // Where access tokens name their audience by `client_id` (Cognito), that is the client's own id.
    audience: byClientId && clientId !== config.oidc.clientId ? clientId : config.oidc.audience,
    accessTokenAudience: config.oidc.accessTokenAudience,
    clientId,
    groupsClaim: config.oidc.groupsClaim,
    groupsSource: config.oidc.groupsSource,
    ...(config.oidc.jwksUri === undefined ? {} : { jwksUri: config.oidc.jwksUri }),
    clockToleranceSeconds: config.oidc.clockToleranceSeconds,
    requireAccessTokenType: config.oidc.requireAccessTokenType,
    accessTokenClaim: config.oidc.accessTokenClaim,
    emailClaim: config.oidc.emailClaim,
    requireEmailVerified: config.oidc.requireEmailVerified,
    ...(config.oidc.groupsSeparator === undefined
      ? {}
      : { groupsSeparator: config.oidc.groupsSeparator }),
    accessTokenFormat: config.oidc.accessTokenFormat,
    accessTokenIdentityClaim: config.oidc.accessTokenIdentityClaim,
    idTokenIdentityClaim: config.oidc.idTokenIdentityClaim,
    jwksStaleIfErrorMs: config.oidc.jwksStaleIfErrorSeconds * 1000,
    // Outages and stale keys are worth a warning; routine fetches are debug noise.
    ...(logger === undefined
      ? {}
      : {
          onJwksEvent: (event) =>
            event.type === 'jwks-fetched'
              ? logger.debug('jwks fetched', { ...event })
              : logger.warn(
                  event.type === 'jwks-fetch-failed' ? 'jwks fetch failed' : 'jwks stale keys used',
                  { ...event },
                ),
        }),
  });
}
