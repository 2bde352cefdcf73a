import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, requestPageSchema, type RequestPage } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { LIVE_REFETCH_MS } from '../../../lib/query-client';
import { reviewKeys, type ReviewQueue } from './review-keys';

export function getReviewQueue(
  api: ApiClient,
  queue: ReviewQueue,
  signal?: AbortSignal,
): Promise<RequestPage> {
  return api.request(`/reviews/${queue}?limit=${MAX_PAGE_SIZE}`, {
    schema: requestPageSchema,
    signal,
  });
}

export function reviewQueueQueryOptions(api: ApiClient, queue: ReviewQueue) {
  return queryOptions({
    queryKey: reviewKeys.queue(queue),
    queryFn: ({ signal }) => getReviewQueue(api, queue, signal),
    // Others add to the open queues at any time; my own past decisions change only by my hand.
    refetchInterval: queue === 'decided' ? false : LIVE_REFETCH_MS,
  });
}

export function useReviewQueue(queue: ReviewQueue, enabled = true) {
  return useQuery({ ...reviewQueueQueryOptions(useApiClient(), queue), enabled });
}
