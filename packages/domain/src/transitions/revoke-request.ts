import type { AccessRequest } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { fail } from '../domain-error';
import { isAdmin } from '../policy/policy-evaluator';
import { accessPhase } from '../window';
import { isRoutedTo } from './approval-rules';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, requireComment } from './transition';

/** A routed reviewer or an admin withdraws approved access, scheduled or active; no new sessions after it. */
export const revokeRequest = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  if (!isRoutedTo(request, ctx.actor) && !isAdmin(ctx.policy, ctx.actor)) {
    return fail(
      'NOT_ROUTED_TO_REVIEWER',
      `Only members of ${request.routing.approverGroups.join(', ')} or an Elevate admin may revoke this request.`,
    );
  }
  if (request.status !== 'APPROVED')
    return fail(
      'INVALID_STATE',
      `This request is ${STATUS_IN_WORDS[request.status]}; only approved requests can be revoked.`,
    );
  if (accessPhase(request, ctx.now) === 'over')
    return fail('WINDOW_OVER', 'The access window is already over.');
  const comment = requireComment(input.comment, 'revoke access');
  if (!comment.ok) return comment;
  return advance(
    request,
    { status: 'REVOKED', closedAt: ctx.now },
    'REVOCATION',
    ctx,
    comment.value,
  );
};
