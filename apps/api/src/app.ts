import { countOutcomes } from './observability/metrics-middleware';
import { noMetrics, type OperationalMetrics } from './observability/operational-metrics';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IdempotencyStore, TokenVerifier } from '@elevate/adapters';
import type { AppEnv, AuthedEnv } from './app-env';
import { ApiError } from './http/api-error';
import { corsFor } from './http/cors';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { problemCatalog } from './http/problem-catalog';
import type { Logger } from './logger';
import { authenticate } from './middleware/authenticate';
import { callBudget } from './middleware/call-budget';
import { recordSignIn } from './middleware/record-sign-in';
import { idempotency } from './middleware/idempotency';
import { shedLoad } from './middleware/shed-load';
import { federateAdmission } from './http/admission';
import { correlationId } from './middleware/correlation-id';
import { requestLog } from './middleware/request-log';
import { accessRoutes } from './routes/access-routes';
import type { AuditIntegrityDeps } from './audit-integrity/audit-integrity-deps';
import { auditIntegrityRoutes } from './audit-integrity/audit-integrity-routes';
import { auditRoutes } from './routes/audit-routes';
import { insightsRoutes } from './routes/insights-routes';
import { healthRoutes } from './routes/health-routes';
import { meRoutes } from './routes/me-routes';
import { openApiRoutes } from './routes/openapi-routes';
import { policyRoutes } from './routes/policy-routes';
import { invitationRoutes } from './routes/invitation-routes';
import { requestRoutes } from './routes/request-routes';
import { reviewRoutes } from './routes/review-routes';
import { slackInteractionRoutes } from './routes/slack-interaction-routes';
import type { SlackInteractionDeps } from './routes/slack-interaction-routes';
import { SESSIONS_PATH, sessionRoutes } from './routes/session-routes';
import type { FederationDeps, StartSessionDeps } from './use-cases/start-session';
import type { UseCaseDeps } from './use-cases/use-case-deps';

/**
 * Everything the app needs from outside; the composition root (composition/compose-app.ts) or a test builds it.
 * The use cases' ports (repository, policy, clock, ids) plus the HTTP layer's own.
 */
export interface AppDeps extends UseCaseDeps {
  verifier: TokenVerifier;
  logger: Logger;
  /** Operators' counters (EMF in Lambda); none when unset. */
  metrics?: OperationalMetrics;
  /** The SPA's origin; no CORS headers at all when unset (same-origin deployment). */
  allowedOrigin?: string | undefined;
  /** Request bodies above this are refused with 413 before any handler reads them. */
  maxBodyBytes?: number;
  newCorrelationId?: () => string;
  /** Idempotency keys and their outcomes; required by an app that serves the API's routes. */
  idempotency?: IdempotencyStore;
  /** What one request may spend on outbound calls (REQUEST_BUDGET_MS unless a test says less). */
  requestBudgetMs?: number;
  /** STS and console sign-in; required by an app that serves the federate route. */
  federation?: FederationDeps;
  /** Signed daily digests and the verifier's key; `GET /audit/integrity` answers 503 without. */
  auditIntegrity?: AuditIntegrityDeps | undefined;
  /** Slack's interactive endpoint (the app's buttons); unset: no such route. */
  slackInteractions?: SlackInteractionDeps;
}

/**
 * Which routes an app serves. In AWS the API function serves `api` (its role cannot call STS) and
 * the federate function serves `federate` alone; the local server serves `all`.
 */
export type AppRoutes = 'api' | 'federate' | 'all';

