import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../access-request';
import { approvalsOf, isTerminal } from '../access-request';
import type { Actor } from '../actor';
import { SYSTEM_ACTOR } from '../actor';
import { addMinutes, toMillis } from '../time';
import { windowOf } from '../window';
import {
  NOW,
  SANDBOX,
  ada,
  adam,
  bob,
  ctx,
  deepFreeze,
  examplePolicyData,
  policyFrom,
  ravi,
  rita,
} from '../testing/fixtures';
import { allowedActions } from './allowed-actions';
import { approveRequest } from './approve-request';
import { cancelRequest } from './cancel-request';
import { createRequest } from './create-request';
import { endRequestEarly } from './end-request-early';
import { expireRequest } from './expire-request';
import { markBreakGlassReviewed } from './mark-break-glass-reviewed';
import { rejectRequest } from './reject-request';
import { revokeRequest } from './revoke-request';
import type { TransitionContext, TransitionResult } from './transition';

// Rita is both the requester and a reviewer, so self-decisions are always on the table.
const requester = rita;
const actors: Actor[] = [
  rita,
  ravi,
  adam,
  ada,
  bob,
  SYSTEM_ACTOR,
  { ...ravi, sub: 'x-ravi-twin', email: 'ravi2@example.com' },
];

const operations = {
  approve: (r: AccessRequest, c: TransitionContext, comment?: string) =>
    approveRequest(r, { comment }, c),
  reject: (r: AccessRequest, c: TransitionContext, comment?: string) =>
    rejectRequest(r, { comment }, c),
  cancel: (r: AccessRequest, c: TransitionContext, comment?: string) =>
    cancelRequest(r, { comment }, c),
  expire: (r: AccessRequest, c: TransitionContext) => expireRequest(r, c),
  revoke: (r: AccessRequest, c: TransitionContext, comment?: string) =>
    revokeRequest(r, { comment }, c),
  endEarly: (r: AccessRequest, c: TransitionContext, comment?: string) =>
    endRequestEarly(r, { comment }, c),
  review: (r: AccessRequest, c: TransitionContext, comment?: string) =>
    markBreakGlassReviewed(r, { comment }, c),
} satisfies Record<
  string,
  (r: AccessRequest, c: TransitionContext, comment?: string) => TransitionResult
>;

const scenario = fc.record({
  approvalsRequired: fc.integer({ min: 1, max: 3 }),
  selfApproval: fc.boolean(),
  breakGlassAllowed: fc.boolean(),
  maxDurationMinutes: fc.integer({ min: 15, max: 600 }),
  durationMinutes: fc.integer({ min: 15, max: 600 }),
  breakGlass: fc.boolean(),
  scheduleInMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  steps: fc.array(
    fc.record({
      op: fc.constantFrom(...(Object.keys(operations) as Array<keyof typeof operations>)),
      actor: fc.integer({ min: 0, max: actors.length - 1 }),
      comment: fc.option(fc.constantFrom('ok', ' ', 'because INC-1'), { nil: undefined }),
      advanceMinutes: fc.constantFrom(0, 1, 30, 240, 2000),
    }),
    { maxLength: 12 },
  ),
});

describe('request lifecycle properties', () => {
  it('keeps every invariant over random sequences of transitions', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const data = examplePolicyData();
        const rules = data.rules as Array<Record<string, unknown>>;
        rules[0] = {
          ...rules[0],
          approvalsRequired: s.approvalsRequired,
          selfApproval: s.selfApproval && s.approvalsRequired >= 2,
          breakGlass: s.breakGlassAllowed,
          maxDurationMinutes: s.maxDurationMinutes,
          defaultDurationMinutes: 15,
        };
        const policy = policyFrom(data);
        const created = createRequest(
          {
            id: 'p',
            accountId: SANDBOX,
            roleName: 'PowerUser',
            justification: 'Property-based exploration',
            durationMinutes: s.durationMinutes,
            breakGlass: s.breakGlass,
            ...(s.scheduleInMinutes === undefined
              ? {}
              : { scheduledStart: addMinutes(NOW, s.scheduleInMinutes) }),
          },
          ctx(requester, NOW, policy),
        );
        if (!created.ok) {
          // Only the rule's limits may refuse this creation.
          expect([
            'DURATION_OUT_OF_RANGE',
            'BREAK_GLASS_NOT_ALLOWED',
            'SCHEDULE_INVALID',
          ]).toContain(created.error.code);
          return;
        }
        let request = deepFreeze(created.value.request);
        let now = NOW;
        // What anyone may do next is the same for the request as a listing reads it, without its
        // history (lists answer `allowedActions` from requests read without one): checked at
        // creation and after every step.
        const sameForListed = () => {
          const { history: _, ...listed } = request;
          for (const actor of actors) {
            const next = ctx(actor, now, policy);
            expect(allowedActions(listed, next)).toEqual(allowedActions(request, next));
          }
        };
        sameForListed();
        for (const step of s.steps) {
          now = addMinutes(now, step.advanceMinutes);
          const before = request;
          const snapshot = JSON.stringify(before);
          const result = operations[step.op](
            before,
            ctx(actors[step.actor] ?? bob, now, policy),
            step.comment,
          );
          expect(JSON.stringify(before)).toBe(snapshot);
          if (!result.ok) continue;
          request = deepFreeze(result.value.request);

          // No transition leaves a terminal status.
          if (isTerminal(before.status)) expect(request.status).toBe(before.status);
          // One event per transition, appended; version counts them.
          expect(request.history).toEqual([...before.history, result.value.event]);
          expect(request.version).toBe(before.version + 1);

          const approvers = approvalsOf(request).map((decision) => decision.approver.sub);
          // Approvals count distinct approvers.
          expect(new Set(approvers).size).toBe(approvers.length);
          // A requester never approves their own request (unless the rule allows it, and then never alone).
          const others = approvers.filter((sub) => sub !== requester.sub);
          if (!request.routing.selfApproval) expect(approvers).not.toContain(requester.sub);
          if (!request.breakGlass && request.approvedAt !== undefined) {
            expect(others.length).toBeGreaterThanOrEqual(1);
            expect(approvers.length).toBeGreaterThanOrEqual(request.routing.approvalsRequired);
          }
          sameForListed();
          // An approved window never exceeds the policy's max.
          const window = windowOf(request);
          if (window !== undefined) {
            expect(toMillis(window.endsAt) - toMillis(window.startsAt)).toBeLessThanOrEqual(
              s.maxDurationMinutes * 60_000,
            );
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
