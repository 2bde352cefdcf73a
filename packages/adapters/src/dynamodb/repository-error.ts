import type { RepositoryError, RepositoryErrorCode, SessionRecord } from '@elevate/domain';

const repositoryError = (code: RepositoryErrorCode, message: string): RepositoryError => ({
  code,
  message,
});

export const versionConflict = (id: string): RepositoryError =>
  repositoryError(
    'VERSION_CONFLICT',
    `Request ${id} changed since it was read; reload it and try again.`,
  );

export const notFound = (id: string): RepositoryError =>
  repositoryError('NOT_FOUND', `Request ${id} does not exist.`);

export const alreadyExists = (id: string): RepositoryError =>
  repositoryError('ALREADY_EXISTS', `Request ${id} already exists.`);

export const sessionExists = (session: SessionRecord): RepositoryError =>
  repositoryError(
    'ALREADY_EXISTS',
    `Session ${session.id} of request ${session.requestId} is already recorded.`,
  );

/** The port allows 1–100; the API validates first, so anything else is a programming error. */
export const checkLimit = (limit: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new RangeError(`Page limit must be an integer in 1–100, got ${limit}`);
};

/**
 * Thrown by a listing given a cursor it did not hand out. The port's listings return a Page, not a
 * Result, so this carries the port's code; the API maps any error with a known `code` (→ 400).
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly code = 'INVALID_CURSOR' satisfies RepositoryErrorCode;
  constructor(message = 'The cursor is not one this listing handed out.') {
    super(message);
  }
}
