import type { OptionalCommentBody, RequiredCommentBody, RequestView } from '@elevate/contracts';
import { approveExtension as approve, rejectExtension as reject } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** An extension approver approves the pending extension; the window lengthens at its quorum. */
export const approveExtension = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: OptionalCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, approve, body);

/** An extension approver refuses the pending extension. */
export const rejectExtension = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: RequiredCommentBody,
): Promise<RequestView> => applyRequestTransition(deps, actor, id, reject, body);
