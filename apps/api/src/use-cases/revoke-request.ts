import type { RequiredCommentBody, RequestView } from '@elevate/contracts';
import { revokeRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** A routed reviewer or an admin withdraws approved access. */
export const revokeRequest = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: RequiredCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, transition, body);
