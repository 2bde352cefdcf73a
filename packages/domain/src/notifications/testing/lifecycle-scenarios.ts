// Test support: one stored before/after pair per notification event, made by the real transitions.
import type { AccessRequest } from '../../access-request';
import { addMinutes } from '../../time';
import {
  alice,
  ctx,
  NOW,
  pendingProductionAdmin,
  pendingSandbox,
  productionAdminInput,
  ravi,
  rita,
  unwrap,
} from '../../testing/fixtures';
import { approveRequest } from '../../transitions/approve-request';
import { cancelRequest } from '../../transitions/cancel-request';
import { createBreakGlassRequest } from '../../transitions/create-request';
import { endRequestEarly } from '../../transitions/end-request-early';
import { expireRequest } from '../../transitions/expire-request';
import { markBreakGlassReviewed } from '../../transitions/mark-break-glass-reviewed';
import { rejectRequest } from '../../transitions/reject-request';
import { revokeRequest } from '../../transitions/revoke-request';
import { SYSTEM_ACTOR } from '../../actor';
import type { NotificationEventType } from '../notification-event';

export interface LifecycleScenario {
  readonly expected: NotificationEventType;
  readonly before: AccessRequest | undefined;
  readonly after: AccessRequest;
}

const soon = addMinutes(NOW, 5);

/** Every stream-visible event type (all but the sweeper's reminder), in lifecycle order. */
export const lifecycleScenarios = (): LifecycleScenario[] => {
  const pending = pendingSandbox(alice);
  const approved = unwrap(approveRequest(pending, { comment: 'ok' }, ctx(rita, soon)));
  const twoPerson = pendingProductionAdmin(alice, { id: 'req-prod' });
  const halfway = unwrap(approveRequest(twoPerson, {}, ctx(rita, soon)));
  const breakGlass = unwrap(
    createBreakGlassRequest({ ...productionAdminInput(), id: 'req-bg' }, ctx(alice)),
  );
  return [
    { expected: 'REQUEST_CREATED', before: undefined, after: pending },
    { expected: 'APPROVAL_RECORDED', before: twoPerson, after: halfway },
    { expected: 'REQUEST_APPROVED', before: pending, after: approved },
    {
      expected: 'REQUEST_REJECTED',
      before: pending,
      after: unwrap(rejectRequest(pending, { comment: 'not now' }, ctx(rita, soon))),
    },
    {
      expected: 'REQUEST_CANCELLED',
      before: pending,
      after: unwrap(cancelRequest(pending, {}, ctx(alice, soon))),
    },
    {
      expected: 'REQUEST_EXPIRED',
      before: pending,
      after: unwrap(expireRequest(pending, ctx(SYSTEM_ACTOR, addMinutes(NOW, 24 * 60)))),
    },
    {
      expected: 'ACCESS_REVOKED',
      before: approved,
      after: unwrap(
        revokeRequest(approved, { comment: 'incident over' }, ctx(ravi, addMinutes(soon, 5))),
      ),
    },
    {
      expected: 'ACCESS_ENDED_EARLY',
      before: approved,
      after: unwrap(endRequestEarly(approved, {}, ctx(alice, addMinutes(soon, 5)))),
    },
    { expected: 'BREAK_GLASS_USED', before: undefined, after: breakGlass },
    {
      expected: 'BREAK_GLASS_REVIEWED',
      before: breakGlass,
      after: unwrap(
        markBreakGlassReviewed(
          breakGlass,
          { comment: 'justified by INC-7' },
          ctx(ravi, addMinutes(NOW, 90)),
        ),
      ),
    },
  ];
};