export interface AppOptions {
  /** Default `api`: the federate route is only served where it is asked for by name. */
  routes?: AppRoutes;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** The one Hono app, served by Lambda (lambda/api.ts) and by Node (local/local-server.ts). */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<AppEnv> {
  const routes = options.routes ?? 'api';
  if (routes === 'federate') return createFederateApp(deps);
  // Checked before anything is built, so a function misconfigured for federation never starts.
  const federate = routes === 'api' ? undefined : federationDepsOf(deps);
  const app = appWithMiddleware(deps);

  app.route('/', healthRoutes());
  // Slack signs its requests itself (no user tokens): verified in the route, before authentication.
  if (deps.slackInteractions !== undefined)
    app.route('/', slackInteractionRoutes(deps.slackInteractions));
  // Everything after this point needs both tokens — unknown paths too, so anonymous callers cannot map routes.
  if (federate !== undefined) app.use(SESSIONS_PATH, shedLoad(federateAdmission()));
  app.route('/', authenticatedRoutes(deps, deps, federate));
  return app;
}

/**
 * The federate function's app: the federate route alone, behind the same middleware. It imports no
 * other route, so the federate bundle carries none of their use cases or adapters.
 */
export function createFederateApp(deps: AppDeps): Hono<AppEnv> {
  // Checked before anything is built, so a function misconfigured for federation never starts.
  const federate = federationDepsOf(deps);
  const app = appWithMiddleware(deps);
  // Everything needs both tokens — unknown paths too, so anonymous callers cannot map routes.
  app.use(SESSIONS_PATH, shedLoad(federateAdmission()));
  const routes = signedInRoutes(deps);
  routes.route('/', sessionRoutes(federate));
  app.route('/', routes);
  return app;
}

/** Error answers, correlation ids, request logs, metrics, the call budget, CORS and the body limit. */
function appWithMiddleware(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  app.onError(createErrorHandler(problemCatalog));
  app.notFound(notFoundHandler);

  app.use(correlationId(deps.logger, deps.newCorrelationId ?? randomUUID));
  app.use(requestLog(() => new Date(deps.clock.now())));
  app.use(countOutcomes(deps.metrics ?? noMetrics));
  app.use(callBudget(deps.requestBudgetMs));
  if (deps.allowedOrigin !== undefined) app.use(corsFor(deps.allowedOrigin));
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `Request bodies are limited to ${maxBodyBytes} bytes.`,
      );
    },
  });
  // GET and HEAD have no body to limit; looking for one makes @hono/node-server build a whole Request.
  app.use((c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );

  return app;
}

/** Both tokens verified, and the person's record kept from them. */
function signedInRoutes(deps: AppDeps): Hono<AuthedEnv> {
  const routes = new Hono<AuthedEnv>();
  routes.use(authenticate(deps.verifier));
  if (deps.people !== undefined) routes.use(recordSignIn(deps.people, () => deps.clock.now()));
  return routes;
}

function authenticatedRoutes(
  deps: AppDeps,
  api: AppDeps | undefined,
  federate: StartSessionDeps | undefined,
): Hono<AuthedEnv> {
  const routes = signedInRoutes(deps);
  if (api !== undefined) routes.use(idempotency(idempotencyStoreOf(api), api.ids));
  // Before `/requests/:id/...` routes of the API, which never claim `sessions`.
  if (federate !== undefined) routes.route('/', sessionRoutes(federate));
  if (api !== undefined) {
    routes.route('/', openApiRoutes());
    routes.route('/', meRoutes(api));
    routes.route('/', policyRoutes(api));
    routes.route('/', requestRoutes(api));
    routes.route('/', invitationRoutes(api));
    routes.route('/', reviewRoutes(api));
    routes.route('/', auditRoutes(api));
    routes.route('/', auditIntegrityRoutes(api));
    routes.route('/', insightsRoutes(api));
    routes.route('/', accessRoutes(api));
  }
  return routes;
}

function idempotencyStoreOf(deps: AppDeps): IdempotencyStore {
  if (deps.idempotency === undefined) throw new Error('The API routes need an idempotency store.');
  return deps.idempotency;
}

function federationDepsOf(deps: AppDeps): StartSessionDeps {
  const { federation, sessions } = deps;
  if (federation === undefined || sessions === undefined) {
    throw new Error(
      'The federate route needs federation settings and a session record store (see docs/api-config.md).',
    );
  }
  return { ...deps, federation, sessions };
}
