import type { AccessRequest, Transitioned } from '../access-request';
import type { TransitionWrite } from '../ports/access-request-repository';

/** What to hand the repository after a transition of `before` succeeded. */
export const transitionWriteOf = (
  before: AccessRequest,
  outcome: Transitioned,
): TransitionWrite => ({
  request: outcome.request,
  event: outcome.event,
  expected: { status: before.status, version: before.version },
});
