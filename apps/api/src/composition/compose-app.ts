import {
  AwsFederationSignIn,
  CachedSecret,
  cachingVerifiedPairs,
  DynamoDbPeopleDirectory,
  DynamoDbReplayGuard,
  DynamoDbAccessRequestRepository,
  DynamoDbIdempotencyStore,
  DynamoDbInsightsReadModel,
  DynamoDbIdentityBindings,
  rememberingBindings,
  DynamoDbSessionRecordRepository,
  loadCompiledPolicy,
  StsCredentialIssuer,
  systemClock,
  ulidIdGenerator,
} from '@elevate/adapters';
import { unreachableStepUpRules } from '@elevate/domain';
import type { Policy } from '@elevate/domain';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { createApp, createFederateApp } from '../app';
import type { AuditIntegrityDeps } from '../audit-integrity/audit-integrity-deps';
import {
  composeAuditIntegrity,
  loadAuditIntegrityConfig,
} from '../audit-integrity/audit-integrity-config';
import type { AppDeps, AppOptions } from '../app';
import type { AppEnv } from '../app-env';
import type { ApiConfig } from '../config';
import { createJsonLogger } from '../logger';
import type { Logger } from '../logger';
import { METRIC, noMetrics, type OperationalMetrics } from '../observability/operational-metrics';
import type { FederationDeps } from '../use-cases/start-session';
import { createVerifierFromConfig } from '../verifier-from-config';
import { openStore } from './store';
import type { Store } from './store';

/**
 * Refuses to start when a policy rule asks for step-up that the configured IdP could never
 * satisfy: better a clear start-up error naming the settings than every person refused at a click.
 */
