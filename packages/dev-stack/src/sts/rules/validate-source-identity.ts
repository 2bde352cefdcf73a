import { StsError, validationError } from '../sts-error';

const PATTERN = /^[\w+=,.@-]*$/;

/**
 * SourceIdentity: 2–64 characters of `[\w+=,.@-]`, not starting with `aws:`. Once a session has one it is
 * immutable: a chained AssumeRole inherits it and may only repeat the same value.
 */
export function validateSourceIdentity(
  requested: string | undefined,
  inherited: string | undefined,
): string | undefined {
  if (requested === undefined) return inherited;
  if (requested.toLowerCase().startsWith('aws:')) {
    throw new StsError(
      'ValidationError',
      "SourceIdentity can't begin with the reserved prefix 'aws:'.",
    );
  }
  if (requested.length < 2) {
    throw validationError(
      requested,
      'sourceIdentity',
      'Member must have length greater than or equal to 2',
    );
  }
  if (requested.length > 64) {
    throw validationError(
      requested,
      'sourceIdentity',
      'Member must have length less than or equal to 64',
    );
  }
  if (!PATTERN.test(requested)) {
    throw validationError(
      requested,
      'sourceIdentity',
      'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  }
  if (inherited !== undefined && inherited !== requested) {
    throw new StsError(
      'ValidationError',
      `SourceIdentity is already set to '${inherited}' on the calling session and can't be changed when chaining roles.`,
    );
  }
  return requested;
}
