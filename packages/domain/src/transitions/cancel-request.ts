import type { AccessRequest } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { fail } from '../domain-error';
import { awaitsAcceptance } from '../invitation';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, cleanComment, isRequester } from './transition';

/** The requester withdraws a pending request; the inviter may withdraw an unanswered invitation. */
export const cancelRequest = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const inviterWithdraws =
    awaitsAcceptance(request) && request.invitation?.inviter.sub === ctx.actor.sub;
  if (!isRequester(request, ctx.actor) && !inviterWithdraws)
    return fail('NOT_REQUESTER', 'Only the requester can cancel a request.');
  if (request.status !== 'PENDING')
    return fail(
      'INVALID_STATE',
      `This request is ${STATUS_IN_WORDS[request.status]}; only pending requests can be cancelled.`,
    );
  return advance(
    request,
    { status: 'CANCELLED' },
    'CANCELLATION',
    ctx,
    cleanComment(input.comment),
  );
};
