import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AwsFederationSignIn,
  createTokenVerifier,
  DynamoDbAccessRequestRepository,
  DynamoDbSessionRecordRepository,
  loadPolicyFile,
  StsCredentialIssuer,
  systemClock,
  ulidIdGenerator,
} from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import type { Policy } from '@elevate/domain';
import type { Hono } from 'hono';
import { createApp } from './app';
import { verifierByIdTokenAudience } from './client-verifiers';
import type { AppDeps, AppOptions } from './app';
import type { AppEnv } from './app-env';
import type { ApiConfig } from './config';
import { createJsonLogger } from './logger';
import type { Logger } from './logger';
import type { FederationDeps } from './use-cases/start-session';

/**
 * The SPA's verifier, and — when a native client is configured — the CLI's, chosen by the ID token's
 * `aud` (see client-verifiers.ts). Each verifies fully; the choice only picks the expected audience.
 */
export function createVerifierFromConfig(config: ApiConfig): TokenVerifier {
  const { clientId, nativeClientId } = config.oidc;
  const web = verifierForClient(config, clientId);
  if (nativeClientId === undefined) return web;
  return verifierByIdTokenAudience(
    new Map([
      [clientId, web],
      [nativeClientId, verifierForClient(config, nativeClientId)],
    ]),
  );
}

function verifierForClient(config: ApiConfig, clientId: string): TokenVerifier {
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
  });
}

/**
 * The DynamoDB client: the configured endpoint (dynalite on a laptop) or the SDK's default for the
 * region; credentials and region come from the SDK's usual chain in both cases.
 */
export function createDynamoDbClient(config: ApiConfig): DynamoDBClient {
  return new DynamoDBClient(
    config.dynamodb.endpoint === undefined ? {} : { endpoint: config.dynamodb.endpoint },
  );
}

/**
 * The policy the API runs with. A missing variable or a broken file throws, naming the variable or
 * the paths inside the file, so the API never starts on a policy it cannot enforce.
 */
export function loadPolicyFromConfig(config: ApiConfig): Policy {
  if (config.policyFile === undefined) {
    throw new Error(
      'ELEVATE_POLICY_FILE is not set; point it at the policy YAML (see docs/api-config.md).',
    );
  }
  return loadPolicyFile(config.policyFile);
}

/**
 * STS and console sign-in for the federate route. The broker's own credentials come from the SDK's
 * default chain: the federate function's role in AWS, the environment locally. Regions are tried in
 * the configured order; each attempt is logged (region, outcome, STS code, time — never an input).
 */
export function createFederationFromConfig(config: ApiConfig, logger: Logger): FederationDeps {
  const { federation } = config;
  const [firstRegion] = federation.stsRegions;
  if (firstRegion === undefined) {
    throw new Error('Federation needs ELEVATE_STS_REGIONS or AWS_REGION (see docs/api-config.md).');
  }
  if (config.allowedOrigin === undefined) {
    throw new Error(
      'Federation needs ELEVATE_WEB_ORIGIN: console sign-in names the SPA as its issuer.',
    );
  }
  return {
    issuer: new StsCredentialIssuer({
      regions: federation.stsRegions,
      ...(federation.stsEndpoints === undefined ? {} : { endpoints: federation.stsEndpoints }),
      onAttempt: (attempt) => logger.info('sts attempt', { ...attempt }),
    }),
    consoleSignIn: new AwsFederationSignIn({
      issuer: config.allowedOrigin,
      ...(federation.federationEndpoint === undefined
        ? {}
        : { federationEndpoint: federation.federationEndpoint }),
    }),
    sessionSeconds: federation.sessionSeconds,
    defaultRegion: federation.deploymentRegion ?? firstRegion,
  };
}

/**
 * The composition root: real adapters chosen by configuration, nothing else. `options.routes`
 * says which routes this app serves; STS and sign-in are only built for an app with the federate route.
 */
export function composeApp(
  config: ApiConfig,
  overrides: Partial<AppDeps> = {},
  options: AppOptions = {},
): { app: Hono<AppEnv>; deps: AppDeps } {
  const logger: Logger = overrides.logger ?? createJsonLogger({ level: config.logLevel });
  const servesFederation = (options.routes ?? 'api') !== 'api';
  // One client for both stores, created only if a store is not overridden.
  let client: DynamoDBClient | undefined;
  const dynamo = (): DynamoDBClient => (client ??= createDynamoDbClient(config));
  const tableName = config.dynamodb.tableName;
  const deps: AppDeps = {
    verifier: overrides.verifier ?? createVerifierFromConfig(config),
    repository:
      overrides.repository ?? new DynamoDbAccessRequestRepository({ client: dynamo(), tableName }),
    sessions:
      overrides.sessions ?? new DynamoDbSessionRecordRepository({ client: dynamo(), tableName }),
    policy: overrides.policy ?? loadPolicyFromConfig(config),
    clock: systemClock,
    ids: ulidIdGenerator,
    allowedOrigin: config.allowedOrigin,
    ...(servesFederation && overrides.federation === undefined
      ? { federation: createFederationFromConfig(config, logger) }
      : {}),
    ...overrides,
    logger,
  };
  return { app: createApp(deps, options), deps };
}
