import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../actor';
import { addMinutes } from '../time';
import { NOW, alice, ctx, errorCode, pendingSandbox, rita, unwrap } from '../testing/fixtures';
import { cancelRequest } from './cancel-request';
import { expireRequest } from './expire-request';

describe('expireRequest', () => {
  it('expires a pending request once its pending limit has passed, recorded as the system', () => {
    const at = addMinutes(NOW, 1440);
    const request = unwrap(expireRequest(pendingSandbox(), ctx(SYSTEM_ACTOR, at)));
    expect(request).toMatchObject({ status: 'EXPIRED', updatedAt: at });
    expect(request.history[1]).toMatchObject({
      type: 'EXPIRY',
      statusAfter: 'EXPIRED',
      actor: { sub: SYSTEM_ACTOR.sub },
    });
  });

  it('refuses before the pending limit with NOT_EXPIRED', () => {
    expect(
      errorCode(expireRequest(pendingSandbox(), ctx(SYSTEM_ACTOR, addMinutes(NOW, 1439)))),
    ).toBe('NOT_EXPIRED');
  });

  it('refuses a request that is no longer pending with INVALID_STATE', () => {
    const cancelled = unwrap(cancelRequest(pendingSandbox(), {}, ctx(alice)));
    expect(errorCode(expireRequest(cancelled, ctx(rita, addMinutes(NOW, 5000))))).toBe(
      'INVALID_STATE',
    );
  });
});
