import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import { windowOf } from '../window';
import {
  NOW,
  ada,
  alice,
  audrey,
  bob,
  ctx,
  errorCode,
  pendingSandbox,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { approveRequest } from './approve-request';
import { revokeRequest } from './revoke-request';

const approved = () => unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));

describe('revokeRequest', () => {
  it('lets a routed reviewer revoke active access, cutting the window at once', () => {
    const at = addMinutes(NOW, 30);
    const request = unwrap(revokeRequest(approved(), { comment: 'Incident over' }, ctx(ravi, at)));
    expect(request).toMatchObject({ status: 'REVOKED', closedAt: at });
    expect(request.history.at(-1)).toMatchObject({
      type: 'REVOCATION',
      statusAfter: 'REVOKED',
      comment: 'Incident over',
    });
    expect(windowOf(request)).toEqual({ startsAt: NOW, endsAt: at });
  });

  it('lets an admin who is not a reviewer revoke, also while the window is only scheduled', () => {
    const scheduled = unwrap(
      approveRequest(
        pendingSandbox(alice, { scheduledStart: addMinutes(NOW, 120) }),
        {},
        ctx(rita),
      ),
    );
    expect(unwrap(revokeRequest(scheduled, { comment: 'Not needed' }, ctx(ada))).status).toBe(
      'REVOKED',
    );
  });

  it('refuses a requester, an auditor or another engineer with NOT_ROUTED_TO_REVIEWER', () => {
    for (const actor of [alice, audrey, bob]) {
      expect(errorCode(revokeRequest(approved(), { comment: 'x' }, ctx(actor)))).toBe(
        'NOT_ROUTED_TO_REVIEWER',
      );
    }
  });

  it('requires a comment with COMMENT_REQUIRED', () => {
    expect(errorCode(revokeRequest(approved(), { comment: ' ' }, ctx(ravi)))).toBe(
      'COMMENT_REQUIRED',
    );
  });

  it('refuses a pending request with INVALID_STATE', () => {
    expect(errorCode(revokeRequest(pendingSandbox(), { comment: 'x' }, ctx(ravi)))).toBe(
      'INVALID_STATE',
    );
  });

  it('refuses once the window is over with WINDOW_OVER', () => {
    expect(
      errorCode(revokeRequest(approved(), { comment: 'x' }, ctx(ravi, addMinutes(NOW, 120)))),
    ).toBe('WINDOW_OVER');
    expect(
      errorCode(revokeRequest(approved(), { comment: 'x' }, ctx(ravi, addMinutes(NOW, 119)))),
    ).toBeUndefined();
  });
});
