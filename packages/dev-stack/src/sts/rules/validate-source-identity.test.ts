import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { validateSourceIdentity } from './validate-source-identity';

describe('validateSourceIdentity', () => {
  it('accepts 2–64 allowed characters and is optional', () => {
    expect(validateSourceIdentity('alice@example.com', undefined)).toBe('alice@example.com');
    expect(validateSourceIdentity(undefined, undefined)).toBeUndefined();
  });

  it("inherits the calling session's source identity, and accepts the same value again", () => {
    expect(validateSourceIdentity(undefined, 'alice@example.com')).toBe('alice@example.com');
    expect(validateSourceIdentity('alice@example.com', 'alice@example.com')).toBe(
      'alice@example.com',
    );
  });

  it('refuses a reserved aws: prefix, a wrong length or a character outside [\\w+=,.@-]', () => {
    expect(thrownStsError(() => validateSourceIdentity('aws:alice', undefined)).message).toContain(
      "'aws:'",
    );
    expect(thrownStsError(() => validateSourceIdentity('a', undefined)).code).toBe(
      'ValidationError',
    );
    expect(thrownStsError(() => validateSourceIdentity('a'.repeat(65), undefined)).code).toBe(
      'ValidationError',
    );
    expect(
      thrownStsError(() => validateSourceIdentity('alice smith', undefined)).message,
    ).toContain('regular expression pattern');
  });

  it('refuses changing a source identity set earlier in the chain', () => {
    const error = thrownStsError(() =>
      validateSourceIdentity('mallory@example.com', 'alice@example.com'),
    );
    expect(error.code).toBe('ValidationError');
    expect(error.message).toContain("can't be changed");
  });
});
