import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActiveAccessList } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { LIVE_REFETCH_MS } from '../../../lib/query-client';
import { activeAccessKeys } from './active-access-keys';

export type AccessListing = 'active' | 'self-approved';

function getAccessListing(
  api: ApiClient,
  listing: AccessListing,
  signal?: AbortSignal,
): Promise<ActiveAccessList> {
  return api.call(listing === 'active' ? 'listActiveAccess' : 'listSelfApproved', { signal });
}

export function accessListingQueryOptions(api: ApiClient, listing: AccessListing) {
  return queryOptions({
    queryKey: listing === 'active' ? activeAccessKeys.active() : activeAccessKeys.selfApproved(),
    queryFn: ({ signal }) => getAccessListing(api, listing, signal),
    // Windows open, close and get revoked by others at any time.
    refetchInterval: LIVE_REFETCH_MS,
  });
}

export function useAccessListing(listing: AccessListing) {
  return useQuery(accessListingQueryOptions(useApiClient(), listing));
}
