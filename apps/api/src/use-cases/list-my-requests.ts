import type { MyRequestsQuery, RequestPage } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import { readPage, toRequestPage } from './request-page';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/** The actor's own requests, newest first. */
export async function listMyRequests(
  deps: UseCaseDeps,
  actor: Actor,
  query: MyRequestsQuery,
): Promise<RequestPage> {
  const page = await readPage(() =>
    deps.repository.listByRequester({ ...query, requesterSub: actor.sub }),
  );
  return toRequestPage(page, contextOf(deps, actor));
}
