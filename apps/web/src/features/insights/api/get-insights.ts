import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InsightsResponse } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { insightsKeys } from './insights-keys';
import type { InsightsFilters } from './insights-query';

function getInsights(
  api: ApiClient,
  filters: InsightsFilters,
  signal?: AbortSignal,
): Promise<InsightsResponse> {
  return api.call('getInsights', { query: filters, signal });
}

/** The summary of the chosen days: what the page reads and the route loader starts. */
export function insightsQueryOptions(api: ApiClient, filters: InsightsFilters) {
  return queryOptions({
    queryKey: insightsKeys.summary(filters),
    queryFn: ({ signal }) => getInsights(api, filters, signal),
  });
}

/** The previous summary stays on screen while filters change. */
export function useInsights(filters: InsightsFilters) {
  return useQuery({
    ...insightsQueryOptions(useApiClient(), filters),
    placeholderData: keepPreviousData,
  });
}
