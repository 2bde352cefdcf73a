import type { OptionalCommentBody, RequestView } from '@elevate/contracts';
import { approveRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** Records the actor's approval; the request is APPROVED once the quorum is reached. */
export const approveRequest = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: OptionalCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, transition, body);
