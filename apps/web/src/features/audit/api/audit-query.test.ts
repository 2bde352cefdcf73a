import { describe, expect, it, vi } from 'vitest';
import {
  auditQueryParams,
  auditQueryString,
  DEFAULT_RANGE,
  resolveRange,
  type AuditFilters,
} from './audit-query';
import { downloadAuditCsv } from './download-audit-csv';
import { fakeApi } from '../../../testing/render-with-app';

const now = Date.parse('2026-05-12T12:00:00Z');
const none: AuditFilters = {
  requester: '',
  ticket: '',
  accountId: '',
  roleName: '',
  status: '',
  ticketMatch: 'exact',
  text: '',
  order: 'newest',
  range: DEFAULT_RANGE,
};

describe('audit filters to query string', () => {
  it('sends only the range by default: the last 30 days up to now', () => {
    expect(auditQueryString(auditQueryParams(none, now))).toBe(
      'from=2026-04-12T12%3A00%3A00Z&to=2026-05-12T12%3A00%3A00Z',
    );
  });

  it('adds each chosen filter under the API’s name, trimmed, and leaves out the empty ones', () => {
    const params = auditQueryParams(
      { ...none, requester: '  alice@example.com ', accountId: '333333333333', status: 'APPROVED' },
      now,
    );
    const search = new URLSearchParams(auditQueryString(params, { limit: 25, cursor: 'abc_1' }));
    expect(Object.fromEntries(search)).toEqual({
      from: '2026-04-12T12:00:00Z',
      to: '2026-05-12T12:00:00Z',
      requester: 'alice@example.com',
      accountId: '333333333333',
      status: 'APPROVED',
      limit: '25',
      cursor: 'abc_1',
    });
    expect(search.has('roleName')).toBe(false);
  });

  it('runs an absolute date range from the first day’s start to the last day’s end, in local time', () => {
    const range = resolveRange(
      { type: 'absolute', startDate: '2026-05-01', endDate: '2026-05-03' },
      now,
    );
    expect(range.from).toBe(`${new Date('2026-05-01T00:00:00').toISOString().slice(0, 19)}Z`);
    expect(range.to).toBe(`${new Date('2026-05-04T00:00:00').toISOString().slice(0, 19)}Z`);
  });

  it('counts relative ranges back from the moment given', () => {
    expect(resolveRange({ type: 'relative', amount: 24, unit: 'hour' }, now)).toEqual({
      from: '2026-05-11T12:00:00Z',
      to: '2026-05-12T12:00:00Z',
    });
  });
});

describe('ticket, text and order to query string', () => {
  it('sends an exact ticket, a ticket prefix, free text and oldest-first under the API’s names', () => {
    const exact = auditQueryParams({ ...none, ticket: ' INC-12 ' }, now);
    expect(exact).toMatchObject({ ticket: 'INC-12' });
    expect(exact).not.toHaveProperty('ticketPrefix');
    const search = new URLSearchParams(
      auditQueryString(
        auditQueryParams(
          { ...none, ticket: 'INC-12', ticketMatch: 'prefix', text: ' db ', order: 'oldest' },
          now,
        ),
      ),
    );
    expect(search.get('ticketPrefix')).toBe('INC-12');
    expect(search.has('ticket')).toBe(false);
    expect(search.get('q')).toBe('db');
    expect(search.get('order')).toBe('oldest');
    // Newest first is the API's default: left out.
    expect(new URLSearchParams(auditQueryString(auditQueryParams(none, now))).has('order')).toBe(
      false,
    );
  });
});

describe('CSV download', () => {
  it('asks the API client for the CSV of exactly the filtered view, and saves it under the server’s name', async () => {
    const blob = new Blob(['id\n']);
    const api = fakeApi(
      {},
      {
        '/audit/requests.csv?from=2026-04-12T12%3A00%3A00Z&to=2026-05-12T12%3A00%3A00Z&status=REJECTED':
          () => ({ blob, filename: 'audit.csv' }),
      },
    );
    const save = vi.fn();
    const filename = await downloadAuditCsv(
      api,
      auditQueryParams({ ...none, status: 'REJECTED' }, now),
      save,
    );
    expect(api.call).toHaveBeenCalledWith('exportAuditCsv', {
      query: { from: '2026-04-12T12:00:00Z', to: '2026-05-12T12:00:00Z', status: 'REJECTED' },
    });
    expect(save).toHaveBeenCalledWith(blob, 'audit.csv');
    expect(filename).toBe('audit.csv');
  });
});
