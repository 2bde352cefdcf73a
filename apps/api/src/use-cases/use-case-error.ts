import type {
  DomainError,
  DomainErrorCode,
  RepositoryError,
  RepositoryErrorCode,
} from '@elevate/domain';
import type { ApiRefusalCode, FederationFailureCode, FieldError } from '@elevate/contracts';

/** Codes a use case refuses with; the problem catalog maps every one of them to an HTTP status. */
export type UseCaseErrorCode =
  | DomainErrorCode
  | RepositoryErrorCode
  | Exclude<ApiRefusalCode, 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_IN_PROGRESS'>
  | FederationFailureCode
  // Input that only fails once the server fills in defaults (e.g. a range ending "now").
  | 'VALIDATION_FAILED';

/** A refusal raised by a use case: the domain's, the store's, or the API's own authorization. */
export class UseCaseError extends Error {
  override readonly name = 'UseCaseError';
  readonly code: UseCaseErrorCode;
  readonly errors: FieldError[] | undefined;
  /** STEP_UP_REQUIRED: how recent the sign-in must be, sent in the problem for OIDC `max_age`. */
  readonly maxAuthAgeSeconds: number | undefined;

  constructor(
    code: UseCaseErrorCode,
    detail: string,
    errors?: FieldError[],
    extra: { maxAuthAgeSeconds?: number } = {},
  ) {
    super(detail);
    this.code = code;
    this.errors = errors;
    this.maxAuthAgeSeconds = extra.maxAuthAgeSeconds;
  }
}

/** The domain's refusal as thrown: its message is the policy's reason, safe for the client. */
export const refusal = (error: DomainError | RepositoryError): UseCaseError =>
  new UseCaseError(error.code, error.code === 'VERSION_CONFLICT' ? LOST_RACE : error.message);

const LOST_RACE = 'Someone changed this request at the same moment; reload it and try again.';

/** Absent and not visible answer alike, so ids cannot be probed. */
export const requestNotFound = (): UseCaseError =>
  new UseCaseError('NOT_FOUND', 'There is no request with this id that you may see.');
