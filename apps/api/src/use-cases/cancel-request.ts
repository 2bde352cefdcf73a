import type { OptionalCommentBody, RequestView } from '@elevate/contracts';
import { cancelRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** The requester withdraws their pending request. */
export const cancelRequest = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: OptionalCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, transition, body);
