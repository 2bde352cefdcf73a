import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import {
  NOW,
  adam,
  alice,
  audrey,
  ctx,
  pendingSandbox,
  productionAdminInput,
  rita,
  unwrap,
} from '../testing/fixtures';
import { actionVerdict, allowedActions } from './allowed-actions';
import { approveRequest } from './approve-request';
import { createBreakGlassRequest } from './create-request';

describe('allowedActions', () => {
  it('offers each party only what it may do to a pending request', () => {
    const request = pendingSandbox();
    expect(allowedActions(request, ctx(alice))).toEqual(['cancel']);
    expect(allowedActions(request, ctx(rita))).toEqual(['approve', 'reject']);
    expect(allowedActions(request, ctx(audrey))).toEqual([]);
  });

  it('offers revoke to reviewers and end-early to the requester while approved, nothing once over', () => {
    const approved = unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));
    expect(allowedActions(approved, ctx(alice))).toEqual(['endEarly', 'extend']);
    expect(allowedActions(approved, ctx(adam))).toEqual(['revoke']);
    expect(allowedActions(approved, ctx(adam, addMinutes(NOW, 600)))).toEqual([]);
  });

  it('offers the break-glass review to reviewers', () => {
    const request = unwrap(createBreakGlassRequest(productionAdminInput(), ctx(alice)));
    expect(allowedActions(request, ctx(rita))).toEqual(['revoke', 'reviewBreakGlass']);
  });

  it("explains a refusal with the code and the policy's reason", () => {
    expect(actionVerdict('approve', pendingSandbox(), ctx(alice))).toEqual({
      allowed: false,
      code: 'SELF_DECISION',
      reason: 'You cannot approve your own request.',
    });
  });
});
