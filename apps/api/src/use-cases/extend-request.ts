import type { ExtendBody, RequestView } from '@elevate/contracts';
import { extendRequest as transition } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { applyRequestTransition } from './apply-request-transition';
import type { UseCaseDeps } from './use-case-deps';

/** The requester asks for more time on an open window; granted at once within the rule's allowance. */
export const extendRequest = (
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
  body: ExtendBody,
): Promise<RequestView> =>
  applyRequestTransition(
    deps,
    actor,
    id,
    (request, _input, ctx) => transition(request, body, ctx),
    {},
  );
