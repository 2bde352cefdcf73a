import type { AuditExportQuery, AuditJsonExport } from '@elevate/contracts';
import { cloudTrailEventHistoryUrl } from '@elevate/contracts';
import type { Actor } from '@elevate/domain';
import { DEFAULT_AUDIT_EXPORT_LIMITS } from './audit-export-limits';
import { closingEventOf, sessionsOfPage } from './export-audit-csv';
import type { AuditExportLimits } from './audit-export-limits';
import { assertMayAudit, storeFiltersOf } from './list-audit';
import { toRequestView } from './request-view';
import { toSessionRecordView } from './session-record-view';
import type { UseCaseDeps } from './use-case-deps';
import { contextOf } from './use-case-deps';
import { UseCaseError } from './use-case-error';

const EXPORT_PAGE_SIZE = 100;

/**
 * The audit listing as one JSON document, every page, each request with its sessions (one Query
 * per request). Read whole before anything is sent, within the same limits as the CSV, so an
 * export is either complete or a 422 `EXPORT_TOO_LARGE`.
 */
export async function exportAuditJson(
  deps: UseCaseDeps,
  actor: Actor,
  filters: AuditExportQuery,
  limits: AuditExportLimits = DEFAULT_AUDIT_EXPORT_LIMITS,
): Promise<{ filename: string; body: string }> {
  assertMayAudit(deps, actor);
  const store = await storeFiltersOf(deps, filters);
  const ctx = contextOf(deps, actor);
  const requests: AuditJsonExport['requests'] = [];
  let bytes = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.repository.listForAuditWithHistory({
      ...store.filters,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    const sessions = await sessionsOfPage(deps, page.items);
    for (const [index, request] of page.items.entries()) {
      const closing = closingEventOf(request);
      const entry = {
        ...toRequestView(request, ctx),
        ...(closing === undefined ? {} : { closedBy: { ...closing } }),
        sessions: (sessions[index] ?? []).map((session) => ({
          ...toSessionRecordView(session),
          cloudTrailUrl: cloudTrailEventHistoryUrl(session),
        })),
      };
      // The JSON-escaped size as it travels in a Lambda response, like the CSV's.
      bytes += Buffer.byteLength(JSON.stringify(JSON.stringify(entry)));
      if (requests.length >= limits.maxRows || bytes > limits.maxBytes) {
        throw new UseCaseError(
          'EXPORT_TOO_LARGE',
          `The export would exceed ${limits.maxRows} requests or ${Math.floor(limits.maxBytes / 1_000_000)} MB; narrow the date range or filters.`,
        );
      }
      requests.push(entry);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  const stamp = (iso: string): string => iso.replace(/\.\d+/, '').replaceAll(/[-:]/g, '');
  const document: AuditJsonExport = {
    from: filters.from,
    to: filters.to,
    exportedAt: deps.clock.now(),
    requests,
  };
  return {
    filename: `elevate-audit-${stamp(filters.from)}-${stamp(filters.to)}.json`,
    body: JSON.stringify(document),
  };
}
