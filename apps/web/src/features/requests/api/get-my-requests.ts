import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RequestPage, RequestStatus } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { requestKeys, type MyRequestsFilter } from './request-keys';
import { refetchWhileLive } from './request-liveness';

const MY_REQUESTS_PAGE_SIZE = 25;

/** `GET /requests/mine`: one server page, filtered by status on the server. */
function getMyRequests(
  api: ApiClient,
  filter: MyRequestsFilter,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<RequestPage> {
  return api.call('listMyRequests', {
    query: { limit: MY_REQUESTS_PAGE_SIZE, status: filter.status, q: filter.q, cursor },
    signal,
  });
}

export function myRequestsQueryOptions(
  api: ApiClient,
  filter: MyRequestsFilter,
  cursor: string | undefined,
) {
  return queryOptions({
    queryKey: requestKeys.mine(filter, cursor),
    queryFn: ({ signal }) => getMyRequests(api, filter, cursor, signal),
    refetchInterval: (query) => refetchWhileLive(query.state.data?.items),
    placeholderData: keepPreviousData,
  });
}

/** One page of my requests, newest first; polled while any on it is pending or approved and not over. */
export function useMyRequests(
  status: RequestStatus | '',
  text: string,
  cursor: string | undefined,
) {
  const filter: MyRequestsFilter = { ...(status ? { status } : {}), ...(text ? { q: text } : {}) };
  return useQuery(myRequestsQueryOptions(useApiClient(), filter, cursor));
}
