import type { OptionalCommentBody, RequestView } from '@elevate/contracts';
import { endRequestEarly as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** The requester gives up their approved access before the window is over. */
export const endRequestEarly = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: OptionalCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, transition, body);
