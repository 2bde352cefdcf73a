import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { validateDurationSeconds } from './validate-duration-seconds';

const longRole = { maxSessionDurationSeconds: 43200, roleChaining: false };
const oneHourRole = { maxSessionDurationSeconds: 3600, roleChaining: false };
const chained = { maxSessionDurationSeconds: 43200, roleChaining: true };

describe('validateDurationSeconds', () => {
  it('defaults to 3600 and accepts 900–43200 within the role maximum', () => {
    expect(validateDurationSeconds(undefined, chained)).toBe(3600);
    expect(validateDurationSeconds('900', oneHourRole)).toBe(900);
    expect(validateDurationSeconds('43200', longRole)).toBe(43200);
    expect(validateDurationSeconds('3600', chained)).toBe(3600);
  });

  it('refuses values outside 900–43200 and non-integers with ValidationError', () => {
    expect(thrownStsError(() => validateDurationSeconds('899', longRole)).message).toContain(
      'Member must have value greater than or equal to 900',
    );
    expect(thrownStsError(() => validateDurationSeconds('43201', longRole)).message).toContain(
      'Member must have value less than or equal to 43200',
    );
    expect(thrownStsError(() => validateDurationSeconds('1h', longRole)).code).toBe(
      'ValidationError',
    );
  });

  it("refuses more than the role's MaxSessionDuration", () => {
    const error = thrownStsError(() => validateDurationSeconds('7200', oneHourRole));
    expect(error.code).toBe('ValidationError');
    expect(error.message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  });

  it('refuses more than one hour when the caller is a role session (role chaining)', () => {
    const error = thrownStsError(() => validateDurationSeconds('7200', chained));
    expect(error.code).toBe('ValidationError');
    expect(error.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  });
});
