import type { RequestView } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import { loadVisibleRequest } from './load-visible-request';
import { toRequestView } from './request-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/** One request with its history, for its requester, routed reviewers, auditors and admins. */
export async function getRequest(
  deps: UseCaseDeps,
  actor: Actor,
  id: string,
): Promise<RequestView> {
  const request = await loadVisibleRequest(deps, actor, id);
  return toRequestView(request, contextOf(deps, actor));
}
