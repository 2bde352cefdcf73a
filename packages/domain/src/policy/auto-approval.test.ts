import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { federationCheck } from '../federation/federation-check';
import { addMinutes } from '../time';
import { alice, ctx, errorCode, rita, unwrap } from '../testing/fixtures';
import {
  EVENING_NOW,
  PLAYGROUND,
  WORKING_NOW,
  selfServicePolicy,
  selfServicePolicyData,
} from '../testing/self-service-fixtures';
import { createRequest } from '../transitions/create-request';
import type { CreateRequestInput } from '../transitions/create-request';
import { isWithinWorkingHours, localTimeOf, selfServiceRefusals } from './auto-approval';
import { parsePolicy } from './parse-policy';
import type { AutoApprovalRule } from './policy-schema';

const input = (overrides: Partial<CreateRequestInput> = {}): CreateRequestInput => ({
  id: 'req-ss',
  accountId: PLAYGROUND,
  roleName: 'ReadOnly',
  justification: 'Look at the sandbox bucket layout',
  ticket: 'SBX-42',
  durationMinutes: 60,
  ...overrides,
});

describe('self-service (approvalsRequired: 0 with autoApproval conditions)', () => {
  it('approves a request inside every condition at creation, by the rule, and says so in the history', () => {
    const request = unwrap(createRequest(input(), ctx(alice, WORKING_NOW, selfServicePolicy())));
    expect(request.status).toBe('APPROVED');
    expect(request.approvedByPolicy).toBe(true);
    expect(request.approvedAt).toBe(WORKING_NOW);
    expect(request.decisions).toEqual([]);
    expect(request.history).toHaveLength(1);
    expect(request.history[0]).toMatchObject({ type: 'CREATED', statusAfter: 'APPROVED' });
    expect(request.history[0]?.comment).toContain('sandbox-read-only-self-service');
  });

  it.each([
    ['too long', input({ durationMinutes: 180 }), WORKING_NOW, 'at most 120 minutes'],
    ['outside working hours', input(), EVENING_NOW, 'Europe/Berlin'],
    ['without a matching ticket', input({ ticket: 'OPS-1' }), WORKING_NOW, 'SBX-'],
    ['without any ticket', input({ ticket: undefined }), WORKING_NOW, 'SBX-'],
  ])('refuses a request %s when the rule names no human approvers', (_label, body, now, why) => {
    const result = createRequest(body, ctx(alice, now, selfServicePolicy()));
    expect(errorCode(result)).toBe('SELF_SERVICE_CONDITIONS_UNMET');
    expect(result.ok ? '' : result.error.message).toContain(why);
  });

  it('sends a request outside the conditions to the human approvers the rule names', () => {
    const policy = selfServicePolicy({ fallbackApprovers: true });
    const request = unwrap(createRequest(input(), ctx(alice, EVENING_NOW, policy)));
    expect(request.status).toBe('PENDING');
    expect(request.approvedByPolicy).toBeUndefined();
    expect(request.routing).toMatchObject({ approverGroups: ['reviewers'], approvalsRequired: 1 });
  });

  it('is still subject to every federation check: withdrawing self-service stops new sessions', () => {
    const request = unwrap(createRequest(input(), ctx(alice, WORKING_NOW, selfServicePolicy())));
    const later = addMinutes(WORKING_NOW, 5);
    expect(federationCheck(request, alice, selfServicePolicy(), later).ok).toBe(true);
    const data = selfServicePolicyData({ fallbackApprovers: true });
    const rules = (data['rules'] as Record<string, unknown>[]).map((rule) =>
      rule['id'] === 'sandbox-read-only-self-service'
        ? { ...rule, autoApproval: undefined, approvalsRequired: 1 }
        : rule,
    );
    const parsed = parsePolicy({ ...data, rules });
    if (!parsed.ok) throw new Error('fixture');
    expect(errorCode(federationCheck(request, alice, parsed.value, later))).toBe(
      'APPROVALS_BELOW_POLICY',
    );
    expect(errorCode(federationCheck(request, rita, selfServicePolicy(), later))).toBe(
      'NOT_REQUESTER',
    );
  });

  it('refuses a policy with approvalsRequired: 0 and no conditions', () => {
    const data = selfServicePolicyData();
    const rules = (data['rules'] as Record<string, unknown>[]).map((rule) => ({
      ...rule,
      autoApproval: undefined,
    }));
    const parsed = parsePolicy({ ...data, rules });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.map((e) => e.path)).toContain('rules[4].approvalsRequired');
  });

  it('reads working hours in the zone, across daylight saving', () => {
    // 2025-07-07 is a Monday; Berlin is UTC+2 in summer.
    expect(localTimeOf('2025-07-07T07:30:00.000Z', 'Europe/Berlin')).toEqual({
      day: 'mon',
      time: '09:30',
    });
    const hours = {
      timeZone: 'Europe/Berlin',
      days: ['mon' as const],
      start: '09:00',
      end: '18:00',
    };
    expect(isWithinWorkingHours('2025-07-07T06:59:00.000Z', hours)).toBe(false);
    expect(isWithinWorkingHours('2025-07-07T07:00:00.000Z', hours)).toBe(true);
    expect(isWithinWorkingHours('2025-07-07T16:00:00.000Z', hours)).toBe(false);
  });
});

