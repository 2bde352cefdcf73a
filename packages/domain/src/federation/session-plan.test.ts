import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinutes, toIso, toMillis } from '../time';
import type { AccessWindow } from '../window';
import {
  CLOCK_MARGIN_SECONDS,
  ROLE_CHAINING_ACTIONS,
  SESSION_LIMITS,
  sessionPlanFor,
} from './session-plan';

const START = '2025-03-03T09:00:00.000Z';
const twoHours: AccessWindow = { startsAt: START, endsAt: addMinutes(START, 120) };
const atSecondsLeft = (window: AccessWindow, seconds: number): string =>
  toIso(toMillis(window.endsAt) - seconds * 1000);

// These cases are about the window, so the rule allows chaining and only the deny-after shows.
const plan = (now: string, window: AccessWindow = twoHours, configuredSessionSeconds = 3600) => {
  const result = sessionPlanFor({ now, window, configuredSessionSeconds, allowRoleChaining: true });
  if (!result.ok) throw new Error(`expected a plan, got ${result.error.code}`);
  return result.value;
};

const denyTimeOf = (policy: string | undefined): string | undefined => {
  if (policy === undefined) return undefined;
  const parsed = JSON.parse(policy) as {
    Statement: { Effect: string; Condition?: { DateGreaterThan?: Record<string, string> } }[];
  };
  return parsed.Statement.find((s) => s.Condition !== undefined)?.Condition?.DateGreaterThan?.[
    'aws:CurrentTime'
  ];
};

