import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestViewSchema, type RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

export type ExtensionCall =
  | { kind: 'extend'; id: string; minutes: number; reason: string }
  | { kind: 'approve'; id: string; comment: string }
  | { kind: 'reject'; id: string; comment: string };

/** `POST /requests/{id}/extend` and `/extension/{approve,reject}`. */
export function callExtension(api: ApiClient, call: ExtensionCall): Promise<RequestView> {
  const base = `/requests/${encodeURIComponent(call.id)}`;
  const comment = call.kind === 'extend' ? '' : call.comment.trim();
  return api.request(call.kind === 'extend' ? `${base}/extend` : `${base}/extension/${call.kind}`, {
    method: 'POST',
    body:
      call.kind === 'extend'
        ? { minutes: call.minutes, reason: call.reason.trim() }
        : comment === ''
          ? {}
          : { comment },
    schema: requestViewSchema,
  });
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
