import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { meKeys } from './me-keys';

function getMe(api: ApiClient, signal?: AbortSignal): Promise<MeResponse> {
  return api.call('getMe', { signal });
}

export function meQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: meKeys.current(),
    queryFn: ({ signal }) => getMe(api, signal),
    // Identity changes only with a new sign-in, which reloads the page.
    staleTime: 5 * 60_000,
  });
}

/** Who the API takes the signed-in user to be. */
export function useMe() {
  return useQuery(meQueryOptions(useApiClient()));
}
