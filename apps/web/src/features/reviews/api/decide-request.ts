import { useMutation } from '@tanstack/react-query';
import { requestViewSchema, type RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

/** What a reviewer, auditor or admin does to someone else's request. */
export type Decision = 'approve' | 'reject' | 'review' | 'revoke';

/** Decisions whose comment the API requires; the dialog asks for one before sending. */
export const COMMENT_REQUIRED: Record<Decision, boolean> = {
  approve: false,
  reject: true,
  review: true,
  revoke: true,
};

export interface DecisionInput {
  id: string;
  decision: Decision;
  comment: string;
}

export function decideRequest(
  api: ApiClient,
  { id, decision, comment }: DecisionInput,
): Promise<RequestView> {
  const body = comment.trim() ? { comment: comment.trim() } : {};
  return api.request(`/requests/${encodeURIComponent(id)}/${decision}`, {
    method: 'POST',
    body,
    schema: requestViewSchema,
  });
}

export function useDecideRequest() {
  const api = useApiClient();
  return useMutation({ mutationFn: (input: DecisionInput) => decideRequest(api, input) });
}
