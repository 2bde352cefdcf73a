import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createTokenVerifier,
  DynamoDbAccessRequestRepository,
  loadPolicyFile,
  systemClock,
  ulidIdGenerator,
} from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import type { Policy } from '@elevate/domain';
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

/** The composition root: real adapters chosen by configuration, nothing else. */
export function composeApp(
  config: ApiConfig,
  overrides: Partial<AppDeps> = {},
): { app: Hono<AppEnv>; deps: AppDeps } {
  const logger: Logger = overrides.logger ?? createJsonLogger({ level: config.logLevel });
  const deps: AppDeps = {
    verifier: overrides.verifier ?? createVerifierFromConfig(config),
    repository:
      overrides.repository ??
      new DynamoDbAccessRequestRepository({
        client: createDynamoDbClient(config),
        tableName: config.dynamodb.tableName,
      }),
    policy: overrides.policy ?? loadPolicyFromConfig(config),
    clock: systemClock,
    ids: ulidIdGenerator,
    allowedOrigin: config.allowedOrigin,
    ...overrides,
    logger,
  };
  return { app: createApp(deps), deps };
}
