import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleSessionNameFor } from './role-session-name';
import { STS_IDENTIFIER_PATTERN, canonicalEmail } from './sts-identifier';
import { realisticEmail, roleName } from './testing/email-arbitraries';

const person = (email: string) => ({ email });
const HASHED = /-[0-9a-f]{16}$/;

describe('roleSessionNameFor', () => {
  it('is <email>-<role> when that is valid for STS, as in the seed', () => {
    expect(roleSessionNameFor(person('someone@example.com'), 'TempAccessRoleS3Admin')).toBe(
      'someone@example.com-TempAccessRoleS3Admin',
    );
  });

  it('keeps plus-addressing, which STS allows', () => {
    expect(roleSessionNameFor(person('alice+ops@example.com'), 'ReadOnly')).toBe(
      'alice+ops@example.com-ReadOnly',
    );
  });

  it('treats the email case-insensitively and ignores surrounding spaces', () => {
    expect(roleSessionNameFor(person('  Alice@Example.COM '), 'ReadOnly')).toBe(
      'alice@example.com-ReadOnly',
    );
  });

  it('replaces characters STS refuses and adds a hash, so sanitized look-alikes stay distinct', () => {
    const jurgen = roleSessionNameFor(person('jürgen@example.de'), 'ReadOnly');
    const jorgen = roleSessionNameFor(person('jörgen@example.de'), 'ReadOnly');
    expect(jurgen).toMatch(/^j-rgen@example\.de-ReadOnly-[0-9a-f]{16}$/);
    expect(jorgen).toMatch(/^j-rgen@example\.de-ReadOnly-[0-9a-f]{16}$/);
    expect(jurgen).not.toBe(jorgen);
  });

  it('does not let a name that already uses "-" collide with a sanitized one', () => {
    expect(roleSessionNameFor(person('j-rgen@example.de'), 'ReadOnly')).toBe(
      'j-rgen@example.de-ReadOnly',
    );
    expect(roleSessionNameFor(person('jürgen@example.de'), 'ReadOnly')).not.toBe(
      'j-rgen@example.de-ReadOnly',
    );
  });

  it('shortens a name past 64 characters to the start of the email plus a hash of the full one', () => {
    const local = 'firstname.middlename.lastname.department';
    const name = roleSessionNameFor(person(`${local}@subsidiary.example.com`), 'Administrator');
    expect(name).toHaveLength(64);
    expect(name.startsWith(`${local}@subsi`)).toBe(true);
    expect(name).toMatch(HASHED);
  });

  it('keeps two long emails that differ only at the end apart', () => {
    const a = roleSessionNameFor(person(`${'x'.repeat(60)}.one@example.com`), 'ReadOnly');
    const b = roleSessionNameFor(person(`${'x'.repeat(60)}.two@example.com`), 'ReadOnly');
    expect(a.slice(0, 47)).toBe(b.slice(0, 47));
    expect(a).not.toBe(b);
  });

  it('is exactly 64 characters plain at the limit and hashed one past it', () => {
    const role = 'ReadOnly'; // 9 characters with the dash
    const at64 = `${'a'.repeat(43)}@example.com`; // 55 + 9 = 64
    const at65 = `${'a'.repeat(44)}@example.com`;
    expect(roleSessionNameFor(person(at64), role)).toBe(`${at64}-${role}`);
    expect(roleSessionNameFor(person(at65), role)).toMatch(HASHED);
  });

  it('keeps the names documented in docs/federation.md, so past CloudTrail entries still match', () => {
    expect(roleSessionNameFor(person('jürgen@example.de'), 'ReadOnly')).toBe(
      'j-rgen@example.de-ReadOnly-22c9f94b4fe99e26',
    );
    expect(
      roleSessionNameFor(
        person('firstname.middlename.lastname.department@subsidiary.example.com'),
        'Administrator',
      ),
    ).toBe('firstname.middlename.lastname.department@subsid-ee0590a88476b233');
  });

  it('keeps the @ when a very long local part is shortened, as target roles require *@*', () => {
    const name = roleSessionNameFor(person(`${'a'.repeat(70)}@example.com`), 'ReadOnly');
    expect(name).toHaveLength(64);
    expect(name).toMatch(/^a{16,}@example\.com-ReadOnly-[0-9a-f]{16}$/);
  });

  describe('properties', () => {
    it('is always a valid RoleSessionName', () => {
      fc.assert(
        fc.property(
          fc.oneof(realisticEmail, fc.string(), fc.string({ unit: 'binary' })),
          roleName,
          (email, role) => {
            expect(roleSessionNameFor(person(email), role)).toMatch(STS_IDENTIFIER_PATTERN);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('always contains an @ when the email has one, so it matches the trust policy’s *@*', () => {
      fc.assert(
        fc.property(realisticEmail, roleName, (email, role) => {
          if (canonicalEmail(email).includes('@')) {
            expect(roleSessionNameFor(person(email), role)).toContain('@');
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('is stable for one user and role', () => {
      fc.assert(
        fc.property(realisticEmail, roleName, (email, role) => {
          expect(roleSessionNameFor(person(email), role)).toBe(
            roleSessionNameFor(person(`${email}`), role),
          );
          // Case folds back for all but a few letters (ß → SS), which stay distinct people by design.
          if (email.toUpperCase().toLowerCase() === email.toLowerCase()) {
            expect(roleSessionNameFor(person(email.toUpperCase()), role)).toBe(
              roleSessionNameFor(person(email), role),
            );
          }
        }),
      );
    });

    it('never gives two distinct people the same name for one role', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(realisticEmail, { selector: canonicalEmail, minLength: 2, maxLength: 60 }),
          roleName,
          (emails, role) => {
            const names = emails.map((email) => roleSessionNameFor(person(email), role));
            expect(new Set(names).size).toBe(emails.length);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('shows the email as is whenever it fits and needs no sanitizing', () => {
      fc.assert(
        fc.property(realisticEmail, roleName, (email, role) => {
          const plain = `${canonicalEmail(email)}-${role}`;
          const name = roleSessionNameFor(person(email), role);
          if (/^[\w+=,.@-]{2,64}$/.test(plain) && !HASHED.test(plain)) expect(name).toBe(plain);
          else expect(name).toMatch(HASHED);
        }),
      );
    });
  });
});
