import type { DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import { requestStatusSchema } from '@elevate/contracts';
import { DEFAULT_RANGE, type AuditFilters } from '../api/audit-query';

/**
 * The audit filters as the page's URL holds them, so back, reload and a shared link show the same
 * view: `requester`, `account`, `role`, `status`, `ticket`, and the range as `last=30d` (relative)
 * or `from=YYYY-MM-DD&to=YYYY-MM-DD` (days). Defaults are left out; anything unreadable is ignored.
 */
const UNITS: Record<string, DateRangePickerProps.TimeUnit> = { h: 'hour', d: 'day' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const rangeOf = (search: URLSearchParams): DateRangePickerProps.Value => {
  const from = search.get('from');
  const to = search.get('to');
  if (from && to && DAY.test(from) && DAY.test(to))
    return { type: 'absolute', startDate: from, endDate: to };
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
    range: rangeOf(search),
  };
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
  const range = filters.range ?? DEFAULT_RANGE;
  if (range.type === 'absolute') {
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
