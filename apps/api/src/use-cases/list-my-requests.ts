import type { MyRequestsQuery, RequestPage } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import { readPage, toRequestPage } from './request-page';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/** The actor's own requests, newest first, optionally of one status or matching a text search. */
export async function listMyRequests(
  deps: UseCaseDeps,
  actor: Actor,
  query: MyRequestsQuery,
): Promise<RequestPage> {
  return listRequestsOf(actor.sub, deps, actor, query);
}

/** A requester's requests (the actor's own, or those waiting under their address), as `actor` sees them. */
export async function listRequestsOf(
  requesterSub: string,
  deps: UseCaseDeps,
  actor: Actor,
  query: MyRequestsQuery,
): Promise<RequestPage> {
  const { q, ...paging } = query;
  const page = await readPage(() =>
    deps.repository.listByRequester({
      ...paging,
      requesterSub,
      ...(q === undefined ? {} : { text: q }),
    }),
  );
  return toRequestPage(page, contextOf(deps, actor));
}
