import { paths } from '../../../lib/paths';
import type { InsightsQuery } from '@elevate/contracts';

/** The Insights filters as they appear in the page's URL and in `GET /insights`. */
export type InsightsFilters = InsightsQuery;

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isDay = (value: string | null): value is string =>
  value !== null &&
  /^\d{4}-\d{2}-\d{2}$/u.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The last 30 UTC days, today included. */
function defaultRange(now: number): { from: string; to: string } {
  return { from: dayOf(now - 29 * DAY_MS), to: dayOf(now) };
}

const OPTIONAL = ['account', 'tag', 'role', 'group'] as const;

/** The filters of a URL's search; a missing or malformed range falls back to the last 30 days. */
export function filtersFromSearch(search: URLSearchParams, now: number): InsightsFilters {
  const from = search.get('from');
  const to = search.get('to');
  const range = isDay(from) && isDay(to) && from <= to ? { from, to } : defaultRange(now);
  const filters: InsightsFilters = { ...range };
  for (const name of OPTIONAL) {
    const value = search.get(name);
    if (value !== null && value !== '') filters[name] = value;
  }
  return filters;
}

/** `from=…&to=…&account=…`, the same string for the API and the page's URL. */
export function insightsSearch(filters: InsightsFilters): string {
  const search = new URLSearchParams({ from: filters.from, to: filters.to });
  for (const name of OPTIONAL) {
    const value = filters[name];
    if (value !== undefined) search.set(name, value);
  }
  return search.toString();
}

/** What narrows the Audit page to the requests behind one number. */
export interface AuditLink {
  account?: string;
  role?: string;
  status?: string;
  requester?: string;
}

/**
 * The Audit page with its filters in the URL, for the requests behind a number: created in the
 * range's UTC days, as instants (Audit reads bare days in the auditor's own timezone), narrowed by the
 * Insights filters that Audit also has (account, role) and by the number's own (status, requester,
 * account, role).
 */
export function auditHref(filters: InsightsFilters, link: AuditLink = {}): string {
  const search = new URLSearchParams({
    from: `${filters.from}T00:00:00Z`,
    to: `${dayOf(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS)}T00:00:00Z`,
  });
  const account = link.account ?? filters.account;
  const role = link.role ?? filters.role;
  if (account !== undefined) search.set('account', account);
  if (role !== undefined) search.set('role', role);
  if (link.status !== undefined) search.set('status', link.status);
  if (link.requester !== undefined) search.set('requester', link.requester);
  return `${paths.audit}?${search.toString()}`;
}
