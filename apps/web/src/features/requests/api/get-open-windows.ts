import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OpenWindowsResponse } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { LIVE_REFETCH_MS } from '../../../lib/query-client';
import { requestKeys } from './request-keys';

/** `GET /requests/open`: my approved requests whose window is open now (all of them, unpaged). */
function getOpenWindows(api: ApiClient, signal?: AbortSignal): Promise<OpenWindowsResponse> {
  return api.call('listOpenWindows', { query: {}, signal });
}

function openWindowsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: requestKeys.open(),
    queryFn: ({ signal }) => getOpenWindows(api, signal),
    // Windows open at their scheduled start and close on their own.
    refetchInterval: LIVE_REFETCH_MS,
  });
}

export function useOpenWindows(enabled = true) {
  return useQuery({ ...openWindowsQueryOptions(useApiClient()), enabled });
}
