import type { RequiredCommentBody, RequestView } from '@elevate/contracts';
import { markBreakGlassReviewed as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** Records the post-access review of a break-glass request. */
export const markBreakGlassReviewed = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: RequiredCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, transition, body);
