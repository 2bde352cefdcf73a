import type { OptionalCommentBody, RequestView } from '@elevate/contracts';
import { acceptInvitation as accept, declineInvitation as decline } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** The invited engineer accepts; their eligibility is checked now, from their verified tokens. */
export const acceptInvitation = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: OptionalCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, accept, body);

/** The invited engineer declines; the request is cancelled and never opens. */
export const declineInvitation = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: OptionalCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, decline, body);
