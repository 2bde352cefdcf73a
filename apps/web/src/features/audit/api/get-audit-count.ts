import { useQuery } from '@tanstack/react-query';
import { isAuditCountable, type AuditCount } from '@elevate/contracts';
import { useApiClient } from '../../../lib/api-client-context';
import { auditKeys } from './audit-keys';
import { auditQueryInput, type AuditQueryParams } from './audit-query';

/**
 * How many requests the filters match, asked apart from the pages: the server counts from its daily
 * aggregates — a read of the whole range, dearer than a page — so no page waits for it, and it is
 * asked only when wanted: more than one page, and filters the aggregates can count. The order does
 * not change a count, so both orders share one. A failed count leaves the header at what was seen.
 */
export function useAuditCount(query: AuditQueryParams, morePagesThanOne: boolean) {
  const api = useApiClient();
  const { order: _order, ...filters } = query;
  return useQuery({
    queryKey: auditKeys.count(filters),
    queryFn: ({ signal }): Promise<AuditCount> =>
      api.call('countAudit', { query: auditQueryInput(filters), signal }),
    enabled: morePagesThanOne && isAuditCountable(filters),
    retry: false,
  });
}
