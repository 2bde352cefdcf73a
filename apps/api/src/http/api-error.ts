import type { FieldError, HttpProblemCode } from '@elevate/contracts';

/** A problem at one place in the input, as sent in a 400's `errors`. */
/** An error the HTTP layer raises itself (bad input, too large, not found). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: HttpProblemCode;
  readonly errors: FieldError[] | undefined;

  constructor(code: HttpProblemCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.code = code;
    this.errors = errors;
  }
}
