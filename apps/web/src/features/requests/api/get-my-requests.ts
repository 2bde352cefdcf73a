import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, requestPageSchema, type RequestPage } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { requestKeys } from './request-keys';
import { refetchWhileLive } from './request-liveness';

export function getMyRequests(api: ApiClient, signal?: AbortSignal): Promise<RequestPage> {
  return api.request(`/requests/mine?limit=${MAX_PAGE_SIZE}`, {
    schema: requestPageSchema,
    signal,
  });
}

export function myRequestsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: requestKeys.mine(),
    queryFn: ({ signal }) => getMyRequests(api, signal),
    refetchInterval: (query) => refetchWhileLive(query.state.data?.items),
  });
}

/** My newest requests, ended ones included; polled while any is pending or approved and not over. */
export function useMyRequests() {
  return useQuery(myRequestsQueryOptions(useApiClient()));
}
