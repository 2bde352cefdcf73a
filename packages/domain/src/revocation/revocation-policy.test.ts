import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIso, toMillis } from '../time';
import {
  REVOCATION_RACE_SECONDS,
  policySizeOf,
  pruneRevocations,
  revocationEntriesOf,
  revocationEntryOf,
  revocationPolicyOf,
  withRevocation,
} from './revocation-policy';

const CLOSED = '2026-12-03T22:00:00.000Z';

describe('the revocation policy on a target role', () => {
  it('is exactly this JSON: deny everything to sessions tagged with the request, until every one has expired', () => {
    const entry = revocationEntryOf({
      id: '01JREQUEST0000000000000001',
      closedAt: CLOSED,
      updatedAt: CLOSED,
    });
    expect(entry).toEqual({
      requestId: '01JREQUEST0000000000000001',
      keepUntil: '2026-12-03T23:05:00Z',
    });
    expect(revocationPolicyOf([entry])).toBe(
      '{"Version":"2012-10-17","Statement":[{"Sid":"Revoked01JREQUEST0000000000000001","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/elevate:request-id":"01JREQUEST0000000000000001"},"DateLessThan":{"aws:CurrentTime":"2026-12-03T23:05:00Z"}}}]}',
    );
    expect(revocationPolicyOf([])).toBeUndefined();
  });

  it('keeps an entry longer when a recorded session outlives the usual bound', () => {
    const entry = revocationEntryOf({ id: 'r', closedAt: CLOSED, updatedAt: CLOSED }, [
      { expiresAt: '2026-12-03T23:30:00.250Z' },
    ]);
    expect(entry.keepUntil).toBe('2026-12-03T23:30:01Z');
  });

  it('reads back what it wrote, and refuses a document with statements it did not write', () => {
    const entries = [
      { requestId: 'a', keepUntil: '2026-12-03T23:00:00Z' },
      { requestId: 'b', keepUntil: '2026-12-03T23:30:00Z' },
    ];
    expect(revocationEntriesOf(revocationPolicyOf(entries))).toEqual(entries);
    expect(() =>
      revocationEntriesOf(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      ),
    ).toThrow(/did not write/);
  });

  it('adds once per request, keeping the later bound, and prunes what has expired', () => {
    const a = { requestId: 'a', keepUntil: '2026-12-03T23:00:00Z' };
    const b = { requestId: 'b', keepUntil: '2026-12-03T23:30:00Z' };
    expect(withRevocation([a], b, '2026-12-03T22:30:00Z')).toEqual([a, b]);
    expect(withRevocation([a], b, '2026-12-03T23:00:00Z')).toEqual([b]);
    expect(
      withRevocation([a, b], { ...a, keepUntil: '2026-12-03T23:10:00Z' }, '2026-12-03T22:30:00Z'),
    ).toEqual([{ ...a, keepUntil: '2026-12-03T23:10:00Z' }, b]);
  });

  it('fits forty live revocations on one role within IAM’s 10,240-character inline quota', () => {
    const entries = Array.from({ length: 40 }, (_, i) =>
      revocationEntryOf({
        id: `01JREQUEST00000000000000${String(i).padStart(2, '0')}`,
        closedAt: CLOSED,
        updatedAt: CLOSED,
      }),
    );
    expect(policySizeOf(revocationPolicyOf(entries) ?? '')).toBeLessThanOrEqual(10_240);
  });
});

describe('pruning (property)', () => {
  const instant = (min: number, max: number) => fc.integer({ min, max }).map((ms) => toIso(ms));
  const base = Date.parse(CLOSED);

  it('never removes an entry while a session it covers can still be alive', () => {
    fc.assert(
      fc.property(
        instant(base - 3_600_000, base),
        // Sessions: issued before the close (or in the race just after it), at most one hour long.
        fc.array(
          fc.record({
            issuedOffsetSeconds: fc.integer({ min: -3600, max: REVOCATION_RACE_SECONDS }),
            durationSeconds: fc.integer({ min: 900, max: 3600 }),
          }),
          { maxLength: 5 },
        ),
        fc.integer({ min: 0, max: 3 * 3600 }),
        (closedAt, sessions, nowOffsetSeconds) => {
          const expiries = sessions.map(({ issuedOffsetSeconds, durationSeconds }) =>
            toIso(toMillis(closedAt) + (issuedOffsetSeconds + durationSeconds) * 1000),
          );
          // Half the time the revoker knows the session records, half the time it does not.
          const known =
            expiries.length % 2 === 0 ? expiries.map((expiresAt) => ({ expiresAt })) : [];
          const entry = revocationEntryOf({ id: 'req', closedAt, updatedAt: closedAt }, known);
          const now = toIso(toMillis(closedAt) + nowOffsetSeconds * 1000);
          const kept = pruneRevocations([entry], now).length === 1;
          const someAlive = expiries.some((expiresAt) => toMillis(now) < toMillis(expiresAt));
          if (someAlive) expect(kept).toBe(true);
        },
      ),
    );
  });
});
