/** Error codes the emulator answers, each with the HTTP status AWS STS uses for it. */
const stsErrorStatus = {
  AccessDenied: 403,
  ExpiredToken: 403,
  IncompleteSignature: 400,
  InvalidAction: 400,
  InvalidClientTokenId: 403,
  LimitExceeded: 409,
  MalformedPolicyDocument: 400,
  MissingAction: 400,
  MissingAuthenticationToken: 403,
  NoSuchEntity: 404,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  SignatureDoesNotMatch: 403,
  ValidationError: 400,
} as const;

export type StsErrorCode = keyof typeof stsErrorStatus;

/** An STS error as AWS reports it: a fixed code, the matching status, a message safe to show the caller. */
export class StsError extends Error {
  readonly status: number;

  constructor(
    readonly code: StsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StsError';
    this.status = stsErrorStatus[code];
  }
}

/** AWS's wording for a failed member constraint, e.g. `Value '1' at 'durationSeconds' failed to satisfy constraint: ...`. */
export function validationError(
  value: string | null,
  member: string,
  constraint: string,
): StsError {
  const shown = value === null ? 'null' : `'${value}'`;
  return new StsError(
    'ValidationError',
    `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}
