import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RequestPage } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { LIVE_REFETCH_MS } from '../../../lib/query-client';
import { invitationKeys } from './invitation-keys';

/** Enough for anyone: invitations are answered or expire within the rule's pending limit. */
const MY_INVITATIONS_LIMIT = 100;

/** `GET /invitations/mine`: invitations made out to my address that wait for my answer. */
function getMyInvitations(api: ApiClient, signal?: AbortSignal): Promise<RequestPage> {
  return api.call('listMyInvitations', { query: { limit: MY_INVITATIONS_LIMIT }, signal });
}

export function myInvitationsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: invitationKeys.mine(),
    queryFn: ({ signal }) => getMyInvitations(api, signal),
    // Someone may invite me while the page is open.
    refetchInterval: LIVE_REFETCH_MS,
  });
}

export function useMyInvitations() {
  return useQuery(myInvitationsQueryOptions(useApiClient()));
}
