import type { AccessRequest } from '../access-request';
import { personOf } from '../actor';
import { awaitsAcceptance } from '../invitation';
import { checkCanApprove, quorumReached } from './approval-rules';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, cleanComment } from './transition';

/**
 * Records one approval; the request becomes APPROVED (window anchored now) when the quorum is
 * reached — for an invitation, only once the engineer has accepted it.
 */
export const approveRequest = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  const allowed = checkCanApprove(request, ctx.actor, ctx.now);
  if (!allowed.ok) return allowed;
  const comment = cleanComment(input.comment);
  const decisions = [
    ...request.decisions,
    {
      approver: personOf(ctx.actor),
      decision: 'APPROVE' as const,
      at: ctx.now,
      ...(comment === undefined ? {} : { comment }),
    },
  ];
  // An invitation opens no window before the engineer accepts; accepting approves it then.
  const approved = quorumReached({ ...request, decisions }) && !awaitsAcceptance(request);
  return advance(
    request,
    approved ? { decisions, status: 'APPROVED', approvedAt: ctx.now } : { decisions },
    'APPROVAL',
    ctx,
    comment,
  );
};
