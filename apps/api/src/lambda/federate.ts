import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { composeFederateApp } from '../compose-app';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { observed } from '../observability/lambda-handler';
import { createPowertoolsMetrics } from '../observability/operational-metrics';

// Built once per Lambda container (init phase): the JWKS cache and STS clients are reused.
// Only the federate route: this function's role is the one principal target roles trust, so it
// serves nothing else; the API function serves everything but this route.
const config = loadConfig();
const logger = createJsonLogger({ level: config.logLevel });
const metrics = createPowertoolsMetrics();
const { app } = composeFederateApp(config, { logger, metrics });

/**
 * Lambda entry point of the federation (`POST /requests/{id}/sessions`): checks the request again,
 * assumes the target role, records the session, returns a console sign-in URL or CLI credentials.
 */
const serve = handle(app);
export const handler = observed(
  (event: LambdaEvent, context: LambdaContext) => serve(event, context),
  { logger, metrics },
);
