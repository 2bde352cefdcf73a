import { describe, expect, it } from 'vitest';
import { auditQueryParams, DEFAULT_RANGE, type AuditFilters } from '../api/audit-query';
import {
  auditFiltersFromSearch,
  auditPageFromSearch,
  searchOfAuditFilters,
  searchOfAuditView,
} from './audit-url';

const filters: AuditFilters = {
  requester: 'bob@example.com',
  accountId: '111111111111',
  roleName: 'PowerUser',
  status: 'REVOKED',
  ticket: 'OPS-7',
  ticketMatch: 'prefix',
  text: 'restore',
  order: 'oldest',
  range: { type: 'absolute', startDate: '2030-01-01', endDate: '2030-01-31' },
};

describe('audit filters in the URL', () => {
  it('round-trip every filter and an absolute range', () => {
    const search = searchOfAuditFilters(filters);
    expect(search.toString()).toBe(
      'requester=bob%40example.com&account=111111111111&role=PowerUser&status=REVOKED&ticket=OPS-7&ticketMatch=prefix&q=restore&order=oldest&from=2030-01-01&to=2030-01-31',
    );
    expect(auditFiltersFromSearch(search)).toEqual(filters);
  });

  it('keep a relative range short and leave the defaults out', () => {
    const week = { type: 'relative', key: 'last-7-days', amount: 7, unit: 'day' } as const;
    const search = searchOfAuditFilters({ ...filters, range: week });
    expect(search.get('last')).toBe('7d');
    expect(auditFiltersFromSearch(search).range).toEqual(week);
    const empty = {
      requester: '',
      accountId: '',
      roleName: '',
      status: '',
      ticket: '',
      ticketMatch: 'exact',
      text: '',
      order: 'newest',
    } as const;
    expect(searchOfAuditFilters({ ...empty, range: DEFAULT_RANGE }).toString()).toBe('');
  });

  it('hold the page as its number and cursor, page 1 as nothing', () => {
    const view = searchOfAuditView(filters, { index: 2, cursor: 'abc_-1' });
    expect(view.get('page')).toBe('3');
    expect(view.get('cursor')).toBe('abc_-1');
    expect(auditPageFromSearch(view)).toEqual({ index: 2, cursor: 'abc_-1' });
    expect(auditFiltersFromSearch(view)).toEqual(filters);
    expect(searchOfAuditView(filters, { index: 0, cursor: undefined }).has('page')).toBe(false);
    for (const bad of ['page=3', 'page=x&cursor=abc', 'page=1&cursor=abc', 'page=2&cursor=a%20b'])
      expect(auditPageFromSearch(new URLSearchParams(bad)), bad).toEqual({
        index: 0,
        cursor: undefined,
      });
  });

  it('ignore what they cannot read', () => {
    const read = auditFiltersFromSearch(new URLSearchParams('status=NOPE&last=forever&from=x'));
    expect(read.status).toBe('');
    expect(read.range).toEqual(DEFAULT_RANGE);
  });

  it('take the UTC instants of an Insights link exactly, and keep them as instants', () => {
    const search = new URLSearchParams(
      'from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&status=APPROVED',
    );
    const read = auditFiltersFromSearch(search);
    expect(auditQueryParams(read, Date.parse('2030-03-01T00:00:00Z'))).toMatchObject({
      from: '2030-01-01T00:00:00Z',
      to: '2030-02-01T00:00:00Z',
      status: 'APPROVED',
    });
    expect(searchOfAuditFilters({ ...read, roleName: 'Admin' }).toString()).toBe(
      'role=Admin&status=APPROVED&from=2030-01-01T00%3A00%3A00Z&to=2030-02-01T00%3A00%3A00Z',
    );
    // Reversed or half-written instants are not a range.
    for (const bad of [
      'from=2030-02-01T00:00:00Z&to=2030-01-01T00:00:00Z',
      'from=2030-01-01T00:00:00Z&to=2030-02-01',
    ])
      expect(auditFiltersFromSearch(new URLSearchParams(bad)).range, bad).toEqual(DEFAULT_RANGE);
  });
});