const conditionsArb: fc.Arbitrary<AutoApprovalRule> = fc
  .record({
    maxDurationMinutes: fc.integer({ min: 15, max: 480 }),
    notForBreakGlass: fc.boolean(),
    workingHours: fc.option(
      fc.record({
        timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
        days: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, {
          minLength: 1,
        }),
        start: fc.constantFrom('00:00', '08:00', '09:30'),
        end: fc.constantFrom('12:00', '17:45', '23:59'),
      }),
      { nil: undefined },
    ),
    ticketPattern: fc.option(fc.constantFrom('^SBX-\\d+$', '^[A-Z]+-\\d+$'), { nil: undefined }),
    justificationPattern: fc.option(fc.constantFrom('sandbox', '^\\S'), { nil: undefined }),
  })
  .map((rule) =>
    Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined)),
  ) as fc.Arbitrary<AutoApprovalRule>;

const factsArb = fc
  .record({
    durationMinutes: fc.integer({ min: 15, max: 600 }),
    justification: fc.constantFrom('look at the sandbox', ' leading space', 'prod incident'),
    ticket: fc.option(fc.constantFrom('SBX-1', 'OPS-7', 'nope'), { nil: undefined }),
    breakGlass: fc.boolean(),
    startsAt: fc
      .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
      .map((millis) => new Date(millis).toISOString()),
  })
  .map((facts) => (facts.ticket === undefined ? { ...facts, ticket: undefined } : facts));

describe('self-service conditions (properties)', () => {
  it('never approves outside any condition of any matching rule', () => {
    fc.assert(
      fc.property(
        fc.array(conditionsArb, { minLength: 1, maxLength: 3 }),
        factsArb,
        (rules, raw) => {
          const { ticket, ...rest } = raw;
          const facts = ticket === undefined ? rest : { ...rest, ticket };
          const approved = selfServiceRefusals(rules, facts).length === 0;
          const insideAll = rules.every(
            (rule) =>
              facts.durationMinutes <= rule.maxDurationMinutes &&
              !(facts.breakGlass && rule.notForBreakGlass) &&
              (rule.workingHours === undefined ||
                isWithinWorkingHours(facts.startsAt, rule.workingHours)) &&
              (rule.ticketPattern === undefined ||
                (ticket !== undefined && new RegExp(rule.ticketPattern, 'u').test(ticket))) &&
              (rule.justificationPattern === undefined ||
                new RegExp(rule.justificationPattern, 'u').test(facts.justification)),
          );
          expect(approved).toBe(insideAll);
        },
      ),
    );
  });

  it('a created request is approved by policy only when every condition held at creation', () => {
    const policy = selfServicePolicy({ fallbackApprovers: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 15, max: 240 }),
        fc.constantFrom('SBX-1', 'OPS-1', undefined),
        fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
        (durationMinutes, ticket, minuteOfWeek) => {
          const now = addMinutes('2025-03-03T00:00:00.000Z', minuteOfWeek);
          const result = createRequest(
            input({
              durationMinutes,
              ...(ticket === undefined ? { ticket: undefined } : { ticket }),
            }),
            ctx(alice, now, policy),
          );
          if (!result.ok) throw new Error(result.error.message);
          const inside =
            durationMinutes <= 120 &&
            ticket === 'SBX-1' &&
            isWithinWorkingHours(now, {
              timeZone: 'Europe/Berlin',
              days: ['mon', 'tue', 'wed', 'thu', 'fri'],
              start: '09:00',
              end: '18:00',
            });
          expect(result.value.request.approvedByPolicy === true).toBe(inside);
          expect(result.value.request.status).toBe(inside ? 'APPROVED' : 'PENDING');
        },
      ),
    );
  });
});
