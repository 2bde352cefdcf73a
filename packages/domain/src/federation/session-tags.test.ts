import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SESSION_TAG_KEYS,
  SESSION_TAG_LIMITS,
  sanitizeTagValue,
  sessionTagsFor,
} from './session-tags';
import { realisticEmail } from './testing/email-arbitraries';

const KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

describe('sessionTagsFor', () => {
  it('tags the request id, the requester and the ticket', () => {
    expect(
      sessionTagsFor({ id: 'req-01HZX', ticket: 'OPS-1234' }, { email: 'Alice+ops@Example.com' }),
    ).toEqual([
      { key: 'elevate:request-id', value: 'req-01HZX' },
      { key: 'elevate:requester', value: 'alice+ops@example.com' },
      { key: 'elevate:ticket', value: 'OPS-1234' },
    ]);
  });

  it('leaves the ticket tag out when there is none', () => {
    expect(sessionTagsFor({ id: 'r1' }, { email: 'a@example.com' }).map((tag) => tag.key)).toEqual([
      SESSION_TAG_KEYS.requestId,
      SESSION_TAG_KEYS.requester,
    ]);
  });

  it('keeps Unicode letters in values, which STS allows, and replaces what it refuses', () => {
    expect(sanitizeTagValue('jürgen@example.de')).toBe('jürgen@example.de');
    expect(sanitizeTagValue('OPS#12 (prod)!')).toBe('OPS-12 -prod--');
  });

  it('cuts values at 256 characters without splitting a surrogate pair', () => {
    expect(sanitizeTagValue('a'.repeat(300))).toHaveLength(256);
    const emoji = `${'a'.repeat(255)}𝒜`;
    expect(sanitizeTagValue(emoji)).toBe('a'.repeat(255));
  });

  it('always fits STS’s tag rules, with no reserved keys', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ unit: 'binary', maxLength: 400 }), { nil: undefined }),
        realisticEmail,
        (id, ticket, email) => {
          const tags = sessionTagsFor(ticket === undefined ? { id } : { id, ticket }, { email });
          expect(tags.length).toBeLessThanOrEqual(SESSION_TAG_LIMITS.maxTags);
          expect(new Set(tags.map((tag) => tag.key.toLowerCase())).size).toBe(tags.length);
          for (const tag of tags) {
            expect(tag.key).toMatch(KEY_PATTERN);
            expect(tag.key.toLowerCase().startsWith('aws:')).toBe(false);
            expect(tag.value.length).toBeLessThanOrEqual(SESSION_TAG_LIMITS.maxValueLength);
            expect(tag.value).toMatch(VALUE_PATTERN);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
