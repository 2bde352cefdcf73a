import { validationError } from '../sts-error';

const PATTERN = /^[\w+=,.@-]*$/;

/** RoleSessionName: required, 2–64 characters of `[\w+=,.@-]`. */
export function validateRoleSessionName(value: string | undefined): string {
  if (value === undefined)
    throw validationError(null, 'roleSessionName', 'Member must not be null');
  if (value.length < 2) {
    throw validationError(
      value,
      'roleSessionName',
      'Member must have length greater than or equal to 2',
    );
  }
  if (value.length > 64) {
    throw validationError(
      value,
      'roleSessionName',
      'Member must have length less than or equal to 64',
    );
  }
  if (!PATTERN.test(value)) {
    throw validationError(
      value,
      'roleSessionName',
      'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  }
  return value;
}
