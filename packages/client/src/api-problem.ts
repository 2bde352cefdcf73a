import * as z from 'zod/mini';
import {
  isProblemCode,
  problemSchema,
  RETRY_AFTER_HEADER,
  type Problem,
  type ProblemCode,
} from '@elevate/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/** Codes the client itself raises when there is no problem+json it can read. */
export const CLIENT_PROBLEM_CODES = {
  network: 'network_error',
  notSignedIn: 'not_signed_in',
  unexpectedResponse: 'unexpected_response',
  invalidResponse: 'invalid_response',
  /**
   * A problem+json whose `code` this build does not know: a server newer than the client. The
   * server's status, title and detail are kept; its code is in `ApiProblem.unknownCode`.
   */
  unknownCode: 'unknown_code',
} as const;
export type ClientProblemCode = (typeof CLIENT_PROBLEM_CODES)[keyof typeof CLIENT_PROBLEM_CODES];

/** What an ApiProblem's `code` may be: one the API sends, or one the client raised itself. */
export type ApiProblemCode = ProblemCode | ClientProblemCode;

/** A problem as read: its code is open until checked against the closed list. */
const receivedProblemSchema = z.extend(problemSchema, { code: z.string() });

/** An API failure in words: what the server said (RFC 9457), or what the client could tell. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  readonly code: ApiProblemCode;
  /** Set when `code` is `unknown_code`: the code the (newer) server sent, to quote to operators. */
  readonly unknownCode: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly correlationId: string | undefined;
  /** On `STEP_UP_REQUIRED`: sign in again with OIDC `max_age` at most this. */
  readonly maxAuthAgeSeconds: number | undefined;
  /** From `Retry-After`: the answer is temporary and asking again after this long may pass. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    problem: Omit<Problem, 'type' | 'instance' | 'errors' | 'code'> & {
      code: ApiProblemCode;
      errors?: FieldError[] | undefined;
    },
    retryAfterSeconds?: number,
    unknownCode?: string,
  ) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.unknownCode = unknownCode;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.correlationId = problem.correlationId;
    this.maxAuthAgeSeconds = problem.maxAuthAgeSeconds;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Temporary: the service is busy or a dependency is down; the same call may pass shortly. */
  get isTemporary(): boolean {
    return this.status === 503 || this.status === 0 || this.retryAfterSeconds !== undefined;
  }

  /** Errors for one form field, for `FormField errorText`. */
  fieldError(path: string): string | undefined {
    const messages = this.fieldErrors
      .filter((error) => error.path === path)
      .map((error) => error.message);
    return messages.length > 0 ? messages.join(' ') : undefined;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/**
 * Reads a failed response. A problem+json body becomes an ApiProblem with the server's words;
 * anything else (a proxy's HTML 502, an empty 500) becomes a generic one that says what to do.
 */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('content-type') ?? '';
  const retryAfter = retryAfterSecondsOf(response.headers.get(RETRY_AFTER_HEADER));
  if (/^application\/(problem\+)?json\b/i.test(contentType)) {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = receivedProblemSchema.safeParse(body);
    if (parsed.success) {
      const { code, ...rest } = parsed.data;
      // However the server words it, a 503 tells people what to do.
      const detail =
        rest.status === 503 && !/try again/i.test(rest.detail ?? '')
          ? `${rest.detail ?? ''} Try again in a moment.`.trim()
          : rest.detail;
      const known = isProblemCode(code);
      return new ApiProblem(
        {
          ...rest,
          code: known ? code : CLIENT_PROBLEM_CODES.unknownCode,
          ...(detail === undefined ? {} : { detail }),
        },
        retryAfter,
        known ? undefined : code,
      );
    }
  }
  return genericProblem(response.status, retryAfter);
}

/** RFC 9110 `Retry-After` in seconds (the HTTP-date form is not used by Elevate). */
function retryAfterSecondsOf(header: string | null): number | undefined {
  if (header === null || !/^\d{1,4}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

function genericProblem(status: number, retryAfterSeconds?: number): ApiProblem {
  if (status >= 500) {
    return new ApiProblem(
      {
        status,
        code: CLIENT_PROBLEM_CODES.unexpectedResponse,
        title: 'The Elevate service had a problem',
        detail: `It answered HTTP ${status} without further detail. Try again in a moment; if it keeps happening, tell your Elevate operators.`,
      },
      retryAfterSeconds,
    );
  }
  return new ApiProblem({
    status,
    code: CLIENT_PROBLEM_CODES.unexpectedResponse,
    title: 'The Elevate service refused the request',
    detail: `It answered HTTP ${status} without further detail.`,
  });
}

/** The API wants a fresh sign-in (MFA, recent authentication) before this action. */
export function isStepUpRequired(error: unknown): boolean {
  return isApiProblem(error) && error.status === 401 && error.code === 'STEP_UP_REQUIRED';
}
