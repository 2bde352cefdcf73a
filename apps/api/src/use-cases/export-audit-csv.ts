import type { AuditExportQuery } from '@elevate/contracts';
import { approvalsOf, findAccount, windowOf } from '@elevate/domain';
import type { AccessRequest, Actor, Page, Policy } from '@elevate/domain';
import { csvRow } from './csv';
import { assertMayAudit, toAuditQuery } from './list-audit';
import type { UseCaseDeps } from './use-case-deps';
import { UseCaseError } from './use-case-error';

/** The store's largest page: fewer round trips for a long export. */
const EXPORT_PAGE_SIZE = 100;

/** How much one export may hold. */
export interface AuditExportLimits {
  /** Data rows (the header not counted). */
  maxRows: number;
  /** The file's size as it travels in a Lambda response (JSON-escaped UTF-8). */
  maxBytes: number;
}

/**
 * On Lambda the whole response is buffered and capped at 6 MB (the body travels JSON-escaped);
 * past that API Gateway answers a bare 5xx. These leave room for headers and the envelope.
 */
export const DEFAULT_AUDIT_EXPORT_LIMITS: AuditExportLimits = {
  maxRows: 20_000,
  maxBytes: 5_000_000,
};

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
  /** The header, then one line per request across every page. */
  lines: AsyncIterable<string>;
}

/**
 * The audit listing as CSV, every page. Every page is read before anything is sent (Lambda buffers
 * the response anyway), so a refusal, a broken store or an export over `limits` is a proper problem
 * response — `EXPORT_TOO_LARGE` (422) for the last — never a truncated file or a bare 5xx.
 */
export async function exportAuditCsv(
  deps: UseCaseDeps,
  actor: Actor,
  filters: AuditExportQuery,
  limits: AuditExportLimits = DEFAULT_AUDIT_EXPORT_LIMITS,
): Promise<AuditCsvExport> {
  assertMayAudit(deps, actor);
  const fetchPage = (cursor?: string) =>
    deps.repository.listForAudit(
      toAuditQuery(
        filters,
        cursor === undefined ? { limit: EXPORT_PAGE_SIZE } : { cursor, limit: EXPORT_PAGE_SIZE },
      ),
    );
  const lines = await readAllLines(fetchPage, deps.policy, limits);
  return {
    filename: `elevate-audit-${stamp(filters.from)}-${stamp(filters.to)}.csv`,
    lines: toAsync(lines),
  };
}

async function readAllLines(
  fetchPage: (cursor?: string) => Promise<Page<AccessRequest>>,
  policy: Policy,
  limits: AuditExportLimits,
): Promise<string[]> {
  const lines = [csvRow(COLUMNS)];
  let bytes = lambdaBytes(lines[0] ?? '');
  let page = await fetchPage();
  for (;;) {
    for (const request of page.items) {
      const line = csvRow(recordOf(request, policy));
      bytes += lambdaBytes(line);
      if (lines.length > limits.maxRows || bytes > limits.maxBytes) throw tooLarge(limits);
      lines.push(line);
    }
    if (page.nextCursor === undefined) return lines;
    page = await fetchPage(page.nextCursor);
  }
}

/** A line's size inside the JSON envelope of a Lambda response (quotes and CR LF escaped). */
const lambdaBytes = (line: string): number => Buffer.byteLength(JSON.stringify(line)) - 2;

const tooLarge = (limits: AuditExportLimits): UseCaseError =>
  new UseCaseError(
    'EXPORT_TOO_LARGE',
    `The export would exceed ${limits.maxRows} rows or ${Math.floor(limits.maxBytes / 1_000_000)} MB; narrow the date range or filters.`,
  );

async function* toAsync(lines: readonly string[]): AsyncGenerator<string> {
  yield* lines;
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
