import { useMutation } from '@tanstack/react-query';
import type { RequestView } from '@elevate/contracts';
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

function decideRequest(
  api: ApiClient,
  { id, decision, comment }: DecisionInput,
): Promise<RequestView> {
  const text = comment.trim();
  switch (decision) {
    case 'approve':
      return api.call('approveRequest', { id, body: text ? { comment: text } : {} });
    case 'reject':
      return api.call('rejectRequest', { id, body: { comment: text } });
    case 'review':
      return api.call('reviewBreakGlass', { id, body: { comment: text } });
    case 'revoke':
      return api.call('revokeRequest', { id, body: { comment: text } });
  }
}

export function useDecideRequest() {
  const api = useApiClient();
  return useMutation({ mutationFn: (input: DecisionInput) => decideRequest(api, input) });
}
