import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import { accessPhase, windowOf } from '../window';
import {
  NOW,
  adam,
  alice,
  ctx,
  errorCode,
  pendingSandbox,
  rita,
  unwrap,
} from '../testing/fixtures';
import { approveRequest } from './approve-request';
import { endRequestEarly } from './end-request-early';
import { revokeRequest } from './revoke-request';

const approved = () => unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));

describe('endRequestEarly', () => {
  it('lets the requester end active access; the window is over from then on', () => {
    const at = addMinutes(NOW, 45);
    const request = unwrap(endRequestEarly(approved(), { comment: 'done' }, ctx(alice, at)));
    expect(request).toMatchObject({ status: 'ENDED', closedAt: at });
    expect(request.history.at(-1)).toMatchObject({
      type: 'EARLY_END',
      statusAfter: 'ENDED',
      comment: 'done',
    });
    expect(windowOf(request)?.endsAt).toBe(at);
    expect(accessPhase(request, at)).toBe('over');
  });

  it('refuses anyone else, admins included, with NOT_REQUESTER', () => {
    expect(errorCode(endRequestEarly(approved(), {}, ctx(rita)))).toBe('NOT_REQUESTER');
    expect(errorCode(endRequestEarly(approved(), {}, ctx(adam)))).toBe('NOT_REQUESTER');
  });

  it('refuses a pending or revoked request with INVALID_STATE', () => {
    expect(errorCode(endRequestEarly(pendingSandbox(), {}, ctx(alice)))).toBe('INVALID_STATE');
    const revoked = unwrap(revokeRequest(approved(), { comment: 'x' }, ctx(adam)));
    expect(errorCode(endRequestEarly(revoked, {}, ctx(alice)))).toBe('INVALID_STATE');
  });

  it('refuses once the window is over with WINDOW_OVER', () => {
    expect(errorCode(endRequestEarly(approved(), {}, ctx(alice, addMinutes(NOW, 120))))).toBe(
      'WINDOW_OVER',
    );
  });
});
