import { describe, expect, it } from 'vitest';
import { auditHref, filtersFromSearch, insightsSearch } from './insights-query';

const NOW = Date.parse('2030-01-31T12:00:00Z');

describe('insights filters in the URL', () => {
  it('read back what they wrote, and fall back to the last 30 days for a bad range', () => {
    const filters = {
      from: '2030-01-01',
      to: '2030-01-31',
      tag: 'environment=prod',
      role: 'Admin',
    };
    expect(filtersFromSearch(new URLSearchParams(insightsSearch(filters)), NOW)).toEqual(filters);
    expect(filtersFromSearch(new URLSearchParams('from=2030-02-01&to=2030-01-01'), NOW)).toEqual({
      from: '2030-01-02',
      to: '2030-01-31',
    });
    expect(filtersFromSearch(new URLSearchParams('from=yesterday&account='), NOW)).toEqual({
      from: '2030-01-02',
      to: '2030-01-31',
    });
  });

  it('link to the Audit page for the whole UTC days, with the filters Audit also has', () => {
    const filters = {
      from: '2030-01-01',
      to: '2030-01-31',
      account: '333333333333',
      tag: 'env=prod',
    };
    const href = new URL(
      auditHref(filters, { status: 'APPROVED', requester: 'bob@example.com' }),
      'https://x',
    );
    expect(href.pathname).toBe('/audit');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      from: '2030-01-01T00:00:00Z',
      to: '2030-02-01T00:00:00Z',
      account: '333333333333',
      status: 'APPROVED',
      requester: 'bob@example.com',
    });
  });
});
