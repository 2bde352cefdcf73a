import type { AccessRequest } from '../access-request';
import { STATUS_IN_WORDS } from '../vocabulary';
import { fail } from '../domain-error';
import { accessPhase } from '../window';
import type { CommentInput, TransitionContext, TransitionResult } from './transition';
import { advance, cleanComment, isRequester } from './transition';

/** The requester gives up approved access (scheduled or active) before the window is over. */
export const endRequestEarly = (
  request: AccessRequest,
  input: CommentInput,
  ctx: TransitionContext,
): TransitionResult => {
  if (!isRequester(request, ctx.actor))
    return fail('NOT_REQUESTER', 'Only the requester can end their access early.');
  if (request.status !== 'APPROVED')
    return fail(
      'INVALID_STATE',
      `This request is ${STATUS_IN_WORDS[request.status]}; only approved access can be ended.`,
    );
  if (accessPhase(request, ctx.now) === 'over')
    return fail('WINDOW_OVER', 'The access window is already over.');
  return advance(
    request,
    { status: 'ENDED', closedAt: ctx.now },
    'EARLY_END',
    ctx,
    cleanComment(input.comment),
  );
};
