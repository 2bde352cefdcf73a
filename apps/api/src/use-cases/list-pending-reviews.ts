import type { PendingReviewsQuery, RequestPage } from '@elevate/contracts';
import { routingKeysFor } from '@elevate/domain';
import type { Actor } from '@elevate/domain';
import { readPage, toRequestPage } from './request-page';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';

/**
 * Pending requests routed to the actor, oldest first (or newest first), without their own and the ones they already
 * decided. Someone no rule routes to gets an empty queue, not an error.
 */
export async function listPendingReviews(
  deps: UseCaseDeps,
  actor: Actor,
  query: PendingReviewsQuery,
): Promise<RequestPage> {
  const routingKeys = routingKeysFor(deps.policy, actor);
  if (routingKeys.length === 0) return { items: [] };
  const { order, ...paging } = query;
  const page = await readPage(() =>
    deps.repository.listPendingForReview({
      ...paging,
      routingKeys,
      order: order === 'newest' ? 'newestFirst' : 'oldestFirst',
    }),
  );
  return toRequestPage(
    page,
    contextOf(deps, actor),
    (request) =>
      request.requester.sub !== actor.sub &&
      !request.decisions.some((decision) => decision.approver.sub === actor.sub),
  );
}
