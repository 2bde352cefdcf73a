import type { AuditExportQuery } from '@elevate/contracts';
import { cloudTrailEventHistoryUrl } from '@elevate/contracts';
import { approvalsOf, findAccount, windowOf } from '@elevate/domain';
import type {
  AccessRequest,
  Actor,
  HistoryEvent,
  Page,
  Policy,
  SessionRecord,
} from '@elevate/domain';
import { DEFAULT_AUDIT_EXPORT_LIMITS, type AuditExportLimits } from './audit-export-limits';
import { csvRow } from './csv';
import { assertMayAudit, storeFiltersOf } from './list-audit';
import type { UseCaseDeps } from './use-case-deps';
import { UseCaseError } from './use-case-error';

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
  'decisions',
  'closedBy',
  'closingComment',
  'sessions',
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
  const store = await storeFiltersOf(deps, filters);
  const fetchPage = (cursor?: string) =>
    deps.repository.listForAuditWithHistory({
      ...store.filters,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
  const lines = await readAllLines(fetchPage, deps, limits);
  return {
    filename: `elevate-audit-${stamp(filters.from)}-${stamp(filters.to)}.csv`,
    lines: toAsync(lines),
  };
}

/** Every session of each request of a page: one consistent Query per request, a page at a time. */
export async function sessionsOfPage(
  deps: Pick<UseCaseDeps, 'sessions'>,
  requests: readonly AccessRequest[],
): Promise<(readonly SessionRecord[])[]> {
  const { sessions } = deps;
  if (sessions === undefined) return requests.map(() => []);
  return Promise.all(requests.map((request) => sessions.listForRequest(request.id)));
}

async function readAllLines(
  fetchPage: (cursor?: string) => Promise<Page<AccessRequest>>,
  deps: Pick<UseCaseDeps, 'policy' | 'sessions'>,
  limits: AuditExportLimits,
): Promise<string[]> {
  const lines = [csvRow(COLUMNS)];
  let bytes = lambdaBytes(lines[0] ?? '');
  let page = await fetchPage();
  for (;;) {
    const sessions = await sessionsOfPage(deps, page.items);
    for (const [index, request] of page.items.entries()) {
      const line = csvRow(recordOf(request, deps.policy, sessions[index] ?? []));
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

/** The event that closed the request, if a person (or the system) closed it. */
export function closingEventOf(request: AccessRequest): HistoryEvent | undefined {
  return [...request.history].reverse().find((event) => CLOSING_EVENTS.has(event.type));
}
const CLOSING_EVENTS = new Set<HistoryEvent['type']>([
  'REJECTION',
  'CANCELLATION',
  'EXPIRY',
  'REVOCATION',
  'EARLY_END',
]);

/** One line per decision: what, who, when, and the comment. */
const decisionsCell = (request: AccessRequest): string =>
  request.decisions
    .map(
      (decision) =>
        `${decision.decision} by ${decision.approver.email} at ${decision.at}${decision.comment === undefined ? '' : `: ${decision.comment}`}`,
    )
    .join('\n');

/** One line per session: kind, AccessKeyId, issued, expires, region, and its CloudTrail history. */
const sessionsCell = (sessions: readonly SessionRecord[]): string =>
  sessions
    .map(
      (session) =>
        `${session.kind} ${session.accessKeyId} issued ${session.issuedAt} expires ${session.expiresAt} account ${session.accountId} region ${session.region} ${cloudTrailEventHistoryUrl(session)}`,
    )
    .join('\n');

function recordOf(
  request: AccessRequest,
  policy: Policy,
  sessions: readonly SessionRecord[],
): string[] {
  const closing = closingEventOf(request);
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
    decisions: decisionsCell(request),
    closedBy: closing === undefined ? undefined : `${closing.type} by ${closing.actor.email}`,
    closingComment: closing?.comment,
    sessions: sessionsCell(sessions),
  };
  return COLUMNS.map((column) => String(record[column] ?? ''));
}

/** An ISO instant as a filename-safe stamp: 2025-03-01T00:00:00Z → 20250301T000000Z. */
const stamp = (iso: string): string => iso.replace(/\.\d+/, '').replaceAll(/[-:]/g, '');
