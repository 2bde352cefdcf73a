import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import {
  NOW,
  adam,
  alice,
  bob,
  ctx,
  errorCode,
  examplePolicyData,
  nina,
  pendingProductionAdmin,
  pendingSandbox,
  policyFrom,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { approveRequest } from './approve-request';
import { createRequest } from './create-request';

const later = addMinutes(NOW, 10);

describe('approveRequest', () => {
  it('approves a one-approval request at once and anchors the window at the approval', () => {
    const result = approveRequest(pendingSandbox(), { comment: ' looks fine ' }, ctx(rita, later));
    const request = unwrap(result);
    expect(request).toMatchObject({
      status: 'APPROVED',
      approvedAt: later,
      version: 2,
      updatedAt: later,
    });
    expect(request.decisions).toEqual([
      {
        approver: { sub: rita.sub, email: rita.email, name: rita.name },
        decision: 'APPROVE',
        at: later,
        comment: 'looks fine',
      },
    ]);
    expect(request.history.map((event) => [event.type, event.statusAfter])).toEqual([
      ['CREATED', 'PENDING'],
      ['APPROVAL', 'APPROVED'],
    ]);
    expect(result.ok && result.value.event).toEqual(request.history[1]);
  });

  it('accepts an approval without a comment', () => {
    const request = unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));
    expect(request.decisions[0]?.comment).toBeUndefined();
    expect(request.history[1]?.comment).toBeUndefined();
  });

  it('keeps a two-approval request pending after the first approval and approves on the second distinct one', () => {
    const once = unwrap(approveRequest(pendingProductionAdmin(), {}, ctx(rita)));
    expect(once.status).toBe('PENDING');
    expect(once.approvedAt).toBeUndefined();
    expect(once.history[1]).toMatchObject({ type: 'APPROVAL', statusAfter: 'PENDING' });
    const twice = unwrap(approveRequest(once, {}, ctx(ravi, later)));
    expect(twice).toMatchObject({ status: 'APPROVED', approvedAt: later, version: 3 });
  });

  it('refuses a second approval by the same person with ALREADY_DECIDED_BY_ACTOR', () => {
    const once = unwrap(approveRequest(pendingProductionAdmin(), {}, ctx(rita)));
    expect(errorCode(approveRequest(once, {}, ctx(rita)))).toBe('ALREADY_DECIDED_BY_ACTOR');
  });

  it('refuses the requester with SELF_DECISION even when they are a reviewer', () => {
    const own = pendingSandbox(rita);
    expect(errorCode(approveRequest(own, {}, ctx(rita)))).toBe('SELF_DECISION');
  });

  it('refuses someone the request is not routed to with NOT_ROUTED_TO_REVIEWER, naming the reviewers', () => {
    const result = approveRequest(pendingSandbox(), {}, ctx(nina));
    expect(result.ok ? undefined : result.error.code).toBe('NOT_ROUTED_TO_REVIEWER');
    expect(result.ok ? '' : result.error.message).toContain('reviewers');
    expect(errorCode(approveRequest(pendingSandbox(), {}, ctx(bob)))).toBe(
      'NOT_ROUTED_TO_REVIEWER',
    );
  });

  it('refuses to decide an approved request with INVALID_STATE', () => {
    const approved = unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));
    expect(errorCode(approveRequest(approved, {}, ctx(ravi)))).toBe('INVALID_STATE');
  });

  it('refuses to decide a request past its pending limit even before the sweeper expired it', () => {
    const request = pendingSandbox();
    expect(errorCode(approveRequest(request, {}, ctx(rita, addMinutes(NOW, 1440))))).toBe(
      'INVALID_STATE',
    );
    expect(
      errorCode(approveRequest(request, {}, ctx(rita, addMinutes(NOW, 1439)))),
    ).toBeUndefined();
  });
});

describe('approveRequest with self-approval allowed', () => {
  const data = examplePolicyData();
  const rules = data.rules as Array<Record<string, unknown>>;
  rules[0] = { ...rules[0], approvalsRequired: 2, selfApproval: true };
  const policy = policyFrom(data);
  const own = unwrap(
    createRequest(
      {
        id: 'r',
        accountId: '111111111111',
        roleName: 'ReadOnly',
        justification: 'Investigate the alarm',
      },
      ctx(rita, NOW, policy),
    ),
  );

  it("counts the requester's approval as one of the two and still needs another person", () => {
    const self = unwrap(approveRequest(own, {}, ctx(rita, NOW, policy)));
    expect(self.status).toBe('PENDING');
    const other = unwrap(approveRequest(self, {}, ctx(ravi, NOW, policy)));
    expect(other.status).toBe('APPROVED');
  });

  it('does not let the requester approve twice to reach the quorum alone', () => {
    const self = unwrap(approveRequest(own, {}, ctx(rita, NOW, policy)));
    expect(errorCode(approveRequest(self, {}, ctx(rita, NOW, policy)))).toBe(
      'ALREADY_DECIDED_BY_ACTOR',
    );
  });

  it('still requires the requester to be a routed reviewer', () => {
    const alices = unwrap(
      createRequest(
        {
          id: 'a',
          accountId: '111111111111',
          roleName: 'ReadOnly',
          justification: 'Investigate the alarm',
        },
        ctx(alice, NOW, policy),
      ),
    );
    expect(errorCode(approveRequest(alices, {}, ctx(alice, NOW, policy)))).toBe(
      'NOT_ROUTED_TO_REVIEWER',
    );
  });

  it("never approves on the requester's vote alone, even if a hand-built routing asked for one approval", () => {
    const oneVote = { ...own, routing: { ...own.routing, approvalsRequired: 1 } };
    expect(unwrap(approveRequest(oneVote, {}, ctx(rita, NOW, policy))).status).toBe('PENDING');
    expect(unwrap(approveRequest(oneVote, {}, ctx(adam, NOW, policy))).status).toBe('APPROVED');
  });
});
