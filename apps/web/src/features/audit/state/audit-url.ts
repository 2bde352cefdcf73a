import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import { requestStatusSchema } from '@elevate/contracts';
import { DEFAULT_RANGE, type AuditFilters } from '../api/audit-query';

/**
 * The audit view as the page's URL holds it, so back, reload and a shared link show the same view:
 * `requester`, `account`, `role`, `status`, `ticket` (with `ticketMatch=prefix`), `q` (free text),
 * `order=oldest`, the range as `last=30d` (relative), `from=YYYY-MM-DD&to=YYYY-MM-DD` (the auditor's
 * days) or `from=…T00:00:00Z&to=…` (UTC instants, `to` exclusive: how Insights links its UTC days), and
 * the page as `page=<n>&cursor=<the server's cursor of that page>`. Defaults are left out; anything
 * unreadable is ignored.
 */
const UNITS: Record<string, DateRangePickerProps.TimeUnit> = { h: 'hour', d: 'day' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
// The date picker takes instants with an offset; the URL keeps the shorter `Z`.
const UTC_OFFSET = '+00:00';
const pickerInstant = (text: string) => text.replace(/Z$/, UTC_OFFSET);
const urlInstant = (text: string) =>
  text.endsWith(UTC_OFFSET) ? `${text.slice(0, -UTC_OFFSET.length)}Z` : text;

const rangeOf = (search: URLSearchParams): DateRangePickerProps.Value => {
  const from = search.get('from');
  const to = search.get('to');
  if (from && to && DAY.test(from) && DAY.test(to))
    return { type: 'absolute', startDate: from, endDate: to };
  if (from && to && INSTANT.test(from) && INSTANT.test(to) && from < to)
    return { type: 'absolute', startDate: pickerInstant(from), endDate: pickerInstant(to) };
  const last = /^(\d{1,3})([hd])$/.exec(search.get('last') ?? '');
  const unit = last?.[2] === undefined ? undefined : UNITS[last[2]];
  if (last && unit) {
    const amount = Number(last[1]);
    return { type: 'relative', key: `last-${amount}-${unit}s`, amount, unit };
  }
  return DEFAULT_RANGE;
};

export function auditFiltersFromSearch(search: URLSearchParams): AuditFilters {
  const status = requestStatusSchema.safeParse(search.get('status'));
  return {
    requester: search.get('requester') ?? '',
    accountId: search.get('account') ?? '',
    roleName: search.get('role') ?? '',
    status: status.success ? status.data : '',
    ticket: search.get('ticket') ?? '',
    ticketMatch: search.get('ticketMatch') === 'prefix' ? 'prefix' : 'exact',
    text: search.get('q') ?? '',
    order: search.get('order') === 'oldest' ? 'oldest' : 'newest',
    range: rangeOf(search),
  };
}

/** Which page the URL shows: its number (0-based here) and the cursor that opens it. */
export interface AuditPagePosition {
  index: number;
  cursor: string | undefined;
}

const CURSOR = /^[A-Za-z0-9_-]{1,2048}$/;

/** Page 1 unless the URL holds a page number above 1 together with a well-formed cursor. */
export function auditPageFromSearch(search: URLSearchParams): AuditPagePosition {
  const page = Number(search.get('page'));
  const cursor = search.get('cursor') ?? '';
  if (!Number.isInteger(page) || page < 2 || page > 10_000 || !CURSOR.test(cursor))
    return { index: 0, cursor: undefined };
  return { index: page - 1, cursor };
}

/** The filters' search with the page added (nothing for page 1). */
export function searchOfAuditView(
  filters: AuditFilters,
  position: AuditPagePosition,
): URLSearchParams {
  const search = searchOfAuditFilters(filters);
  if (position.index > 0 && position.cursor !== undefined) {
    search.set('page', String(position.index + 1));
    search.set('cursor', position.cursor);
  }
  return search;
}

export function searchOfAuditFilters(filters: AuditFilters): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string) => {
    if (value.trim() !== '') search.set(key, value.trim());
  };
  set('requester', filters.requester);
  set('account', filters.accountId);
  set('role', filters.roleName);
  set('status', filters.status);
  set('ticket', filters.ticket);
  // Kept without a ticket too: choosing "Starts with" before typing must not be forgotten.
  if (filters.ticketMatch === 'prefix') set('ticketMatch', 'prefix');
  set('q', filters.text);
  if (filters.order === 'oldest') set('order', 'oldest');
  const range = filters.range ?? DEFAULT_RANGE;
  if (range.type === 'absolute' && INSTANT.test(urlInstant(range.startDate))) {
    set('from', urlInstant(range.startDate));
    set('to', urlInstant(range.endDate));
  } else if (range.type === 'absolute') {
    set('from', range.startDate.slice(0, 10));
    set('to', range.endDate.slice(0, 10));
  } else if (
    (range.unit === 'hour' || range.unit === 'day') &&
    !(range.amount === DEFAULT_RANGE.amount && range.unit === DEFAULT_RANGE.unit)
  ) {
    set('last', `${range.amount}${range.unit === 'hour' ? 'h' : 'd'}`);
  }
  return search;
}
