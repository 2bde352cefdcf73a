import { useMutation } from '@tanstack/react-query';
import { requestViewSchema, type CreateRequestBody, type RequestView } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';

export function createRequest(api: ApiClient, body: CreateRequestBody): Promise<RequestView> {
  return api.request('/requests', { method: 'POST', body, schema: requestViewSchema });
}

export function useCreateRequest() {
  const api = useApiClient();
  return useMutation({ mutationFn: (body: CreateRequestBody) => createRequest(api, body) });
}
