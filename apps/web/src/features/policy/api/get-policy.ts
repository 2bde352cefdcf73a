import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PolicyView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { policyKeys } from './policy-keys';

function getPolicy(api: ApiClient, signal?: AbortSignal): Promise<PolicyView> {
  return api.call('getPolicy', { signal });
}

export function policyQueryOptions(api: ApiClient) {
  // The policy changes with a deployment, not while someone reads it.
  return queryOptions({
    queryKey: policyKeys.view(),
    queryFn: ({ signal }) => getPolicy(api, signal),
    staleTime: 5 * 60_000,
  });
}

export function usePolicy(enabled = true) {
  return useQuery({ ...policyQueryOptions(useApiClient()), enabled });
}