describe('sessionPlanFor', () => {
  it('gives the configured length and no policy when the window outlasts it', () => {
    expect(plan(START)).toEqual({
      durationSeconds: 3600,
      endsWithWindow: false,
      expiresAt: '2025-03-03T10:00:00.000Z',
    });
  });

  it('caps the length at one hour because the broker chains roles', () => {
    expect(plan(START, twoHours, 7200).durationSeconds).toBe(3600);
  });

  it('raises a configured length below 900 s to STS’s floor', () => {
    expect(plan(START, twoHours, 300).durationSeconds).toBe(900);
  });

  it('ends with the window, with a deny-after policy, when the window ends first', () => {
    const result = plan(atSecondsLeft(twoHours, 1800));
    expect(result.durationSeconds).toBe(1800);
    expect(result.expiresAt).toBe(twoHours.endsAt);
    expect(denyTimeOf(result.sessionPolicy)).toBe('2025-03-03T11:00:00Z');
  });

  it('issues exactly 900 s with the policy when exactly 900 s are left', () => {
    const result = plan(atSecondsLeft(twoHours, 900));
    expect(result.durationSeconds).toBe(900);
    expect(result.sessionPolicy).toBeDefined();
    expect(result.expiresAt).toBe(twoHours.endsAt);
  });

  it('still issues 900 s when 899 s are left, and the policy stops access at the window’s end', () => {
    const result = plan(atSecondsLeft(twoHours, 899));
    expect(result.durationSeconds).toBe(900);
    expect(denyTimeOf(result.sessionPolicy)).toBe('2025-03-03T11:00:00Z');
    expect(result.expiresAt).toBe(twoHours.endsAt);
  });

  it('attaches the policy when the window ends within the clock margin after the credentials', () => {
    expect(
      plan(atSecondsLeft(twoHours, 3600 + CLOCK_MARGIN_SECONDS)).sessionPolicy,
    ).toBeUndefined();
    expect(
      plan(atSecondsLeft(twoHours, 3600 + CLOCK_MARGIN_SECONDS - 1)).sessionPolicy,
    ).toBeDefined();
  });

  it('rounds a window end with milliseconds down, so the deny never starts late', () => {
    const window = { startsAt: START, endsAt: '2025-03-03T09:30:00.750Z' };
    const result = plan(START, window);
    expect(denyTimeOf(result.sessionPolicy)).toBe('2025-03-03T09:30:00Z');
    expect(result.expiresAt).toBe('2025-03-03T09:30:00.000Z');
  });

  it('allows everything the role allows and denies everything after the window', () => {
    const policy = JSON.parse(plan(atSecondsLeft(twoHours, 600)).sessionPolicy ?? '{}') as Record<
      string,
      unknown
    >;
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'WithinTheRole', Effect: 'Allow', Action: '*', Resource: '*' },
        {
          Sid: 'NotAfterTheElevateWindow',
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': '2025-03-03T11:00:00Z' } },
        },
      ],
    });
  });

  describe('role chaining out of a brokered session', () => {
    const policyOf = (allowRoleChaining: boolean | undefined, now = START) => {
      const result = sessionPlanFor({
        now,
        window: twoHours,
        configuredSessionSeconds: 3600,
        ...(allowRoleChaining === undefined ? {} : { allowRoleChaining }),
      });
      if (!result.ok) throw new Error(result.error.code);
      return result.value.sessionPolicy === undefined
        ? undefined
        : (JSON.parse(result.value.sessionPolicy) as { Statement: Record<string, unknown>[] });
    };

    it('denies sts:AssumeRole* and sts:GetFederationToken unless the rule allows chaining', () => {
      expect(policyOf(undefined)).toEqual({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'WithinTheRole', Effect: 'Allow', Action: '*', Resource: '*' },
          {
            Sid: 'NoSessionsOutOfElevateSessions',
            Effect: 'Deny',
            Action: ['sts:AssumeRole*', 'sts:GetFederationToken'],
            Resource: '*',
          },
        ],
      });
      expect(policyOf(false)).toEqual(policyOf(undefined));
      expect(policyOf(true)).toBeUndefined();
    });

    it('keeps the chaining deny next to the deny-after when the window ends first', () => {
      const statements = policyOf(false, atSecondsLeft(twoHours, 600))?.Statement ?? [];
      expect(statements.map((s) => s['Sid'])).toEqual([
        'WithinTheRole',
        'NoSessionsOutOfElevateSessions',
        'NotAfterTheElevateWindow',
      ]);
      expect(ROLE_CHAINING_ACTIONS).toEqual(['sts:AssumeRole*', 'sts:GetFederationToken']);
    });
  });

  it('refuses before the window opens', () => {
    expect(
      sessionPlanFor({
        now: addMinutes(START, -1),
        window: twoHours,
        configuredSessionSeconds: 3600,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WINDOW_NOT_OPEN' },
    });
  });

  it('refuses at and after the window’s end, and with less than a second left', () => {
    for (const now of [
      twoHours.endsAt,
      addMinutes(twoHours.endsAt, 5),
      toIso(toMillis(twoHours.endsAt) - 500),
    ]) {
      expect(
        sessionPlanFor({ now, window: twoHours, configuredSessionSeconds: 3600 }),
      ).toMatchObject({ ok: false, error: { code: 'WINDOW_OVER' } });
    }
  });

  describe('properties', () => {
    const scenario = fc
      .record({
        startMs: fc.integer({
          min: Date.parse('2024-01-01T00:00:00Z'),
          max: Date.parse('2030-01-01T00:00:00Z'),
        }),
        windowMs: fc.integer({ min: 1, max: 7 * 24 * 3600 * 1000 }),
        offsetFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        configuredSessionSeconds: fc.integer({ min: 1, max: 50_000 }),
      })
      .map(({ startMs, windowMs, offsetFraction, configuredSessionSeconds }) => ({
        window: { startsAt: toIso(startMs), endsAt: toIso(startMs + windowMs) },
        now: toIso(startMs + Math.floor(windowMs * offsetFraction)),
        configuredSessionSeconds,
      }));

    it('stays within STS’s and the role chain’s limits and never exceeds the configured length unless below the floor', () => {
      fc.assert(
        fc.property(scenario, (input) => {
          const result = sessionPlanFor(input);
          if (!result.ok) return;
          const { durationSeconds } = result.value;
          expect(durationSeconds).toBeGreaterThanOrEqual(SESSION_LIMITS.minSeconds);
          expect(durationSeconds).toBeLessThanOrEqual(SESSION_LIMITS.roleChainingMaxSeconds);
          expect(durationSeconds).toBeLessThanOrEqual(
            Math.max(SESSION_LIMITS.minSeconds, input.configuredSessionSeconds),
          );
        }),
        { numRuns: 1000 },
      );
    });

    it('never lets credentials outlive the window without the deny-after policy', () => {
      fc.assert(
        fc.property(scenario, (input) => {
          const result = sessionPlanFor(input);
          if (!result.ok) return;
          const credentialsEndMs = toMillis(input.now) + result.value.durationSeconds * 1000;
          if (credentialsEndMs + CLOCK_MARGIN_SECONDS * 1000 > toMillis(input.window.endsAt)) {
            expect(result.value.sessionPolicy).toBeDefined();
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('never gives access past the window’s end, and a policy that fits STS’s 2048 characters', () => {
      fc.assert(
        fc.property(scenario, (input) => {
          const result = sessionPlanFor(input);
          if (!result.ok) return;
          const { expiresAt, sessionPolicy, durationSeconds } = result.value;
          expect(toMillis(expiresAt)).toBeLessThanOrEqual(toMillis(input.window.endsAt));
          expect(toMillis(expiresAt)).toBeLessThanOrEqual(
            toMillis(input.now) + durationSeconds * 1000,
          );
          if (sessionPolicy !== undefined)
            expect(sessionPolicy.length).toBeLessThanOrEqual(SESSION_LIMITS.maxSessionPolicyChars);
          if (result.value.endsWithWindow && sessionPolicy !== undefined) {
            expect(sessionPolicy.length).toBeLessThanOrEqual(SESSION_LIMITS.maxSessionPolicyChars);
            const denyAt = denyTimeOf(sessionPolicy) ?? '';
            expect(toMillis(denyAt)).toBeLessThanOrEqual(toMillis(input.window.endsAt));
            expect(toMillis(input.window.endsAt) - toMillis(denyAt)).toBeLessThan(1000);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('refuses only when the window is not open or less than a second is left', () => {
      fc.assert(
        fc.property(scenario, (input) => {
          const result = sessionPlanFor(input);
          const leftMs = toMillis(input.window.endsAt) - toMillis(input.now);
          expect(result.ok).toBe(leftMs >= 1000);
        }),
        { numRuns: 1000 },
      );
    });
  });
});
