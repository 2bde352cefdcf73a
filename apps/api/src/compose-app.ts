import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AwsFederationSignIn,
  DynamoDbAccessRequestRepository,
  DynamoDbSessionRecordRepository,
  loadCompiledPolicy,
  StsCredentialIssuer,
  withoutSdkLogging,
  systemClock,
  ulidIdGenerator,
} from '@elevate/adapters';
import type { Policy } from '@elevate/domain';
import type { Hono } from 'hono';
import { createApp } from './app';
import type { AppDeps, AppOptions } from './app';
import type { AppEnv } from './app-env';
import type { ApiConfig } from './config';
import { createJsonLogger } from './logger';
import { createVerifierFromConfig } from './verifier-from-config';
import type { Logger } from './logger';
import type { FederationDeps } from './use-cases/start-session';

/**
 * The DynamoDB client: the configured endpoint (dynalite on a laptop) or the SDK's default for the
 * region; credentials and region come from the SDK's usual chain in both cases.
 */
export function createDynamoDbClient(config: ApiConfig): DynamoDBClient {
  return withoutSdkLogging(
    new DynamoDBClient(
      config.dynamodb.endpoint === undefined ? {} : { endpoint: config.dynamodb.endpoint },
    ),
  );
}

/** The policy file the configuration names; throws naming the variable when it is unset. */
export function policyFileOf(config: { policyFile: string | undefined }): string {
  if (config.policyFile === undefined) {
    throw new Error(
      'ELEVATE_POLICY_FILE is not set; point it at the policy (see docs/api-config.md).',
    );
  }
  return config.policyFile;
}

/**
 * The policy the functions run with: the JSON infra compiles from the YAML at synth, so no function
 * bundles a YAML parser (the local server reads the YAML itself and passes the policy in). A broken
 * file throws, naming the paths inside it, so the API never starts on a policy it cannot enforce.
 */
export function loadPolicyFromConfig(config: ApiConfig): Policy {
  return loadCompiledPolicy(policyFileOf(config));
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
