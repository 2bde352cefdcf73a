import { createVerifierFromConfig } from '../verifier-from-config';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { createAuthorizerHandler } from './authorize-request';

// Built once per container; the verifier's JWKS cache then lives across invocations.
const config = loadConfig();
const logger = createJsonLogger({ level: config.logLevel });

/** API Gateway HTTP API Lambda authorizer entry point. */
export const handler = createAuthorizerHandler({
  verifier: createVerifierFromConfig(config, logger),
  logger,
});
