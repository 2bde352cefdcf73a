import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

type InvitationAnswer = 'accept' | 'decline';

export interface AnswerInput {
  id: string;
  answer: InvitationAnswer;
  comment?: string;
}

/** `POST /requests/{id}/accept` or `/decline`: the invited engineer answers. */
function answerInvitation(
  api: ApiClient,
  { id, answer, comment }: AnswerInput,
): Promise<RequestView> {
  const text = comment?.trim() ?? '';
  return api.call(answer === 'accept' ? 'acceptInvitation' : 'declineInvitation', {
    id,
    body: text === '' ? {} : { comment: text },
  });
}

export function useAnswerInvitation() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AnswerInput) => answerInvitation(api, input),
    // Accepting moves the request into My requests; every view of it reloads.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
