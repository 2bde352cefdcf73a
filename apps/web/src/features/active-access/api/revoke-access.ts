import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { activeAccessKeys } from './active-access-keys';

export interface RevokeInput {
  id: string;
  comment: string;
}

/** `POST /requests/{id}/revoke`: ends the window; the revoker then refuses its live sessions. */
function revokeAccess(api: ApiClient, { id, comment }: RevokeInput): Promise<RequestView> {
  return api.call('revokeRequest', { id, body: { comment: comment.trim() } });
}

export function useRevokeAccess() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RevokeInput) => revokeAccess(api, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activeAccessKeys.all }),
  });
}
