import { describe, expect, it } from 'vitest';
import { alice, bob, ctx, errorCode, pendingSandbox, rita, unwrap } from '../testing/fixtures';
import { approveRequest } from './approve-request';
import { cancelRequest } from './cancel-request';

describe('cancelRequest', () => {
  it('lets the requester withdraw a pending request, with an optional comment', () => {
    const request = unwrap(
      cancelRequest(pendingSandbox(), { comment: 'fixed it myself' }, ctx(alice)),
    );
    expect(request.status).toBe('CANCELLED');
    expect(request.history[1]).toMatchObject({
      type: 'CANCELLATION',
      statusAfter: 'CANCELLED',
      comment: 'fixed it myself',
    });
    expect(
      unwrap(cancelRequest(pendingSandbox(), {}, ctx(alice))).history[1]?.comment,
    ).toBeUndefined();
  });

  it('refuses anyone but the requester with NOT_REQUESTER, reviewers included', () => {
    expect(errorCode(cancelRequest(pendingSandbox(), {}, ctx(bob)))).toBe('NOT_REQUESTER');
    expect(errorCode(cancelRequest(pendingSandbox(), {}, ctx(rita)))).toBe('NOT_REQUESTER');
  });

  it('refuses an approved request with INVALID_STATE (end it early instead)', () => {
    const approved = unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));
    expect(errorCode(cancelRequest(approved, {}, ctx(alice)))).toBe('INVALID_STATE');
  });
});
