import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import type { RequestStatus } from '@elevate/contracts';

/** Newest first (the default) or oldest first, by when the request was made. */
type AuditOrder = 'newest' | 'oldest';

/** What the auditor chose in the filter bar. Empty strings mean "any". */
export interface AuditFilters {
  /** A whole e-mail, or part of a name or e-mail ("bob"); the server resolves it. */
  requester: string;
  accountId: string;
  roleName: string;
  status: RequestStatus | '';
  ticket: string;
  /** `prefix`: tickets starting with `ticket` (INC-12 finds INC-123), a bounded search. */
  ticketMatch: 'exact' | 'prefix';
  /** Free text in justification, ticket, account or role: a bounded search. */
  text: string;
  order: AuditOrder;
  range: DateRangePickerProps.Value | null;
}

/** The filters resolved against a moment: exactly the query parameters the API takes, minus paging. */
export interface AuditQueryParams {
  from: string;
  to: string;
  requester?: string;
  accountId?: string;
  roleName?: string;
  status?: RequestStatus;
  ticket?: string;
  ticketPrefix?: string;
  q?: string;
  /** Left out when newest first (the API's default). */
  order?: 'oldest';
}

export const DEFAULT_RANGE: DateRangePickerProps.RelativeValue = {
  type: 'relative',
  key: 'last-30-days',
  amount: 30,
  unit: 'day',
};

const UNIT_MS: Record<DateRangePickerProps.TimeUnit, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/**
 * [from, to) as ISO-8601 UTC. Relative ranges end now; absolute date-only ranges run from the start
 * of the first day to the end of the last day, in the auditor's timezone.
 */
export function resolveRange(
  range: DateRangePickerProps.Value | null,
  now: number,
): { from: string; to: string } {
  const value = range ?? DEFAULT_RANGE;
  if (value.type === 'relative')
    return { from: iso(now - value.amount * UNIT_MS[value.unit]), to: iso(now) };
  const dateOnly = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
  const start = new Date(
    dateOnly(value.startDate) ? `${value.startDate}T00:00:00` : value.startDate,
  ).getTime();
  const endBase = new Date(
    dateOnly(value.endDate) ? `${value.endDate}T00:00:00` : value.endDate,
  ).getTime();
  const end = dateOnly(value.endDate) ? endBase + UNIT_MS.day : endBase;
  return { from: iso(start), to: iso(end) };
}

export function auditQueryParams(filters: AuditFilters, now: number): AuditQueryParams {
  const requester = filters.requester.trim();
  const ticket = filters.ticket.trim();
  const q = filters.text.trim();
  return {
    ...resolveRange(filters.range, now),
    ...(requester ? { requester } : {}),
    ...(filters.accountId ? { accountId: filters.accountId } : {}),
    ...(filters.roleName ? { roleName: filters.roleName } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(ticket ? (filters.ticketMatch === 'prefix' ? { ticketPrefix: ticket } : { ticket }) : {}),
    ...(q ? { q } : {}),
    ...(filters.order === 'oldest' ? { order: 'oldest' as const } : {}),
  };
}

/**
 * The query of `GET /audit/requests` (with paging) or `/audit/requests.csv` (without), in a fixed
 * order so the same filters always make the same URL; empty filters are left out.
 */
export function auditQueryInput(
  params: AuditQueryParams,
  page?: { cursor?: string | undefined; limit: number },
): AuditQueryParams & { limit?: number; cursor?: string } {
  const query: AuditQueryParams & { limit?: number; cursor?: string } = {
    from: params.from,
    to: params.to,
  };
  if (params.requester) query.requester = params.requester;
  if (params.accountId) query.accountId = params.accountId;
  if (params.roleName) query.roleName = params.roleName;
  if (params.status) query.status = params.status;
  if (params.ticket) query.ticket = params.ticket;
  if (params.ticketPrefix) query.ticketPrefix = params.ticketPrefix;
  if (params.q) query.q = params.q;
  if (params.order) query.order = params.order;
  if (page) {
    query.limit = page.limit;
    if (page.cursor) query.cursor = page.cursor;
  }
  return query;
}

/** The same as a query string, as the API sees it (for links and tests). */
export function auditQueryString(
  params: AuditQueryParams,
  page?: { cursor?: string | undefined; limit: number },
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(auditQueryInput(params, page)))
    search.set(key, String(value));
  return search.toString();
}
