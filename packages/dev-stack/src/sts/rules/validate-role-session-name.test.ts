import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { validateRoleSessionName } from './validate-role-session-name';

describe('validateRoleSessionName', () => {
  it('accepts an identity-derived name of 2–64 allowed characters', () => {
    expect(validateRoleSessionName('someone@example.com-TempAccessRoleS3Admin')).toBe(
      'someone@example.com-TempAccessRoleS3Admin',
    );
    expect(validateRoleSessionName('ab')).toBe('ab');
    expect(validateRoleSessionName('a+b=c,d.e@f-g_h'.padEnd(64, 'x'))).toHaveLength(64);
  });

  it('refuses a missing name, one of 1 or 65 characters, and characters outside [\\w+=,.@-]', () => {
    expect(thrownStsError(() => validateRoleSessionName(undefined)).message).toContain(
      'Member must not be null',
    );
    expect(thrownStsError(() => validateRoleSessionName('a')).code).toBe('ValidationError');
    expect(thrownStsError(() => validateRoleSessionName('x'.repeat(65))).code).toBe(
      'ValidationError',
    );
    for (const bad of ['alice smith', 'alice/smith', 'alice:smith', 'alïce']) {
      expect(thrownStsError(() => validateRoleSessionName(bad)).message).toContain(
        'Member must satisfy regular expression pattern',
      );
    }
  });
});
