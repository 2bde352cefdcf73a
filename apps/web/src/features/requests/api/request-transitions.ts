import { useMutation } from '@tanstack/react-query';
import type { RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

/** The requester's own transitions; reviewers' decisions live in the reviews feature. */
export type RequesterTransition = 'cancel' | 'end';

export interface TransitionInput {
  id: string;
  comment?: string;
}

function transitionRequest(
  api: ApiClient,
  transition: RequesterTransition,
  { id, comment }: TransitionInput,
): Promise<RequestView> {
  const body = comment?.trim() ? { comment: comment.trim() } : {};
  return api.call(transition === 'cancel' ? 'cancelRequest' : 'endRequest', { id, body });
}

export function useRequestTransition(transition: RequesterTransition) {
  const api = useApiClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => transitionRequest(api, transition, input),
  });
}
