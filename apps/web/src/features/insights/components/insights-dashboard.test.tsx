import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { InsightsResponse } from '@elevate/contracts';
import { ApiProblem } from '../../../lib/api-problem';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { byPrefix } from '../../../testing/server-pages';
import { InsightsDashboard } from './insights-dashboard';

const counts = (requests: number, approvedHours = requests) => ({
  requests,
  approvedWindows: requests,
  approvedHours,
  usedHours: approvedHours / 2,
});

const summary: InsightsResponse = {
  from: '2030-01-01',
  to: '2030-01-31',
  itemsRead: 31,
  totals: {
    ...counts(12, 20),
    neverUsedWindows: 3,
    breakGlass: 2,
    breakGlassAwaitingReview: 1,
    breakGlassReviewed: 1,
    selfApproved: 4,
    byStatus: {
      PENDING: 1,
      APPROVED: 6,
      REJECTED: 2,
      CANCELLED: 0,
      EXPIRED: 0,
      REVOKED: 1,
      ENDED: 2,
    },
  },
  timeToDecision: { count: 9, medianSeconds: 240, p90Seconds: 5400 },
  timeToFirstSession: { count: 0 },
  byDay: [
    { day: '2030-01-01', ...counts(5) },
    { day: '2030-01-02', ...counts(7) },
  ],
  byAccount: [{ accountId: '333333333333', accountName: 'production', ...counts(12, 20) }],
  byTag: [{ tag: 'environment=prod', ...counts(12, 20) }],
  byRole: [{ roleName: 'Administrator', ...counts(12, 20) }],
  byGroup: [{ group: 'engineers', ...counts(12, 20) }],
  topRequesters: [{ requesterEmail: 'bob@example.com', ...counts(8) }],
  automationCandidates: [
    {
      accountId: '333333333333',
      accountName: 'production',
      roleName: 'Administrator',
      requests: 9,
      humanHours: 18,
      terms: [{ term: 'rotate', count: 7 }],
      ticketPrefixes: [{ prefix: 'INC', count: 6 }],
    },
  ],
};

const catalog = {
  accounts: [{ id: '333333333333', name: 'production', tags: { environment: 'prod' } }],
  roles: ['Administrator'],
  groups: ['engineers'],
};
const filters = { from: '2030-01-01', to: '2030-01-31', tag: 'environment=prod' };

const render = (answer: (body: unknown, path: string) => unknown) => {
  const api = fakeApi(byPrefix('/insights?', answer));
  renderWithApp(
    <InsightsDashboard filters={filters} catalog={catalog} onFiltersChange={vi.fn()} />,
    { api },
  );
  return api;
};

// Cloudscape charts and tables in jsdom take seconds on a shared machine.
describe('the Insights dashboard', () => {
  afterEach(cleanup);

  it(
    'shows the totals, percentiles and candidates, each number linking to its requests',
    { timeout: 30_000 },
    async () => {
      const api = render(() => summary);
      const requests = await screen.findByRole('link', { name: '12 requests' });
      expect(api.call).toHaveBeenCalledWith(
        'getInsights',
        expect.objectContaining({ query: filters }),
      );
      expect(requests.getAttribute('href')).toBe(
        '/audit?from=2030-01-01T00%3A00%3A00Z&to=2030-02-01T00%3A00%3A00Z',
      );
      expect(screen.getByText('4 minutes · 1 hour 30 minutes')).toBeTruthy();
      expect(screen.getByText('– · –')).toBeTruthy();
      expect(screen.getByText('1 awaiting review, 1 reviewed', { exact: false })).toBeTruthy();
      const candidate = screen.getByRole('link', {
        name: '9 requests for Administrator in production',
      });
      expect(
        new URL(candidate.getAttribute('href') ?? '', 'https://x').searchParams.get('role'),
      ).toBe('Administrator');
      expect(screen.getByText('rotate (7)')).toBeTruthy();
      expect(screen.getByText('INC (6)')).toBeTruthy();
      const requester = screen.getByRole('link', { name: '8 requests, requester bob@example.com' });
      expect(requester.getAttribute('href')).toContain('requester=bob%40example.com');
    },
  );

  it('says when nothing was requested in the days chosen', { timeout: 30_000 }, async () => {
    render(() => ({
      ...summary,
      totals: { ...summary.totals, requests: 0 },
    }));
    expect(await screen.findByText('No requests in these days')).toBeTruthy();
  });

  it('shows the API problem and retries on request', { timeout: 30_000 }, async () => {
    let calls = 0;
    render(() => {
      calls += 1;
      throw new ApiProblem({
        status: 403,
        code: 'NOT_INSIGHTS_READER',
        title: 'Not allowed',
        detail: 'Only members of the security leads, auditors or admins groups may read Insights.',
      });
    });
    expect(await screen.findByText(/may read Insights/)).toBeTruthy();
    screen.getByRole('button', { name: 'Try again' }).click();
    await waitFor(() => expect(calls).toBe(2));
  });
});
