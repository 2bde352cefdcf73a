import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from './actor';
import { DOMAIN_ERROR_KIND } from './domain-error';
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from './vocabulary';
import { federationCheck } from './federation/federation-check';
import { combineRules } from './policy/effective-rule';
import { canSee } from './policy/request-visibility';
import { addMinutes } from './time';
import {
  NOW,
  alice,
  bob,
  ctx,
  examplePolicy,
  nina,
  pendingSandbox,
  productionAdminInput,
  ravi,
  rita,
  sandboxInput,
  unwrap,
} from './testing/fixtures';
import { approveRequest } from './transitions/approve-request';
import { cancelRequest } from './transitions/cancel-request';
import { createBreakGlassRequest, createRequest } from './transitions/create-request';
import { endRequestEarly } from './transitions/end-request-early';
import { expireRequest } from './transitions/expire-request';
import { rejectRequest } from './transitions/reject-request';
import { extendRequest } from './transitions/extend-request';
import { acceptInvitation } from './transitions/answer-invitation';
import { inviteRequest } from './transitions/invite-request';
import { invitation, inviteInput } from './testing/invitation-fixtures';
import {
  EVENING_NOW,
  PLAYGROUND,
  WORKING_NOW,
  selfServicePolicy,
} from './testing/self-service-fixtures';

const codeOf = (result: {
  ok: boolean;
  error?: { code: DomainErrorCode };
}): DomainErrorCode | undefined => result.error?.code;
const selfService = (now: string) =>
  createRequest(
    {
      id: 'req-ss',
      accountId: PLAYGROUND,
      roleName: 'ReadOnly',
      justification: 'Look at the sandbox bucket layout',
      ticket: 'SBX-1',
      durationMinutes: 60,
    },
    ctx(alice, now, selfServicePolicy()),
  );
const extended = (minutes: number) =>
  extendRequest(
    unwrap(selfService(WORKING_NOW)),
    { minutes, reason: 'longer' },
    ctx(alice, addMinutes(WORKING_NOW, 1), selfServicePolicy()),
  );
const approved = () => unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));

/** One scenario per code; the Record type makes a new code without a scenario a compile error. */
const scenarios: Record<DomainErrorCode, () => DomainErrorCode | undefined> = {
  NOT_ELIGIBLE: () => codeOf(createRequest(sandboxInput(), ctx(nina))),
  NOT_ROUTED_TO_REVIEWER: () => codeOf(approveRequest(pendingSandbox(), {}, ctx(bob))),
  SELF_DECISION: () => codeOf(approveRequest(pendingSandbox(), {}, ctx(alice))),
  NOT_REQUESTER: () => codeOf(cancelRequest(pendingSandbox(), {}, ctx(bob))),
  NOT_VISIBLE: () => {
    const verdict = canSee(examplePolicy, bob, pendingSandbox());
    return verdict.allowed ? undefined : verdict.code;
  },
  SELF_INVITATION: () =>
    codeOf(inviteRequest(inviteInput({ inviteeEmail: rita.email }), ctx(rita))),
  NOT_INVITEE: () => codeOf(acceptInvitation(invitation(), {}, ctx(bob))),
  UNKNOWN_ACCOUNT: () =>
    codeOf(createRequest(sandboxInput({ accountId: '000000000000' }), ctx(alice))),
  UNKNOWN_ROLE: () => codeOf(createRequest(sandboxInput({ roleName: 'Billing' }), ctx(alice))),
  JUSTIFICATION_INVALID: () =>
    codeOf(createRequest(sandboxInput({ justification: 'short' }), ctx(alice))),
  TICKET_REQUIRED: () =>
    codeOf(createRequest(productionAdminInput({ ticket: undefined }), ctx(alice))),
  TICKET_INVALID: () => codeOf(createRequest(productionAdminInput({ ticket: 'nope' }), ctx(alice))),
  DURATION_OUT_OF_RANGE: () =>
    codeOf(createRequest(sandboxInput({ durationMinutes: 10_000 }), ctx(alice))),
  SCHEDULE_INVALID: () =>
    codeOf(createRequest(sandboxInput({ scheduledStart: addMinutes(NOW, -60) }), ctx(alice))),
  BREAK_GLASS_NOT_ALLOWED: () => codeOf(createBreakGlassRequest(sandboxInput(), ctx(alice))),
  COMMENT_REQUIRED: () => codeOf(rejectRequest(pendingSandbox(), {}, ctx(rita))),
  POLICY_CONFLICT: () => {
    const [rule] = examplePolicy.rules;
    const [account] = examplePolicy.accounts;
    if (rule === undefined || account === undefined) return undefined;
    return codeOf(
      combineRules([rule, { ...rule, approverGroups: ['nobody'] }], account, 'ReadOnly'),
    );
  },
  APPROVALS_BELOW_POLICY: () => {
    const stricter = {
      ...examplePolicy,
      rules: examplePolicy.rules.map((rule) => ({ ...rule, approvalsRequired: 3 })),
    };
    return codeOf(federationCheck(approved(), alice, stricter, addMinutes(NOW, 1)));
  },
  SELF_SERVICE_CONDITIONS_UNMET: () => codeOf(selfService(EVENING_NOW)),
  EXTENSION_LIMIT: () => codeOf(extended(1000)),
  EXTENSION_PENDING: () => {
    const asked = unwrap(extended(60));
    return codeOf(
      extendRequest(
        asked,
        { minutes: 15, reason: 'x' },
        ctx(alice, addMinutes(WORKING_NOW, 2), selfServicePolicy()),
      ),
    );
  },
  INVALID_STATE: () => codeOf(cancelRequest(approved(), {}, ctx(alice))),
  ALREADY_DECIDED_BY_ACTOR: () => {
    const once = unwrap(
      approveRequest(unwrap(createRequest(productionAdminInput(), ctx(alice))), {}, ctx(rita)),
    );
    return codeOf(approveRequest(once, {}, ctx(rita)));
  },
  WINDOW_OVER: () => codeOf(endRequestEarly(approved(), {}, ctx(alice, addMinutes(NOW, 121)))),
  NOT_EXPIRED: () => codeOf(expireRequest(pendingSandbox(), ctx(SYSTEM_ACTOR))),
  WINDOW_NOT_OPEN: () => {
    const scheduled = unwrap(
      approveRequest(pendingSandbox(alice, { scheduledStart: addMinutes(NOW, 60) }), {}, ctx(rita)),
    );
    return codeOf(federationCheck(scheduled, alice, examplePolicy, NOW));
  },
  STEP_UP_REQUIRED: () => {
    const once = unwrap(
      approveRequest(unwrap(createRequest(productionAdminInput(), ctx(alice))), {}, ctx(rita)),
    );
    const approvedAdmin = unwrap(approveRequest(once, {}, ctx(ravi)));
    return codeOf(federationCheck(approvedAdmin, { ...alice, amr: ['pwd'] }, examplePolicy, NOW));
  },
};

describe('domain error codes', () => {
  it.each(DOMAIN_ERROR_CODES.map((code) => [code]))('%s is produced by its scenario', (code) => {
    expect(scenarios[code]()).toBe(code);
  });

  it('are unique and each has a kind', () => {
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
    expect(Object.keys(DOMAIN_ERROR_KIND).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });
});
