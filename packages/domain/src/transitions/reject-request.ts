import type { AccessRequest } from '../access-request';
import { personOf } from '../actor';
import { checkCanReject } from './approval-rules';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, requireComment } from './transition';

/** The first rejection ends the request. A comment is required. */
export const rejectRequest = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const allowed = checkCanReject(request, ctx.actor, ctx.now);
  if (!allowed.ok) return allowed;
  const comment = requireComment(input.comment, 'reject a request');
  if (!comment.ok) return comment;
  const decisions = [
    ...request.decisions,
    {
      approver: personOf(ctx.actor),
      decision: 'REJECT' as const,
      at: ctx.now,
      comment: comment.value,
    },
  ];
  return advance(request, { decisions, status: 'REJECTED' }, 'REJECTION', ctx, comment.value);
};
