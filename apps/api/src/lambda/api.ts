import { handle } from 'hono/aws-lambda';
import { composeApp } from '../compose-app';
import { loadConfig } from '../config';

// Built once per Lambda container (init phase) and reused across invocations, JWKS cache included.
// Every route but the federate one: this function's role cannot call STS (see lambda/federate.ts).
const { app } = composeApp(loadConfig(), {}, { routes: 'api' });

/**
 * The API function behind API Gateway. It verifies both tokens again even though the Lambda
 * authorizer already did: defence in depth, and the same code path as on a laptop.
 */
export const handler = handle(app);
