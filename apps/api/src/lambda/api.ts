import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { composeApiApp } from '../compose-app';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { observed } from '../observability/lambda-handler';
import { createPowertoolsMetrics } from '../observability/operational-metrics';

// Built once per Lambda container (init phase) and reused across invocations, JWKS cache included.
// Every route but the federate one: this function's role cannot call STS (see lambda/federate.ts).
const config = loadConfig();
const logger = createJsonLogger({ level: config.logLevel });
const metrics = createPowertoolsMetrics();
const { app } = composeApiApp(config, { logger, metrics });

/**
 * The API function behind API Gateway. It verifies both tokens again even though the Lambda
 * authorizer already did: defence in depth, and the same code path as on a laptop.
 */
const serve = handle(app);
export const handler = observed(
  (event: LambdaEvent, context: LambdaContext) => serve(event, context),
  { logger, metrics },
);
