import type { AccessRequest, ListedRequest } from '../access-request';
import type { Verdict } from '../policy/verdict';
import { verdictOf } from '../policy/verdict';
import { acceptInvitation, declineInvitation } from './answer-invitation';
import { approveRequest } from './approve-request';
import { cancelRequest } from './cancel-request';
import { approveExtension, rejectExtension } from './decide-extension';
import { extendRequest } from './extend-request';
import { endRequestEarly } from './end-request-early';
import { markBreakGlassReviewed } from './mark-break-glass-reviewed';
import { rejectRequest } from './reject-request';
import { revokeRequest } from './revoke-request';
import { MIN_EXTENSION_MINUTES, REQUEST_ACTIONS, type RequestAction } from '../vocabulary';
import type { TransitionContext } from './transition';

// A stand-in comment: the question is whether the actor may act, not whether they wrote a comment.
const probe = { comment: 'probe' };

/** A listed request as the dry runs take it: no verdict reads the history, only appends to it. */
const whole = (request: ListedRequest): AccessRequest => ({ history: [], ...request });

/**
 * "May this actor do X to this request now, and if not why?" — by dry-running the transition. A
 * request as a listing reads it, without its history, gets the same answer as the whole one
 * (lifecycle.property.test.ts holds the two equal).
 */
export const actionVerdict = (
  action: RequestAction,
  request: ListedRequest,
  ctx: TransitionContext,
): Verdict => verdictOnWhole(action, whole(request), ctx);

const verdictOnWhole = (
  action: RequestAction,
  request: AccessRequest,
  ctx: TransitionContext,
): Verdict => {
  switch (action) {
    case 'approve':
      return verdictOf(approveRequest(request, probe, ctx));
    case 'reject':
      return verdictOf(rejectRequest(request, probe, ctx));
    case 'cancel':
      return verdictOf(cancelRequest(request, probe, ctx));
    case 'revoke':
      return verdictOf(revokeRequest(request, probe, ctx));
    case 'endEarly':
      return verdictOf(endRequestEarly(request, probe, ctx));
    case 'reviewBreakGlass':
      return verdictOf(markBreakGlassReviewed(request, probe, ctx));
    case 'extend':
      return verdictOf(
        extendRequest(request, { minutes: MIN_EXTENSION_MINUTES, reason: 'probe' }, ctx),
      );
    case 'approveExtension':
      return verdictOf(approveExtension(request, probe, ctx));
    case 'rejectExtension':
      return verdictOf(rejectExtension(request, probe, ctx));
    case 'acceptInvitation':
      return verdictOf(acceptInvitation(request, probe, ctx));
    case 'declineInvitation':
      return verdictOf(declineInvitation(request, probe, ctx));
  }
};

/** The actions the actor may take on the request now (for the SPA's buttons). */
export const allowedActions = (request: ListedRequest, ctx: TransitionContext): RequestAction[] => {
  const dryRun = whole(request);
  return REQUEST_ACTIONS.filter((action) => verdictOnWhole(action, dryRun, ctx).allowed);
};
