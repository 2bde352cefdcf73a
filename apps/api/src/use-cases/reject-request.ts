import type { RequiredCommentBody, RequestView } from '@elevate/contracts';
import { rejectRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** Rejects a pending request; the first rejection ends it. */
export const rejectRequest = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: RequiredCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, transition, body);
