import { canSee } from '@elevate/domain';
import type { AccessRequest, Actor } from '@elevate/domain';
import type { UseCaseDeps } from './use-case-deps';
import { requestNotFound } from './use-case-error';

/** Path ids we could have issued; anything else cannot name a request. */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `id` could name a request at all (a store is never asked about one that cannot). */
export const couldNameRequest = (id: string): boolean => REQUEST_ID.test(id);

/** The request if it exists and `actor` may see it; otherwise the same 404 either way. */
export async function loadVisibleRequest(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
): Promise<AccessRequest> {
  if (!couldNameRequest(id)) throw requestNotFound();
  const request = await deps.repository.get(id);
  if (request === undefined || !canSee(deps.policy, actor, request).allowed) {
    throw requestNotFound();
  }
  return request;
}
