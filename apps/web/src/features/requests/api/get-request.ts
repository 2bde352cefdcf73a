import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod';
import { requestViewSchema, sessionRecordViewSchema } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { requestKeys } from './request-keys';
import { refetchWhileLive } from './request-liveness';

/** A request with its history, and the sessions issued for it when the viewer may see them. */
export const requestDetailSchema = requestViewSchema.extend({
  sessions: z.array(sessionRecordViewSchema).optional(),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export function getRequest(
  api: ApiClient,
  id: string,
  signal?: AbortSignal,
): Promise<RequestDetail> {
  return api.request(`/requests/${encodeURIComponent(id)}`, {
    schema: requestDetailSchema,
    signal,
  });
}

export function requestQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => getRequest(api, id, signal),
    refetchInterval: (query) => refetchWhileLive(query.state.data ? [query.state.data] : undefined),
  });
}

export function useRequest(id: string) {
  return useQuery(requestQueryOptions(useApiClient(), id));
}
