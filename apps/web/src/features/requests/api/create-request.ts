import { useMutation } from '@tanstack/react-query';
import type { CreateRequestBody, RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

function createRequest(api: ApiClient, body: CreateRequestBody): Promise<RequestView> {
  return api.call('createRequest', { body });
}

export function useCreateRequest() {
  const api = useApiClient();
  return useMutation({ mutationFn: (body: CreateRequestBody) => createRequest(api, body) });
}