function assertStepUpReachable(policy: Policy, config: ApiConfig): void {
  const unreachable = unreachableStepUpRules(policy, config.oidc.mfa);
  if (unreachable.length === 0) return;
  throw new Error(
    `Policy rules ${unreachable.join(', ')} ask for step-up (MFA), but with ELEVATE_IDP_PROVIDER=${config.oidc.provider} nothing in a token can show MFA: set ELEVATE_MFA_AMR, ELEVATE_MFA_ACR or ELEVATE_MFA_ACRS to what your IdP sends, or ELEVATE_MFA_ENFORCED_BY_IDP=true if it demands MFA at every sign-in (idp.mfa in deploy.yaml; see docs/deploy.md).`,
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
function loadPolicyFromConfig(config: ApiConfig): Policy {
  return loadCompiledPolicy(policyFileOf(config));
}

/**
 * STS and console sign-in for the federate route. The broker's own credentials come from the SDK's
 * default chain: the federate function's role in AWS, the environment locally. Regions are tried in
 * the configured order; each attempt is logged (region, outcome, STS code, time — never an input).
 */
function createFederationFromConfig(
  config: ApiConfig,
  logger: Logger,
  metrics: OperationalMetrics = noMetrics,
): FederationDeps {
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
      onAttempt: (attempt) => {
        logger.info('sts attempt', { ...attempt });
        // A region that failed retryably: the next one is tried (docs/operations.md, StsFailover).
        if (attempt.outcome === 'retryable')
          metrics.count(METRIC.stsFailovers, { name: 'region', value: attempt.region });
      },
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

/** The digest store and key the environment names, if any (loadAuditIntegrityConfig). */
function auditIntegrityOf(store: Store): AuditIntegrityDeps | undefined {
  const config = loadAuditIntegrityConfig();
  return config === undefined ? undefined : composeAuditIntegrity(config, store);
}

/**
 * Slack's interactive endpoint when the Slack app is configured: its signing secret, cached. The
 * Secrets Manager client is made on the first Slack call, not at every cold start.
 */
function slackInteractionsOf(config: ApiConfig, store: Store): Pick<AppDeps, 'slackInteractions'> {
  const { slackSecretId } = config;
  if (slackSecretId === undefined) return {};
  let secret: CachedSecret<{ signingSecret: string }> | undefined;
  const secretOf = () =>
    (secret ??= new CachedSecret({
      secretId: slackSecretId,
      schema: z.object({ signingSecret: z.string().check(z.minLength(1)) }),
    }));
  return {
    slackInteractions: {
      signingSecret: async () => (await secretOf().get()).signingSecret,
      replays: new DynamoDbReplayGuard(store),
    },
  };
}

/**
 * The composition root: real adapters chosen by configuration, nothing else. `options.routes`
 * says which routes this app serves; STS and sign-in are only built for an app with the federate route.
 */
export function composeApp(
  config: ApiConfig,
  overrides: Partial<AppDeps> = {},
  options: AppOptions & { store?: Store } = {},
): { app: Hono<AppEnv>; deps: AppDeps } {
  const { store, ...appOptions } = options;
  const routes = appOptions.routes ?? 'api';
  if (routes === 'federate') return composeFederateApp(config, overrides, store);
  if (routes === 'api') return composeApiApp(config, overrides, store);
  // Everything in one process (the local server): the API's routes and the federate route.
  const shared = sharedDeps(config, overrides, store);
  const deps: AppDeps = {
    ...apiDeps(config, overrides, shared),
    ...(overrides.federation === undefined ? { federation: federationOf(config, shared) } : {}),
    ...overrides,
    logger: shared.logger,
  };
  return { app: createApp(deps, appOptions), deps };
}

/**
 * The API function's composition root: every route but the federate one. It builds no STS client
 * or console sign-in (that function's role cannot call STS), so its bundle carries neither.
 */
export function composeApiApp(
  config: ApiConfig,
  overrides: Partial<AppDeps> = {},
  store?: Store,
): { app: Hono<AppEnv>; deps: AppDeps } {
  const deps = apiDeps(config, overrides, sharedDeps(config, overrides, store));
  return { app: createApp(deps, { routes: 'api' }), deps };
}

/** The API's routes' ports: the shared ones plus insights, idempotency, audit digests and Slack. */
function apiDeps(config: ApiConfig, overrides: Partial<AppDeps>, shared: SharedDeps): AppDeps {
  const { store, logger } = shared;
  return {
    ...shared.deps,
    insights: overrides.insights ?? new DynamoDbInsightsReadModel(store),
    idempotency: overrides.idempotency ?? new DynamoDbIdempotencyStore(store),
    auditIntegrity:
      'auditIntegrity' in overrides ? overrides.auditIntegrity : auditIntegrityOf(store),
    ...slackInteractionsOf(config, store),
    ...overrides,
    logger,
  };
}

/**
 * The federate function's composition root: what the federate route needs and nothing more. It
 * imports neither the other routes nor the audit digests' S3 and KMS clients nor Secrets Manager,
 * so the federate bundle does not carry them (infra/src/bundles, `pnpm bench:bundles`).
 */
export function composeFederateApp(
  config: ApiConfig,
  overrides: Partial<AppDeps> = {},
  store?: Store,
): { app: Hono<AppEnv>; deps: AppDeps } {
  const shared = sharedDeps(config, overrides, store);
  const deps: AppDeps = {
    ...shared.deps,
    ...(overrides.federation === undefined ? { federation: federationOf(config, shared) } : {}),
    ...overrides,
    logger: shared.logger,
  };
  return { app: createFederateApp(deps), deps };
}

interface SharedDeps {
  deps: AppDeps;
  logger: Logger;
  /** The table, its client made only if a store is not overridden. */
  store: Store;
  metrics: OperationalMetrics | undefined;
}

/** What the API and the federate function both need: tokens, requests, sessions, policy, people. */
function sharedDeps(
  config: ApiConfig,
  overrides: Partial<AppDeps>,
  store: Store = openStore(config.dynamodb),
): SharedDeps {
  const logger: Logger = overrides.logger ?? createJsonLogger({ level: config.logLevel });
  const policy = overrides.policy ?? loadPolicyFromConfig(config);
  assertStepUpReachable(policy, config);
  const deps: AppDeps = {
    // A pair verified in full answers again for up to 60 s, never past its exp (decision 0007); the
    // authorizer in front verifies every call in full.
    verifier: overrides.verifier ?? cachingVerifiedPairs(createVerifierFromConfig(config, logger)),
    repository: overrides.repository ?? new DynamoDbAccessRequestRepository(store),
    sessions: overrides.sessions ?? new DynamoDbSessionRecordRepository(store),
    policy,
    mfaEvidence: config.oidc.mfa,
    clock: systemClock,
    ids: ulidIdGenerator,
    allowedOrigin: config.allowedOrigin,
    people: overrides.people ?? new DynamoDbPeopleDirectory(store),
    logger,
  };
  return { deps, logger, store, metrics: overrides.metrics };
}

/** STS, console sign-in and the identity bindings, for an app that serves the federate route. */
function federationOf(config: ApiConfig, shared: SharedDeps): FederationDeps {
  return {
    ...createFederationFromConfig(config, shared.logger, shared.metrics),
    // Asked on every federate call; a 'bound' answer is final (bindings are never deleted).
    identityBindings: rememberingBindings(new DynamoDbIdentityBindings(shared.store)),
  };
}
