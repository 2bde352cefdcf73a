import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Only ids that are safe to echo and to log (no spaces, quotes or newlines). */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes the caller's correlation id if it is sane, or makes one; echoes it on every response. */
export function correlationId(logger: Logger, newId: () => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const offered = c.req.header(CORRELATION_ID_HEADER);
    const id = offered !== undefined && ACCEPTABLE_ID.test(offered) ? offered : newId();
    c.set('correlationId', id);
    c.set('logger', logger.child({ correlationId: id }));
    await next();
    c.header(CORRELATION_ID_HEADER, id);
  };
}
