import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditPage } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { auditKeys } from './audit-keys';
import { auditQueryInput, type AuditQueryParams } from './audit-query';

const AUDIT_PAGE_SIZE = 25;

function getAuditPage(
  api: ApiClient,
  query: AuditQueryParams,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return api.call('listAudit', {
    query: auditQueryInput(query, { cursor, limit: AUDIT_PAGE_SIZE }),
    signal,
  });
}

/** One server page of the filtered history: what the page reads and the route loader starts. */
export function auditPageQueryOptions(
  api: ApiClient,
  query: AuditQueryParams,
  cursor: string | undefined,
) {
  return queryOptions({
    queryKey: auditKeys.page(query, cursor),
    queryFn: ({ signal }) => getAuditPage(api, query, cursor, signal),
  });
}

/** The previous page stays on screen while the next loads. */
export function useAuditPage(query: AuditQueryParams, cursor: string | undefined) {
  return useQuery({
    ...auditPageQueryOptions(useApiClient(), query, cursor),
    placeholderData: keepPreviousData,
  });
}
