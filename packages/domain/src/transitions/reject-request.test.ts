import { describe, expect, it } from 'vitest';
import {
  NOW,
  bob,
  ctx,
  errorCode,
  nina,
  pendingProductionAdmin,
  pendingSandbox,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { approveRequest } from './approve-request';
import { rejectRequest } from './reject-request';

describe('rejectRequest', () => {
  it('rejects with the comment on the decision and in the history', () => {
    const request = unwrap(
      rejectRequest(pendingSandbox(), { comment: 'Use the staging account' }, ctx(rita)),
    );
    expect(request.status).toBe('REJECTED');
    expect(request.decisions).toEqual([
      {
        approver: { sub: rita.sub, email: rita.email, name: rita.name },
        decision: 'REJECT',
        at: NOW,
        comment: 'Use the staging account',
      },
    ]);
    expect(request.history[1]).toMatchObject({
      type: 'REJECTION',
      statusAfter: 'REJECTED',
      comment: 'Use the staging account',
    });
  });

  it('ends a request on the first rejection even after an approval toward the quorum', () => {
    const once = unwrap(approveRequest(pendingProductionAdmin(), {}, ctx(rita)));
    expect(unwrap(rejectRequest(once, { comment: 'No ticket context' }, ctx(ravi))).status).toBe(
      'REJECTED',
    );
  });

  it.each([[{}], [{ comment: '   ' }]])(
    'requires a comment (%j) with COMMENT_REQUIRED',
    (input) => {
      expect(errorCode(rejectRequest(pendingSandbox(), input, ctx(rita)))).toBe('COMMENT_REQUIRED');
    },
  );

  it('refuses the requester with SELF_DECISION', () => {
    expect(
      errorCode(rejectRequest(pendingSandbox(rita), { comment: 'changed my mind' }, ctx(rita))),
    ).toBe('SELF_DECISION');
  });

  it('refuses a reviewer the request is not routed to with NOT_ROUTED_TO_REVIEWER', () => {
    expect(errorCode(rejectRequest(pendingSandbox(), { comment: 'no' }, ctx(nina)))).toBe(
      'NOT_ROUTED_TO_REVIEWER',
    );
    expect(errorCode(rejectRequest(pendingSandbox(), { comment: 'no' }, ctx(bob)))).toBe(
      'NOT_ROUTED_TO_REVIEWER',
    );
  });

  it('refuses a reviewer who already approved with ALREADY_DECIDED_BY_ACTOR', () => {
    const once = unwrap(approveRequest(pendingProductionAdmin(), {}, ctx(rita)));
    expect(errorCode(rejectRequest(once, { comment: 'second thoughts' }, ctx(rita)))).toBe(
      'ALREADY_DECIDED_BY_ACTOR',
    );
  });

  it('refuses a request that is no longer pending with INVALID_STATE', () => {
    const rejected = unwrap(rejectRequest(pendingSandbox(), { comment: 'no' }, ctx(rita)));
    expect(errorCode(rejectRequest(rejected, { comment: 'no' }, ctx(ravi)))).toBe('INVALID_STATE');
  });
});
