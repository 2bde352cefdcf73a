import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { composeApiApp } from '../composition/compose-app';
import { functionRoot } from '../composition/function-root';
import { loadConfig } from '../config';
import { observed } from '../observability/lambda-handler';

// Built once per Lambda container (init phase) and reused across invocations, JWKS cache included.
// Every route but the federate one: this function's role cannot call STS (see lambda/federate.ts).
const config = loadConfig();
const { logger, metrics, tracer, store } = functionRoot(config);
const { app } = composeApiApp(config, { logger, metrics }, store);

/**
 * The API function behind API Gateway. It verifies both tokens again even though the Lambda
 * authorizer already did: defence in depth, and the same code path as on a laptop.
 */
const serve = handle(app);
export const handler = observed(
  (event: LambdaEvent, context: LambdaContext) => serve(event, context),
  { logger, metrics, tracer },
);
