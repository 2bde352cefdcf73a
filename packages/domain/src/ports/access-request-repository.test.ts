import { describe, expect, it } from 'vitest';
import {
  ada,
  alice,
  ctx,
  NOW,
  pendingProductionAdmin,
  pendingSandbox,
  productionAdminInput,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { addMinutes } from '../time';
import { approveRequest } from '../transitions/approve-request';
import { cancelRequest } from '../transitions/cancel-request';
import { createBreakGlassRequest } from '../transitions/create-request';
import { markBreakGlassReviewed } from '../transitions/mark-break-glass-reviewed';
import { rejectRequest } from '../transitions/reject-request';
import { revokeRequest } from '../transitions/revoke-request';
import { decidersOf } from './access-request-repository';

const soon = addMinutes(NOW, 5);

describe('decidersOf', () => {
  it('names nobody while a request waits, nor the requester who cancels it', () => {
    expect(decidersOf(pendingSandbox())).toEqual([]);
    expect(decidersOf(unwrap(cancelRequest(pendingSandbox(), {}, ctx(alice, soon))))).toEqual([]);
  });

  it('names each approver of a quorum once, already after the first approval', () => {
    const first = unwrap(approveRequest(pendingProductionAdmin(), {}, ctx(rita, soon)));
    expect(first.status).toBe('PENDING');
    expect(decidersOf(first)).toEqual([rita.sub]);
    const second = unwrap(approveRequest(first, {}, ctx(ravi, soon)));
    expect(decidersOf(second)).toEqual([ravi.sub, rita.sub].sort());
  });

  it('names whoever rejects, revokes or reviews break-glass access', () => {
    expect(
      decidersOf(unwrap(rejectRequest(pendingSandbox(), { comment: 'no' }, ctx(rita, soon)))),
    ).toEqual([rita.sub]);
    const approved = unwrap(approveRequest(pendingSandbox(), {}, ctx(rita, soon)));
    const revoked = unwrap(revokeRequest(approved, { comment: 'done' }, ctx(ada, soon)));
    expect(decidersOf(revoked)).toEqual([ada.sub, rita.sub].sort());
    const breakGlass = unwrap(createBreakGlassRequest(productionAdminInput(), ctx(alice)));
    expect(decidersOf(breakGlass)).toEqual([]);
    const reviewed = unwrap(
      markBreakGlassReviewed(breakGlass, { comment: 'checked' }, ctx(ravi, soon)),
    );
    expect(decidersOf(reviewed)).toEqual([ravi.sub]);
  });
});
