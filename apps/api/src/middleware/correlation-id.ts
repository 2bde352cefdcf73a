import type { MiddlewareHandler } from 'hono';
import { CORRELATION_ID_HEADER } from '@elevate/contracts';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';
import { setOnAnswer } from '../http/answer-headers';
import { runAsCall } from '../use-cases/call-correlation';

/** Only ids that are safe to echo and to log (no spaces, quotes or newlines). */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * API Gateway's id of this call, when running behind it (hono's Lambda adapter passes the event's
 * request context as `c.env`): the authorizer logs the same id, so one id follows a call through
 * the authorizer, the API and the federate function.
 */
function apiGatewayRequestId(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  const context: unknown = Reflect.get(env, 'requestContext');
  if (typeof context !== 'object' || context === null) return undefined;
  const id: unknown = Reflect.get(context, 'requestId');
  return typeof id === 'string' && ACCEPTABLE_ID.test(id) ? id : undefined;
}

/**
 * The call's correlation id: API Gateway's request id in AWS; locally the caller's header if it is
 * sane, or a new one. Echoed on every response, so a caller can quote it to an operator.
 */
export function correlationId(logger: Logger, newId: () => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const offered = c.req.header(CORRELATION_ID_HEADER);
    const id =
      apiGatewayRequestId(c.env) ??
      (offered !== undefined && ACCEPTABLE_ID.test(offered) ? offered : newId());
    c.set('correlationId', id);
    c.set('logger', logger.child({ correlationId: id }));
    // What the call writes carries the id too (history events), for the functions on the stream.
    await runAsCall(id, next);
    setOnAnswer(c, CORRELATION_ID_HEADER, id);
  };
}
