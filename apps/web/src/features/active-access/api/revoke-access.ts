import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestViewSchema, type RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { activeAccessKeys } from './active-access-keys';

export interface RevokeInput {
  id: string;
  comment: string;
}

/** `POST /requests/{id}/revoke`: ends the window; the revoker then refuses its live sessions. */
export function revokeAccess(api: ApiClient, { id, comment }: RevokeInput): Promise<RequestView> {
  return api.request(`/requests/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    body: { comment: comment.trim() },
    schema: requestViewSchema,
  });
}

export function useRevokeAccess() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RevokeInput) => revokeAccess(api, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activeAccessKeys.all }),
  });
}
