import { createTokenVerifier } from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import type { Hono } from 'hono';
import { createApp } from './app';
import type { AppDeps } from './app';
import type { AppEnv } from './app-env';
import type { ApiConfig } from './config';
import { createJsonLogger } from './logger';
import type { Logger } from './logger';

export function createVerifierFromConfig(config: ApiConfig): TokenVerifier {
  return createTokenVerifier({
    issuer: config.oidc.issuer,
    audience: config.oidc.audience,
    clientId: config.oidc.clientId,
    groupsClaim: config.oidc.groupsClaim,
    groupsSource: config.oidc.groupsSource,
    ...(config.oidc.jwksUri === undefined ? {} : { jwksUri: config.oidc.jwksUri }),
    clockToleranceSeconds: config.oidc.clockToleranceSeconds,
    requireAccessTokenType: config.oidc.requireAccessTokenType,
  });
}

/** The composition root: real adapters chosen by configuration, nothing else. */
export function composeApp(
  config: ApiConfig,
  overrides: Partial<AppDeps> = {},
): { app: Hono<AppEnv>; deps: AppDeps } {
  const logger: Logger = overrides.logger ?? createJsonLogger({ level: config.logLevel });
  const deps: AppDeps = {
    verifier: createVerifierFromConfig(config),
    clock: { now: () => new Date() },
    allowedOrigin: config.allowedOrigin,
    ...overrides,
    logger,
  };
  return { app: createApp(deps), deps };
}
