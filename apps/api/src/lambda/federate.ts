import { handle } from 'hono/aws-lambda';
import { composeApp } from '../compose-app';
import { loadConfig } from '../config';

// Built once per Lambda container (init phase): the JWKS cache and STS clients are reused.
// Only the federate route: this function's role is the one principal target roles trust, so it
// serves nothing else; the API function serves everything but this route.
const { app } = composeApp(loadConfig(), {}, { routes: 'federate' });

/**
 * Lambda entry point of the federation (`POST /requests/{id}/sessions`): checks the request again,
 * assumes the target role, records the session, returns a console sign-in URL or CLI credentials.
 */
export const handler = handle(app);
