import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewaySimpleAuthorizerWithContextResult,
} from 'aws-lambda';
import { isAuthError } from '@elevate/adapters';
import type { TokenVerifier } from '@elevate/adapters';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import type { Logger } from '../logger';

/** What the authorizer hands to API Gateway (`$context.authorizer.*`); values must be scalars. */
export interface AuthorizerContext {
  [key: string]: string;
  sub: string;
  email: string;
  name: string;
  /** JSON array of strings. */
  groups: string;
  /** JSON array of strings. */
  amr: string;
  /** ISO-8601 UTC, or "" when the IdP did not say. */
  authTime: string;
}

export type AuthorizerResult = APIGatewaySimpleAuthorizerWithContextResult<
  AuthorizerContext | Record<string, never>
>;

const BEARER = /^Bearer +(\S+)$/i;

/**
 * HTTP API Lambda authorizer (payload 2.0, simple responses) on the same verifier as the app.
 * A refused token answers `isAuthorized: false` (API Gateway sends 403; a missing identity source
 * header already gets 401 from API Gateway). An unreachable IdP throws, so API Gateway fails closed
 * with a 500 rather than caching a denial. Keep the authorizer's result TTL short (≤ 300 s).
 */
export function createAuthorizerHandler(deps: { verifier: TokenVerifier; logger: Logger }) {
  return async (event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResult> => {
    const logger = deps.logger.child({ correlationId: event.requestContext.requestId });
    const headers = lowerCaseKeys(event.headers ?? {});
    const accessToken = BEARER.exec(headers['authorization'] ?? '')?.[1];
    try {
      const identity = await deps.verifier.verify(accessToken, headers[ID_TOKEN_HEADER]);
      return {
        isAuthorized: true,
        context: {
          sub: identity.sub,
          email: identity.email,
          name: identity.name,
          groups: JSON.stringify(identity.groups),
          amr: JSON.stringify(identity.amr),
          authTime: identity.authTime ?? '',
        },
      };
    } catch (error) {
      if (isAuthError(error) && error.code !== 'IDP_UNAVAILABLE') {
        logger.info('authorizer refused', {
          code: error.code,
          which: error.token,
          reason: error.reason,
        });
        return { isAuthorized: false, context: {} };
      }
      logger.error('authorizer failed', { code: isAuthError(error) ? error.code : 'INTERNAL' });
      throw new Error('Authorizer could not verify the request');
    }
  };
}

/** API Gateway lower-cases header names in payload 2.0; this keeps us safe if it ever does not. */
function lowerCaseKeys(
  headers: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]),
  );
}
