import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { requestKeys } from './request-keys';
import { refetchWhileLive } from './request-liveness';

/** A request with its history, and the sessions issued for it when the viewer may see them. */
export type RequestDetail = RequestView;

function getRequest(api: ApiClient, id: string, signal?: AbortSignal): Promise<RequestDetail> {
  return api.call('getRequest', { id, signal });
}

export function requestQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => getRequest(api, id, signal),
    refetchInterval: (query) => refetchWhileLive(query.state.data ? [query.state.data] : undefined),
  });
}

export function useRequest(id: string) {
  return useQuery(requestQueryOptions(useApiClient(), id));
}
