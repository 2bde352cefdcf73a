import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { byPrefix, serverPages } from '../../../testing/server-pages';
import { MyRequests } from './my-requests';

// 60 ended requests in three server pages of 25: nothing live, so nothing polls.
const requests = Array.from({ length: 60 }, (_, i) =>
  aRequest({
    id: `r-${i}`,
    accountId: String(100000000000 + i),
    accountName: `account-${i}`,
    status: 'ENDED',
    phase: 'over',
    allowedActions: [],
  }),
);
const detail = (i: number) => `Details: ReadOnly in account-${i} (${100000000000 + i})`;

// Several pages of Cloudscape tables in jsdom: seconds each on a shared machine, so 30 s.
describe('my requests over several server pages', () => {
  afterEach(cleanup);

  it(
    'reaches every request through the cursors and counts what it has seen',
    { timeout: 60_000 },
    async () => {
      const server = serverPages(requests, 25);
      const { container } = renderWithApp(<MyRequests onFlash={vi.fn()} />, {
        api: fakeApi(byPrefix('/requests/mine?', server.answer)),
      });
      expect(await screen.findByRole('link', { name: detail(0) })).toBeTruthy();
      expect(screen.getAllByRole('link', { name: /^Details:/ })).toHaveLength(25);
      // The count follows the page by one render (it learns the cursor in an effect).
      await waitFor(() =>
        expect(screen.getByRole('heading', { name: /My requests/ }).textContent).toContain('(25+)'),
      );
      const pagination = createWrapper(container).findPagination();
      for (const [page, first, last] of [
        [2, 25, 49],
        [3, 50, 59],
      ] as const) {
        await waitFor(() => expect(pagination?.findNextPageButton().isDisabled()).toBe(false));
        pagination?.findNextPageButton().click();
        expect(await screen.findByRole('link', { name: detail(first) })).toBeTruthy();
        expect(screen.getByRole('link', { name: detail(last) })).toBeTruthy();
        expect(pagination?.findCurrentPage().getElement().textContent).toBe(String(page));
      }
      expect(screen.getAllByRole('link', { name: /^Details:/ })).toHaveLength(10);
      await waitFor(() =>
        expect(screen.getByRole('heading', { name: /My requests/ }).textContent).toContain('(60)'),
      );
      expect(pagination?.findNextPageButton().isDisabled()).toBe(true);
      expect(server.queries.map((query) => query.get('cursor'))).toEqual([null, '1', '2']);
    },
  );

  it(
    'filters by status on the server and starts again at page 1',
    { timeout: 30_000 },
    async () => {
      const server = serverPages(requests, 25);
      const { container } = renderWithApp(<MyRequests onFlash={vi.fn()} />, {
        api: fakeApi(byPrefix('/requests/mine?', server.answer)),
      });
      await screen.findByRole('link', { name: detail(0) });
      const select = createWrapper(container).findSelect();
      select?.openDropdown();
      select?.selectOptionByValue('PENDING');
      await waitFor(() => expect(server.queries.at(-1)?.get('status')).toBe('PENDING'));
      expect(server.queries.at(-1)?.get('cursor')).toBeNull();
      expect(server.queries.at(-1)?.get('limit')).toBe('25');
    },
  );

  it('searches text on the server, not in the page on screen', { timeout: 30_000 }, async () => {
    const server = serverPages(requests, 25);
    const { container } = renderWithApp(<MyRequests onFlash={vi.fn()} />, {
      api: fakeApi(byPrefix('/requests/mine?', server.answer)),
    });
    await screen.findByRole('link', { name: detail(0) });
    createWrapper(container).findTextFilter()?.findInput().setInputValue('Deploy Failing');
    await waitFor(() => expect(server.queries.at(-1)?.get('q')).toBe('Deploy Failing'));
    expect(server.queries.at(-1)?.get('cursor')).toBeNull();
  });
});
