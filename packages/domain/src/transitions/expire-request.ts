import type { AccessRequest } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { fail } from '../domain-error';
import { isBefore } from '../time';
import type { TransitionContext, TransitionResult } from './transition';
import { advance } from './transition';

/** A pending request nobody decided within the policy's pending limit expires (run by the sweeper). */
export const expireRequest = (request: AccessRequest, ctx: TransitionContext): TransitionResult => {
  if (request.status !== 'PENDING')
    return fail(
      'INVALID_STATE',
      `This request is ${STATUS_IN_WORDS[request.status]}; only pending requests expire.`,
    );
  if (request.pendingExpiresAt === undefined || isBefore(ctx.now, request.pendingExpiresAt)) {
    return fail(
      'NOT_EXPIRED',
      `This request does not expire before ${request.pendingExpiresAt ?? 'a decision'}.`,
    );
  }
  return advance(request, { status: 'EXPIRED' }, 'EXPIRY', ctx);
};
