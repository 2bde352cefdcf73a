import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage } from '@elevate/contracts';
import type { ApiClient } from '../../../lib/api-client';
import { useApiClient } from '../../../lib/api-client-context';
import { auditKeys } from './audit-keys';
import { auditQueryInput, type AuditQueryParams } from './audit-query';

export const AUDIT_PAGE_SIZE = 25;

export function getAuditPage(
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

/** One server page of the filtered history; the previous page stays on screen while the next loads. */
export function useAuditPage(query: AuditQueryParams, cursor: string | undefined) {
  const api = useApiClient();
  return useQuery({
    queryKey: auditKeys.page(query, cursor),
    queryFn: ({ signal }) => getAuditPage(api, query, cursor, signal),
    placeholderData: keepPreviousData,
  });
}
