import type { APIGatewayRequestAuthorizerEventV2, Context } from 'aws-lambda';
import { createVerifierFromConfig } from '../verifier-from-config';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { observed } from '../observability/lambda-handler';
import { noMetrics } from '../observability/operational-metrics';
import { createAuthorizerHandler } from './authorize-request';

// Built once per container; the verifier's JWKS cache then lives across invocations.
const config = loadConfig();
// Not functionRoot: the authorizer only verifies tokens, with no store and no AWS SDK client to
// trace (Lambda's active tracing still records each invocation), so its bundle stays small.
const logger = createJsonLogger({ level: config.logLevel });

const authorize = createAuthorizerHandler({
  verifier: createVerifierFromConfig(config, logger),
  logger,
});

/** API Gateway HTTP API Lambda authorizer entry point (no metrics: its errors are Lambda's own). */
export const handler = observed(
  (event: APIGatewayRequestAuthorizerEventV2, _context: Context) => authorize(event),
  { logger, metrics: noMetrics },
);
