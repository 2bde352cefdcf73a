import type { MyRequestsQuery, RequestPage } from '@elevate/contracts';
import { inviteeSubOf } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { listRequestsOf } from './list-my-requests';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Invitations made out to the actor's verified address that nobody has answered yet: they are
 * stored under the address's placeholder requester until accepted (see the domain's invitation.ts).
 */
export async function listMyInvitations(
  deps: UseCaseDeps,
  actor: Actor,
  query: MyRequestsQuery,
): Promise<RequestPage> {
  return listRequestsOf(inviteeSubOf(actor.email), deps, actor, query);
}
