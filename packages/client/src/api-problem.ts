import { problemSchema, type Problem } from '@elevate/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/** Codes the client itself raises when there is no problem+json to read. */
export const CLIENT_PROBLEM_CODES = {
  network: 'network_error',
  notSignedIn: 'not_signed_in',
  unexpectedResponse: 'unexpected_response',
  invalidResponse: 'invalid_response',
} as const;

/** An API failure in words: what the server said (RFC 9457), or what the client could tell. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  readonly correlationId: string | undefined;
  /** On `STEP_UP_REQUIRED`: sign in again with OIDC `max_age` at most this. */
  readonly maxAuthAgeSeconds: number | undefined;

  constructor(
    problem: Omit<Problem, 'type' | 'instance' | 'errors'> & { errors?: FieldError[] | undefined },
  ) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
    this.correlationId = problem.correlationId;
    this.maxAuthAgeSeconds = problem.maxAuthAgeSeconds;
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
  if (/^application\/(problem\+)?json\b/i.test(contentType)) {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = problemSchema.safeParse(body);
    if (parsed.success) return new ApiProblem(parsed.data);
  }
  return genericProblem(response.status);
}

function genericProblem(status: number): ApiProblem {
  if (status >= 500) {
    return new ApiProblem({
      status,
      code: CLIENT_PROBLEM_CODES.unexpectedResponse,
      title: 'The Elevate service had a problem',
      detail: `It answered HTTP ${status} without further detail. Try again in a moment; if it keeps happening, tell your Elevate operators.`,
    });
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
