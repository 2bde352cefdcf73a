import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { RequestSummary } from '@elevate/contracts';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { serverPages } from '../../../testing/server-pages';
import type { ReviewQueue } from '../api/review-keys';
import { ReviewQueues } from './review-queues';

// 121 pending requests, oldest first: the case where a reviewer once saw "Pending (76)".
const pending = Array.from({ length: 121 }, (_, i) =>
  aRequest({
    id: `p-${i}`,
    requester: { sub: `s-${i}`, email: `person${i}@example.com`, name: `Person ${i}` },
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }),
);
const newestFirst = [...pending].reverse();
const ended = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    aRequest({
      id: `${prefix}-${i}`,
      requester: {
        sub: `${prefix}-${i}`,
        email: `${prefix}${i}@example.com`,
        name: `${prefix} ${i}`,
      },
      status: 'APPROVED',
      phase: 'over',
      breakGlass: prefix === 'bg',
      allowedActions: [],
    }),
  );

function renderQueues(tab: ReviewQueue, queues: Record<string, readonly RequestSummary[]>) {
  const servers = Object.fromEntries(
    Object.entries(queues).map(([name, items]) => [name, serverPages(items, 20)]),
  );
  const pendingNewest = serverPages(newestFirst, 20);
  const handlers = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key !== 'string') return undefined;
        const match = /^GET \/reviews\/([\w-]+)\?/.exec(key);
        if (!match?.[1]) return undefined;
        if (match[1] === 'pending' && key.includes('order=newest')) return pendingNewest.answer;
        return servers[match[1]]?.answer;
      },
    },
  );
  const view = renderWithApp(
    <ReviewQueues tab={tab} onTabChange={vi.fn()} onFlash={vi.fn()} viewerSub="me" />,
    { api: fakeApi(handlers) },
  );
  return { ...view, servers, pendingNewest };
}

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('link', { name: /^Details:/ })
    .map((link) => link.textContent);

async function walkPages(container: HTMLElement, tableName: string, perPage: number[]) {
  const seen: (string | null)[] = [];
  const pagination = createWrapper(container).findPagination();
  for (const [page, count] of perPage.entries()) {
    if (page > 0) {
      await waitFor(() => expect(pagination?.findNextPageButton().isDisabled()).toBe(false));
      pagination?.findNextPageButton().click();
    }
    await waitFor(() =>
      expect(pagination?.findCurrentPage().getElement().textContent).toBe(String(page + 1)),
    );
    await waitFor(() => {
      const names = rowNames(screen.getByRole('table', { name: tableName }));
      expect(names).toHaveLength(count);
      expect(seen).not.toContain(names[0]);
    });
    seen.push(...rowNames(screen.getByRole('table', { name: tableName })));
  }
  return seen;
}

// Several pages of Cloudscape tables in jsdom: seconds each on a shared machine, so 30 s.
describe('review queues over several server pages', () => {
  afterEach(cleanup);

  // Seven pages rendered in jsdom: slow on a shared machine, so more than the default 5 s.
  it(
    'shows every pending request, oldest first, and says the count is open-ended',
    { timeout: 30_000 },
    async () => {
      const { container, servers } = renderQueues('pending', { pending, 'break-glass': [] });
      expect(await screen.findByRole('tab', { name: 'Pending (20+)' })).toBeTruthy();
      const seen = await walkPages(
        container,
        'Waiting for a decision',
        [20, 20, 20, 20, 20, 20, 1],
      );
      expect(new Set(seen).size).toBe(121);
      expect(seen[0]).toBe('Person 0');
      expect(seen.at(-1)).toBe('Person 120');
      await waitFor(() =>
        expect(
          screen.getByRole('heading', { name: /Waiting for a decision/ }).textContent,
        ).toContain('(121)'),
      );
      expect(servers['pending']?.queries.every((query) => query.get('order') === null)).toBe(true);
    },
  );

  it(
    'puts the newest pending request on the first page when asked, read newest first by the server',
    { timeout: 30_000 },
    async () => {
      const { pendingNewest, container } = renderQueues('pending', {
        pending,
        'break-glass': [],
      });
      await screen.findByRole('tab', { name: 'Pending (20+)' });
      createWrapper(container).findSegmentedControl()?.findSegmentById('newest')?.click();
      await waitFor(() =>
        expect(rowNames(screen.getByRole('table', { name: 'Waiting for a decision' }))[0]).toBe(
          'Person 120',
        ),
      );
      expect(pendingNewest.queries[0]?.get('order')).toBe('newest');
    },
  );

  it('pages through break-glass access to review', { timeout: 30_000 }, async () => {
    const breakGlass = ended('bg', 45);
    const { container } = renderQueues('break-glass', { pending: [], 'break-glass': breakGlass });
    expect(await screen.findByRole('tab', { name: 'Break-glass to review (20+)' })).toBeTruthy();
    const seen = await walkPages(container, 'Break-glass access to review', [20, 20, 5]);
    expect(new Set(seen).size).toBe(45);
  });

  it('pages through my decisions', { timeout: 30_000 }, async () => {
    const decided = ended('dec', 41);
    const { container, servers } = renderQueues('decided', {
      pending: [],
      'break-glass': [],
      decided,
    });
    const seen = await walkPages(container, 'My decisions', [20, 20, 1]);
    expect(new Set(seen).size).toBe(41);
    expect(servers['decided']?.queries.map((query) => query.get('cursor'))).toEqual([
      null,
      '1',
      '2',
    ]);
  });
});
