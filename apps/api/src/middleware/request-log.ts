import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/** One line per request: method, path, status, duration and error code. Never headers or bodies. */
export function requestLog(now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = now().getTime();
    await next();
    const status = c.res.status;
    const fields = {
      method: c.req.method,
      // The path only: query strings are user input we do not need in logs.
      path: c.req.path,
      status,
      durationMs: now().getTime() - started,
      ...(c.var.errorCode === undefined ? {} : { code: c.var.errorCode }),
      ...(c.var.callerGone === true ? { callerGone: true } : {}),
    };
    // Shedding is the process protecting itself, not a fault: a warning, not an error. A caller who
    // hung up gets nothing; what their leaving cut short is not a fault either.
    const level =
      status < 500 || c.var.callerGone === true
        ? 'info'
        : c.var.errorCode === 'OVERLOADED'
          ? 'warn'
          : 'error';
    c.var.logger[level]('request', fields);
  };
}
