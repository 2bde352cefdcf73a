import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RequestPage } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { LIVE_REFETCH_MS } from '../../../lib/query-client';
import { reviewKeys, type QueueOrder, type ReviewQueue } from './review-keys';

const REVIEW_PAGE_SIZE = 20;

/** One server page of a queue; only the pending queue can be read newest first. */
function getReviewQueue(
  api: ApiClient,
  queue: ReviewQueue,
  order: QueueOrder,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<RequestPage> {
  if (queue === 'pending') {
    const query = { limit: REVIEW_PAGE_SIZE, ...(order === 'newest' ? { order } : {}), cursor };
    return api.call('listPendingReviews', { query, signal });
  }
  const query = { limit: REVIEW_PAGE_SIZE, cursor };
  return queue === 'decided'
    ? api.call('listMyDecisions', { query, signal })
    : api.call('listBreakGlassReviews', { query, signal });
}

export function reviewQueueQueryOptions(
  api: ApiClient,
  queue: ReviewQueue,
  order: QueueOrder,
  cursor: string | undefined,
) {
  return queryOptions({
    queryKey: reviewKeys.page(queue, order, cursor),
    queryFn: ({ signal }) => getReviewQueue(api, queue, order, cursor, signal),
    // Others add to the open queues at any time; my own past decisions change only by my hand.
    refetchInterval: queue === 'decided' ? false : LIVE_REFETCH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useReviewQueue(
  queue: ReviewQueue,
  order: QueueOrder = 'oldest',
  cursor: string | undefined = undefined,
  enabled = true,
) {
  return useQuery({ ...reviewQueueQueryOptions(useApiClient(), queue, order, cursor), enabled });
}
