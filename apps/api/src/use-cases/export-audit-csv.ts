import type { AuditExportQuery } from '@elevate/contracts';
import { approvalsOf, findAccount, windowOf } from '@elevate/domain';
import type { AccessRequest, Actor, Page, Policy } from '@elevate/domain';
import { csvRow } from './csv';
import { assertMayAudit, toAuditQuery } from './list-audit';
import type { UseCaseDeps } from './use-case-deps';

/** The store's largest page: fewer round trips for a long export. */
const EXPORT_PAGE_SIZE = 100;

const COLUMNS = [
  'id',
  'createdAt',
  'requesterEmail',
  'requesterName',
  'requesterSub',
  'accountId',
  'accountName',
  'roleName',
  'status',
  'breakGlass',
  'postAccessReview',
  'requestedDurationMinutes',
  'scheduledStart',
  'approvedAt',
  'windowStartsAt',
  'windowEndsAt',
  'closedAt',
  'approvers',
  'rejectedBy',
  'ticket',
  'justification',
] as const;

export interface AuditCsvExport {
  filename: string;
  /** The header, then one line per request across every page, fetched as the consumer reads. */
  lines: AsyncIterable<string>;
}

/**
 * The audit listing as CSV, every page. The first page is read before anything is sent, so a
 * refusal or a broken store is still a proper problem response rather than a truncated file.
 */
export async function exportAuditCsv(
  deps: UseCaseDeps,
  actor: Actor,
  filters: AuditExportQuery,
): Promise<AuditCsvExport> {
  assertMayAudit(deps, actor);
  const fetchPage = (cursor?: string) =>
    deps.repository.listForAudit(
      toAuditQuery(
        filters,
        cursor === undefined ? { limit: EXPORT_PAGE_SIZE } : { cursor, limit: EXPORT_PAGE_SIZE },
      ),
    );
  const first = await fetchPage();
  return {
    filename: `elevate-audit-${stamp(filters.from)}-${stamp(filters.to)}.csv`,
    lines: linesOf(first, fetchPage, deps.policy),
  };
}

async function* linesOf(
  first: Page<AccessRequest>,
  fetchPage: (cursor: string) => Promise<Page<AccessRequest>>,
  policy: Policy,
): AsyncGenerator<string> {
  yield csvRow(COLUMNS);
  let page = first;
  for (;;) {
    for (const request of page.items) yield csvRow(recordOf(request, policy));
    if (page.nextCursor === undefined) return;
    page = await fetchPage(page.nextCursor);
  }
}

function recordOf(request: AccessRequest, policy: Policy): string[] {
  const window = windowOf(request);
  const record: Record<(typeof COLUMNS)[number], string | number | boolean | undefined> = {
    id: request.id,
    createdAt: request.createdAt,
    requesterEmail: request.requester.email,
    requesterName: request.requester.name,
    requesterSub: request.requester.sub,
    accountId: request.accountId,
    accountName: findAccount(policy, request.accountId)?.name,
    roleName: request.roleName,
    status: request.status,
    breakGlass: request.breakGlass,
    postAccessReview: request.postAccessReview?.state,
    requestedDurationMinutes: request.requestedDurationMinutes,
    scheduledStart: request.scheduledStart,
    approvedAt: request.approvedAt,
    windowStartsAt: window?.startsAt,
    windowEndsAt: window?.endsAt,
    closedAt: request.closedAt,
    approvers: approvalsOf(request)
      .map((decision) => decision.approver.email)
      .join(' '),
    rejectedBy: request.decisions.find((decision) => decision.decision === 'REJECT')?.approver
      .email,
    ticket: request.ticket,
    justification: request.justification,
  };
  return COLUMNS.map((column) => String(record[column] ?? ''));
}

/** An ISO instant as a filename-safe stamp: 2025-03-01T00:00:00Z → 20250301T000000Z. */
const stamp = (iso: string): string => iso.replace(/\.\d+/, '').replaceAll(/[-:]/g, '');
