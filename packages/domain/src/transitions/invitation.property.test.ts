import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../access-request';
import { approvalsOf } from '../access-request';
import type { Actor } from '../actor';
import { federationCheck } from '../federation/federation-check';
import { effectiveRuleFor } from '../policy/policy-evaluator';
import { addMinutes } from '../time';
import {
  NOW,
  PRODUCTION,
  SANDBOX,
  ada,
  alice,
  ctx,
  examplePolicy,
  ravi,
  rita,
} from '../testing/fixtures';
import { inviteInput } from '../testing/invitation-fixtures';
import { acceptInvitation, declineInvitation } from './answer-invitation';
import { approveRequest } from './approve-request';
import { cancelRequest } from './cancel-request';
import { expireRequest } from './expire-request';
import { inviteRequest } from './invite-request';
import { rejectRequest } from './reject-request';
import type { TransitionContext, TransitionResult } from './transition';

// People who may invite, be invited or act; the twins share a person's sub under another address.
const groupsArb = fc.subarray([
  'engineers',
  'reviewers',
  'data-engineers',
  'contractors',
  'elevate-admins',
]);
const personArb = fc
  .record({
    index: fc.integer({ min: 0, max: 4 }),
    groups: groupsArb,
    alias: fc.boolean(),
  })
  .map(({ index, groups, alias }): Actor => {
    const base =
      [alice, rita, ravi, ada, { ...alice, sub: 'x-eve', email: 'eve@example.com', name: 'Eve' }][
        index
      ] ?? alice;
    return { ...base, groups, email: alias ? `alias-${base.email}` : base.email };
  });

const operations: Record<string, (r: AccessRequest, c: TransitionContext) => TransitionResult> = {
  approve: (r, c) => approveRequest(r, {}, c),
  reject: (r, c) => rejectRequest(r, { comment: 'no' }, c),
  cancel: (r, c) => cancelRequest(r, {}, c),
  accept: (r, c) => acceptInvitation(r, {}, c),
  decline: (r, c) => declineInvitation(r, {}, c),
  expire: (r, c) => expireRequest(r, c),
};
// Half the steps are the invitee's own, so acceptance (and so approval) is reached often.
const stepArb = (invitee: Actor) =>
  fc.record({
    operation: fc.constantFrom(...Object.keys(operations)),
    actor: fc.oneof(fc.constant(invitee), personArb),
    minutes: fc.integer({ min: 1, max: 90 }),
  });
const targetArb = fc.constantFrom(
  { accountId: SANDBOX, roleName: 'PowerUser', ticket: undefined },
  { accountId: PRODUCTION, roleName: 'Administrator', ticket: 'OPS-7' },
);

interface Run {
  readonly states: AccessRequest[];
  readonly inviter: Actor;
  readonly actorsOfAcceptance: Actor[];
}

const run = fc
  .record({ inviter: personArb, invitee: personArb, target: targetArb })
  .chain((setup) =>
    fc.array(stepArb(setup.invitee), { maxLength: 12 }).map((steps) => ({ ...setup, steps })),
  )
  .map(({ inviter, invitee, target, steps }): Run | undefined => {
    const created = inviteRequest(
      inviteInput({
        ...target,
        inviteeEmail: invitee.email,
        justification: 'Join the incident bridge and look at the queue',
      }),
      ctx(inviter),
    );
    if (!created.ok) return undefined;
    const states = [created.value.request];
    const actorsOfAcceptance: Actor[] = [];
    let now = NOW;
    for (const step of steps) {
      now = addMinutes(now, step.minutes);
      const current = states.at(-1);
      const operation = operations[step.operation];
      if (current === undefined || operation === undefined) break;
      const next = operation(current, ctx(step.actor, now));
      if (!next.ok) continue;
      if (next.value.event.type === 'INVITATION_ACCEPTANCE') actorsOfAcceptance.push(step.actor);
      states.push(next.value.request);
    }
    return { states, inviter, actorsOfAcceptance };
  });

describe('invitation properties', () => {
  it('never opens a window, nor gives a session, without the invitee accepting first', () => {
    fc.assert(
      fc.property(run, (outcome) => {
        for (const state of outcome?.states ?? []) {
          if (state.status !== 'APPROVED') continue;
          expect(state.invitation?.state).toBe('ACCEPTED');
          expect(state.approvedAt !== undefined && state.invitation?.answeredAt !== undefined).toBe(
            true,
          );
          expect(Date.parse(state.approvedAt ?? '')).toBeGreaterThanOrEqual(
            Date.parse(state.invitation?.answeredAt ?? ''),
          );
        }
        for (const state of outcome?.states ?? []) {
          if (state.invitation?.state === 'ACCEPTED') continue;
          for (const actor of [alice, rita, ravi, ada])
            expect(federationCheck(state, actor, examplePolicy, addMinutes(NOW, 10)).ok).toBe(
              false,
            );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lets an ineligible invitee accept: the acceptor is eligible by their own groups', () => {
    fc.assert(
      fc.property(run, (outcome) => {
        for (const actor of outcome?.actorsOfAcceptance ?? []) {
          const accepted = outcome?.states.find((state) => state.invitation?.state === 'ACCEPTED');
          if (accepted === undefined) throw new Error('an acceptance left no accepted state');
          expect(
            effectiveRuleFor(examplePolicy, actor, accepted.accountId, accepted.roleName).ok,
          ).toBe(true);
          expect(accepted.requester.sub).toBe(actor.sub);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lets an inviter reach access through their own invitation, nor skip another approver', () => {
    fc.assert(
      fc.property(run, (outcome) => {
        for (const state of outcome?.states ?? []) {
          if (state.invitation === undefined) continue;
          expect(state.requester.sub).not.toBe(state.invitation.inviter.sub);
          if (state.status !== 'APPROVED' || state.approvedByPolicy === true) continue;
          const others = approvalsOf(state).filter(
            (decision) => decision.approver.sub !== state.requester.sub,
          );
          expect(
            new Set(others.map((decision) => decision.approver.sub)).size,
          ).toBeGreaterThanOrEqual(state.routing.approvalsRequired);
        }
      }),
      { numRuns: 500 },
    );
  });
});
