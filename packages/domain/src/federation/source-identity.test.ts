import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleSessionNameFor } from './role-session-name';
import { sourceIdentityFor } from './source-identity';
import { STS_IDENTIFIER_PATTERN, canonicalEmail } from './sts-identifier';
import { realisticEmail } from './testing/email-arbitraries';

const person = (email: string) => ({ email });

describe('sourceIdentityFor', () => {
  it('is the email itself when STS accepts it', () => {
    expect(sourceIdentityFor(person('someone@example.com'))).toBe('someone@example.com');
    expect(sourceIdentityFor(person('Alice+Ops@Example.com'))).toBe('alice+ops@example.com');
  });

  it('sanitizes and hashes an email STS would refuse', () => {
    expect(sourceIdentityFor(person('zoë@example.com'))).toMatch(/^zo-@example\.com-[0-9a-f]{16}$/);
    expect(sourceIdentityFor(person('jürgen@example.de'))).toBe(
      'j-rgen@example.de-8bf1a09d3f496e0c',
    );
  });

  it('hashes an email that would otherwise look like a shortened name', () => {
    const tricky = 'x@example.com-0123456789abcdef';
    expect(sourceIdentityFor(person(tricky))).not.toBe(tricky);
  });

  it('never starts with the reserved aws: prefix', () => {
    expect(
      sourceIdentityFor(person('aws:admin@example.com')).toLowerCase().startsWith('aws:'),
    ).toBe(false);
  });

  it('is at least two characters even for a one-character or empty email', () => {
    expect(sourceIdentityFor(person('a'))).toMatch(STS_IDENTIFIER_PATTERN);
    expect(sourceIdentityFor(person(''))).toMatch(STS_IDENTIFIER_PATTERN);
  });

  it('hashes differently from the session name, which also covers the role', () => {
    const email = 'jürgen@example.de';
    expect(sourceIdentityFor(person(email)).slice(-16)).not.toBe(
      roleSessionNameFor(person(email), 'ReadOnly').slice(-16),
    );
  });

  describe('properties', () => {
    it('is always valid for STS and never starts with aws:', () => {
      fc.assert(
        fc.property(
          fc.oneof(realisticEmail, fc.string(), fc.string({ unit: 'binary' })),
          (email) => {
            const identity = sourceIdentityFor(person(email));
            expect(identity).toMatch(STS_IDENTIFIER_PATTERN);
            expect(identity.toLowerCase().startsWith('aws:')).toBe(false);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('is stable for one user', () => {
      fc.assert(
        fc.property(realisticEmail, (email) => {
          expect(sourceIdentityFor(person(` ${email}`))).toBe(sourceIdentityFor(person(email)));
        }),
      );
    });

    it('never gives two distinct people the same identity', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(realisticEmail, { selector: canonicalEmail, minLength: 2, maxLength: 60 }),
          (emails) => {
            expect(new Set(emails.map((email) => sourceIdentityFor(person(email)))).size).toBe(
              emails.length,
            );
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
