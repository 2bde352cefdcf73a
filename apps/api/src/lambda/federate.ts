import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { composeFederateApp } from '../composition/compose-app';
import { functionRoot } from '../composition/function-root';
import { loadConfig } from '../config';
import { observed } from '../observability/lambda-handler';

// Built once per Lambda container (init phase): the JWKS cache and STS clients are reused.
// Only the federate route: this function's role is the one principal target roles trust, so it
// serves nothing else; the API function serves everything but this route.
const config = loadConfig();
const { logger, metrics, tracer, store } = functionRoot(config);
const { app } = composeFederateApp(config, { logger, metrics }, store);

/**
 * Lambda entry point of the federation (`POST /requests/{id}/sessions`): checks the request again,
 * assumes the target role, records the session, returns a console sign-in URL or CLI credentials.
 */
const serve = handle(app);
export const handler = observed(
  (event: LambdaEvent, context: LambdaContext) => serve(event, context),
  { logger, metrics, tracer },
);
