import { StsError, validationError } from '../sts-error';

const DEFAULT_DURATION_SECONDS = 3600;
const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43200;
/** A role session assuming another role (role chaining) gets at most one hour, whatever the role allows. */
const ROLE_CHAINING_MAX_SECONDS = 3600;

export interface DurationLimits {
  maxSessionDurationSeconds: number;
  roleChaining: boolean;
}

/** DurationSeconds: 900–43200, default 3600, within the role's maximum and the role-chaining hour. */
export function validateDurationSeconds(raw: string | undefined, limits: DurationLimits): number {
  if (raw === undefined) return DEFAULT_DURATION_SECONDS;
  if (!/^-?\d{1,10}$/.test(raw.trim())) {
    throw validationError(raw, 'durationSeconds', 'Member must be an integer');
  }
  const seconds = Number(raw.trim());
  if (seconds < MIN_DURATION_SECONDS) {
    throw validationError(
      raw,
      'durationSeconds',
      `Member must have value greater than or equal to ${MIN_DURATION_SECONDS}`,
    );
  }
  if (seconds > MAX_DURATION_SECONDS) {
    throw validationError(
      raw,
      'durationSeconds',
      `Member must have value less than or equal to ${MAX_DURATION_SECONDS}`,
    );
  }
  if (limits.roleChaining && seconds > ROLE_CHAINING_MAX_SECONDS) {
    throw new StsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (seconds > limits.maxSessionDurationSeconds) {
    throw new StsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  return seconds;
}
