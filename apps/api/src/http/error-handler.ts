import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isAuthError, isServiceUnavailable } from '@elevate/adapters';
import { isProblemCode, RETRY_AFTER_HEADER, type ProblemCode } from '@elevate/contracts';
import type { AppEnv } from '../app-env';
import { errorFields } from '../logger';
import { UseCaseError } from '../use-cases/use-case-error';
import { ApiError } from './api-error';
import { callerGoneOf } from './caller-gone';
import type { ProblemKind } from './problem-catalog';
import { problemResponse } from './problem-response';

const INTERNAL: ProblemKind = { status: 500, title: 'Internal error' };

/** Builds the one error handler: known codes via the catalog, everything else a bare 500. */
export function createErrorHandler(
  catalog: Readonly<Record<ProblemCode, ProblemKind>>,
): ErrorHandler<AppEnv> {
  return (error, c) => {
    const code = codeOf(error);
    const kind = code === undefined ? undefined : catalog[code];
    if (code === undefined || kind === undefined || kind.status >= 500) {
      return internal(c, code ?? 'INTERNAL', kind ?? INTERNAL, error);
    }
    c.set('errorCode', code);
    if (isAuthError(error)) {
      c.var.logger.info('authentication refused', {
        code,
        which: error.token,
        reason: error.reason,
      });
    }
    const headers: Record<string, string> = {
      ...(kind.status === 401 ? { 'www-authenticate': wwwAuthenticate(code) } : {}),
      ...retryAfter(kind),
    };
    const errors =
      error instanceof ApiError || error instanceof UseCaseError ? error.errors : undefined;
    const maxAuthAgeSeconds = error instanceof UseCaseError ? error.maxAuthAgeSeconds : undefined;
    return problemResponse(
      code,
      kind,
      error.message,
      {
        ...(errors === undefined ? {} : { errors }),
        ...(maxAuthAgeSeconds === undefined ? {} : { maxAuthAgeSeconds }),
      },
      headers,
    );
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => {
  c.set('errorCode', 'NOT_FOUND');
  return problemResponse(
    'NOT_FOUND',
    { status: 404, title: 'Not found' },
    `No route for ${c.req.method} ${c.req.path}.`,
  );
};

function codeOf(error: Error): ProblemCode | undefined {
  // Hono's own exceptions (e.g. from its middleware) map by status where we know one.
  if (error instanceof HTTPException) return error.status === 413 ? 'PAYLOAD_TOO_LARGE' : undefined;
  const code: unknown = 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && isProblemCode(code)) return code;
  // The store throttled past its retries, failed, timed out, or the request's budget ran out.
  return isServiceUnavailable(error) ? 'STORE_UNAVAILABLE' : undefined;
}

/** A 5xx says nothing internal: the correlation id links the caller to the log line that does. */
function internal(
  c: Context<AppEnv>,
  code: ProblemCode,
  kind: ProblemKind,
  error: unknown,
): Response {
  const correlationId = c.var.correlationId;
  c.set('errorCode', code);
  // A caller who hung up aborts the call's outbound work (callBudget); the unavailability that
  // follows is their leaving, not the store's, and no one will read the answer. A bug stays an error.
  if (code !== 'INTERNAL' && callerGoneOf(c.req.raw, c.env).aborted) {
    c.set('callerGone', true);
    c.var.logger.info('caller went away before the answer', { code });
  } else c.var.logger.error('request failed', { code, ...errorFields(error) });
  const detail =
    kind.detail ??
    (kind.status === 500
      ? 'Something went wrong on our side. Quote the correlation id when you report it.'
      : 'A service Elevate depends on is unavailable. Try again shortly.');
  return problemResponse(code, kind, detail, { correlationId }, retryAfter(kind));
}

/** RFC 9110 §10.2.3: when asking again may pass. */
const retryAfter = (kind: ProblemKind): Record<string, string> =>
  kind.retryAfterSeconds === undefined
    ? {}
    : { [RETRY_AFTER_HEADER]: String(kind.retryAfterSeconds) };

/**
 * RFC 6750 §3: no error attribute when no token was sent at all; RFC 9470 for a valid token whose
 * sign-in is too old or lacks MFA.
 */
function wwwAuthenticate(code: ProblemCode): string {
  if (code === 'TOKEN_MISSING') return 'Bearer realm="elevate"';
  if (code === 'STEP_UP_REQUIRED') {
    return 'Bearer realm="elevate", error="insufficient_user_authentication"';
  }
  return 'Bearer realm="elevate", error="invalid_token"';
}
