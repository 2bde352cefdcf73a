import type { AccessRequest } from '../access-request';
import { personOf } from '../actor';
import { fail } from '../domain-error';
import { isAdmin } from '../policy/policy-evaluator';
import { isRoutedTo } from './approval-rules';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, isRequester, requireComment } from './transition';

/**
 * A routed reviewer or an admin (never the requester) records the post-access review of a
 * break-glass request, with a comment. The status does not change; the review queue empties.
 */
export const markBreakGlassReviewed = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  if (!request.breakGlass || request.postAccessReview?.state !== 'PENDING') {
    return fail('INVALID_STATE', 'This request is not awaiting a break-glass review.');
  }
  if (isRequester(request, ctx.actor))
    return fail('SELF_DECISION', 'You cannot review your own break-glass access.');
  if (!isRoutedTo(request, ctx.actor) && !isAdmin(ctx.policy, ctx.actor)) {
    return fail(
      'NOT_ROUTED_TO_REVIEWER',
      `Only members of ${request.routing.approverGroups.join(', ')} or an Elevate admin may review this request.`,
    );
  }
  const comment = requireComment(input.comment, 'review break-glass access');
  if (!comment.ok) return comment;
  return advance(
    request,
    {
      postAccessReview: {
        state: 'REVIEWED',
        reviewer: personOf(ctx.actor),
        reviewedAt: ctx.now,
        comment: comment.value,
      },
    },
    'BREAK_GLASS_REVIEW',
    ctx,
    comment.value,
  );
};
