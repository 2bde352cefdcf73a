import { describe, expect, it } from 'vitest';
import {
  auditExportQuerySchema,
  auditQuerySchema,
  decidedReviewsQuerySchema,
  myRequestsQuerySchema,
} from './list-queries';

describe('list query strings', () => {
  it('coerce the limit and default it', () => {
    expect(myRequestsQuerySchema.parse({})).toEqual({ limit: 25 });
    expect(
      myRequestsQuerySchema.parse({ limit: '50', status: 'PENDING', cursor: 'abc_-1' }),
    ).toEqual({ limit: 50, status: 'PENDING', cursor: 'abc_-1' });
  });

  it.each([
    { limit: '0' },
    { limit: '101' },
    { limit: 'ten' },
    { status: 'pending' },
    { cursor: 'not a cursor!' },
    { sort: 'asc' },
  ])('refuse %j', (query) => {
    expect(myRequestsQuerySchema.safeParse(query).success).toBe(false);
  });

  it('require an audit range that is ordered and at most a year', () => {
    const from = '2025-01-01T00:00:00Z';
    expect(
      auditQuerySchema.parse({
        from,
        to: '2025-02-01T00:00:00Z',
        accountId: '333333333333',
        status: 'APPROVED',
      }),
    ).toMatchObject({ limit: 25 });
    expect(auditQuerySchema.safeParse({ from, to: from }).error?.issues[0]).toMatchObject({
      path: ['to'],
      message: 'must be after from',
    });
    expect(
      auditQuerySchema.safeParse({ from, to: '2026-06-01T00:00:00Z' }).error?.issues[0]?.path,
    ).toEqual(['to']);
    expect(auditQuerySchema.safeParse({ to: from }).error?.issues[0]?.path).toEqual(['from']);
  });

  it('sort the audit newest first unless asked, and take a ticket prefix and free text', () => {
    const range = { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' };
    expect(auditQuerySchema.parse(range)).toMatchObject({ order: 'newest' });
    expect(
      auditQuerySchema.parse({ ...range, order: 'oldest', ticketPrefix: 'INC-12', q: ' db ' }),
    ).toMatchObject({ order: 'oldest', ticketPrefix: 'INC-12', q: 'db' });
    for (const bad of [{ order: 'asc' }, { q: 'x' }, { ticketPrefix: 'no spaces' }])
      expect(auditQuerySchema.safeParse({ ...range, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
  });

  it('export the same filters without paging', () => {
    expect(
      auditExportQuerySchema.safeParse({
        from: '2025-01-01T00:00:00Z',
        to: '2025-02-01T00:00:00Z',
        limit: '10',
      }).success,
    ).toBe(false);
    expect(
      auditExportQuerySchema.safeParse({
        from: '2025-01-01T00:00:00Z',
        to: '2025-02-01T00:00:00Z',
        requester: 'alice@example.com',
      }).success,
    ).toBe(true);
  });

  it('let past decisions default their range, and check it when both ends are given', () => {
    expect(decidedReviewsQuerySchema.parse({})).toEqual({ limit: 25 });
    expect(decidedReviewsQuerySchema.parse({ from: '2025-01-01T00:00:00Z' })).toEqual({
      limit: 25,
      from: '2025-01-01T00:00:00Z',
    });
    expect(
      decidedReviewsQuerySchema.safeParse({
        from: '2025-02-01T00:00:00Z',
        to: '2025-01-01T00:00:00Z',
      }).error?.issues[0]?.path,
    ).toEqual(['to']);
    expect(
      decidedReviewsQuerySchema.safeParse({
        from: '2024-01-01T00:00:00Z',
        to: '2025-06-01T00:00:00Z',
      }).success,
    ).toBe(false);
    expect(decidedReviewsQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(decidedReviewsQuerySchema.safeParse({ status: 'APPROVED' }).success).toBe(false);
  });
});
