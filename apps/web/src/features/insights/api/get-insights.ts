import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InsightsResponse } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { insightsKeys } from './insights-keys';
import type { InsightsFilters } from './insights-query';

export function getInsights(
  api: ApiClient,
  filters: InsightsFilters,
  signal?: AbortSignal,
): Promise<InsightsResponse> {
  return api.call('getInsights', { query: filters, signal });
}

/** The summary of the chosen days; the previous one stays on screen while filters change. */
export function useInsights(filters: InsightsFilters) {
  const api = useApiClient();
  return useQuery({
    queryKey: insightsKeys.summary(filters),
    queryFn: ({ signal }) => getInsights(api, filters, signal),
    placeholderData: keepPreviousData,
  });
}
