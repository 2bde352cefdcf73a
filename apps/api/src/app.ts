import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { TokenVerifier } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import type { AppEnv, AuthedEnv } from './app-env';
import { ApiError } from './http/api-error';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { problemCatalog } from './http/problem-catalog';
import type { ProblemKind } from './http/problem-catalog';
import type { Logger } from './logger';
import { authenticate } from './middleware/authenticate';
import { CORRELATION_ID_HEADER, correlationId } from './middleware/correlation-id';
import { requestLog } from './middleware/request-log';
import { auditRoutes } from './routes/audit-routes';
import { healthRoutes } from './routes/health-routes';
import { meRoutes } from './routes/me-routes';
import { policyRoutes } from './routes/policy-routes';
import { requestRoutes } from './routes/request-routes';
import { reviewRoutes } from './routes/review-routes';
import type { UseCaseDeps } from './use-cases/use-case-deps';

/**
 * Everything the app needs from outside; the composition root (compose-app.ts) or a test builds it.
 * The use cases' ports (repository, policy, clock, ids) plus the HTTP layer's own.
 */
export interface AppDeps extends UseCaseDeps {
  verifier: TokenVerifier;
  logger: Logger;
  /** The SPA's origin; no CORS headers at all when unset (same-origin deployment). */
  allowedOrigin?: string | undefined;
  /** Request bodies above this are refused with 413 before any handler reads them. */
  maxBodyBytes?: number;
  /** More error codes (e.g. the domain's) and how they are answered. */
  extraProblems?: Readonly<Record<string, ProblemKind>>;
  newCorrelationId?: () => string;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** The one Hono app, served by Lambda (lambda/api.ts) and by Node (local.ts). */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  app.onError(createErrorHandler({ ...problemCatalog, ...deps.extraProblems }));
  app.notFound(notFoundHandler);

  app.use(correlationId(deps.logger, deps.newCorrelationId ?? randomUUID));
  app.use(requestLog(() => new Date(deps.clock.now())));
  if (deps.allowedOrigin !== undefined) {
    app.use(
      cors({
        origin: deps.allowedOrigin,
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowHeaders: ['authorization', 'content-type', ID_TOKEN_HEADER, CORRELATION_ID_HEADER],
        exposeHeaders: [CORRELATION_ID_HEADER],
        maxAge: 600,
      }),
    );
  }
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(
          'PAYLOAD_TOO_LARGE',
          `Request bodies are limited to ${maxBodyBytes} bytes.`,
        );
      },
    }),
  );

  app.route('/', healthRoutes());
  // Everything after this point needs both tokens — unknown paths too, so anonymous callers cannot map routes.
  app.route('/', authenticatedRoutes(deps));
  return app;
}

function authenticatedRoutes(deps: AppDeps): Hono<AuthedEnv> {
  const routes = new Hono<AuthedEnv>();
  routes.use(authenticate(deps.verifier));
  routes.route('/', meRoutes(deps));
  routes.route('/', policyRoutes(deps));
  routes.route('/', requestRoutes(deps));
  routes.route('/', reviewRoutes(deps));
  routes.route('/', auditRoutes(deps));
  return routes;
}
