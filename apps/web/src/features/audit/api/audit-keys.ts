import type { AuditQueryParams } from './audit-query';

/** Query keys for the audit listing; one entry per filter set and page cursor. */
export const auditKeys = {
  all: ['audit'] as const,
  page: (query: AuditQueryParams, cursor: string | undefined) =>
    [...auditKeys.all, 'page', query, cursor ?? null] as const,
  count: (query: AuditQueryParams) => [...auditKeys.all, 'count', query] as const,
};
