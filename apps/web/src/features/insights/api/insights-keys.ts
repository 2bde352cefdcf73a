import type { InsightsFilters } from './insights-query';

/** Query keys for Insights; one entry per filter set. */
export const insightsKeys = {
  all: ['insights'] as const,
  summary: (filters: InsightsFilters) => [...insightsKeys.all, 'summary', filters] as const,
};
