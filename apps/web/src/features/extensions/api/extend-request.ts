import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

export type ExtensionCall =
  | { kind: 'extend'; id: string; minutes: number; reason: string }
  | { kind: 'approve'; id: string; comment: string }
  | { kind: 'reject'; id: string; comment: string };

/** `POST /requests/{id}/extend` and `/extension/{approve,reject}`. */
function callExtension(api: ApiClient, call: ExtensionCall): Promise<RequestView> {
  if (call.kind === 'extend') {
    const body = { minutes: call.minutes, reason: call.reason.trim() };
    return api.call('extendRequest', { id: call.id, body });
  }
  const comment = call.comment.trim();
  return call.kind === 'approve'
    ? api.call('approveExtension', { id: call.id, body: comment === '' ? {} : { comment } })
    : api.call('rejectExtension', { id: call.id, body: { comment } });
}

export function useExtension() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (call: ExtensionCall) => callExtension(api, call),
    // The request's window and buttons changed; every view of it reloads.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
