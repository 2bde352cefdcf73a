import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { byPrefix, serverPages } from '../../../testing/server-pages';
import { AuditExplorer } from './audit-explorer';

const history = Array.from({ length: 57 }, (_, i) =>
  aRequest({
    id: `v-${i}`,
    requester: { sub: `s-${i}`, email: `person${i}@example.com`, name: `Person ${i}` },
    status: 'ENDED',
    phase: 'over',
    allowedActions: [],
  }),
);

const timelineLinks = () => screen.queryAllByRole('link', { name: /^Timeline of / });
const heading = () => screen.getByRole('heading', { name: /Audit/ }).textContent;
const inputById = (container: HTMLElement, id: string) =>
  createWrapper(container)
    .findAllInputs()
    .find((input) => input.findNativeInput().getElement().id === id);

/** The count route's fake: records what it was asked and answers `total`. */
const countOf = (asked: URLSearchParams[], total: number) =>
  byPrefix('/audit/requests/count?', (_body: unknown, path: string) => {
    asked.push(new URLSearchParams(path.split('?')[1] ?? ''));
    return { total };
  });

/** The explorer at `path`, over 57 requests in pages of 25, with a count route answering `total`. */
function openAudit(path: string, total: number) {
  const server = serverPages(history, 25);
  const counted: URLSearchParams[] = [];
  const { container } = renderWithApp(
    <AuditExplorer accounts={[]} roles={[]} onFlash={vi.fn()} />,
    { api: fakeApi(byPrefix('/audit/requests?', server.answer, countOf(counted, total))), path },
  );
  return { server, counted, container };
}

// Cloudscape tables in jsdom take seconds on a shared machine: 30 s each.
describe('the audit view in the URL', () => {
  afterEach(cleanup);

  it(
    'opens the page a link names, with its filters and order; a ticket prefix or text is not counted',
    { timeout: 30_000 },
    async () => {
      const { server, counted } = openAudit(
        '/audit?requester=bob&order=oldest&ticket=INC-12&ticketMatch=prefix&q=restore&page=3&cursor=2',
        57,
      );
      await waitFor(() => expect(timelineLinks()).toHaveLength(7));
      const first = server.queries[0];
      expect(first?.get('cursor')).toBe('2');
      expect(first?.get('requester')).toBe('bob');
      expect(first?.get('order')).toBe('oldest');
      expect(first?.get('ticketPrefix')).toBe('INC-12');
      expect(first?.get('q')).toBe('restore');
      expect(screen.getByText('Person 56')).toBeTruthy();
      // The aggregates hold no tickets or words: no count is asked, and none is made up.
      expect(counted).toHaveLength(0);
      expect(heading()).not.toMatch(/\(\d/);
    },
  );

  it(
    'counts a later page of a link with the server’s count, asked apart with the same filters',
    { timeout: 30_000 },
    async () => {
      const { counted } = openAudit(
        '/audit?requester=bob&status=ENDED&order=oldest&page=3&cursor=2',
        57,
      );
      await waitFor(() => expect(timelineLinks()).toHaveLength(7));
      await waitFor(() => expect(heading()).toContain('(57)'));
      expect(counted).toHaveLength(1);
      expect(Object.fromEntries(counted[0] ?? [])).toMatchObject({
        requester: 'bob',
        status: 'ENDED',
      });
      // The order does not change a count, and a count has no pages.
      expect(counted[0]?.has('order')).toBe(false);
      expect(counted[0]?.has('cursor')).toBe(false);
    },
  );

  it(
    'shows no count that is behind the rows shown, and sorts by Requested either way',
    { timeout: 30_000 },
    async () => {
      // The aggregates lag the table: a count below the 25 rows on screen says nothing.
      const { server, counted, container } = openAudit('/audit', 20);
      await waitFor(() => expect(timelineLinks()).toHaveLength(25));
      // Asked once the first page showed there is more, and answered before the header is read.
      await waitFor(() => expect(counted).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heading()).toContain('(25+)');
      expect(server.queries.at(-1)?.has('order')).toBe(false);
      createWrapper(container).findTable()?.findColumnSortingArea(1)?.click();
      await waitFor(() => expect(server.queries.at(-1)?.get('order')).toBe('oldest'));
      createWrapper(container).findTable()?.findColumnSortingArea(1)?.click();
      await waitFor(() => expect(server.queries.at(-1)?.has('order')).toBe(false));
    },
  );

  it(
    'says how far a bounded search got, and searches on from there',
    { timeout: 30_000 },
    async () => {
      const queries: URLSearchParams[] = [];
      const answer = (_body: unknown, path: string) => {
        const search = new URLSearchParams(path.split('?')[1] ?? '');
        queries.push(search);
        return search.get('cursor') === null
          ? { items: [], nextCursor: 'more', searchedTo: '2026-10-01T00:00:00.000Z' }
          : { items: history.slice(0, 2) };
      };
      const { container } = renderWithApp(
        <AuditExplorer accounts={[]} roles={[]} onFlash={vi.fn()} />,
        { api: fakeApi(byPrefix('/audit/requests?', answer)), path: '/audit?q=database' },
      );
      await waitFor(() => expect(screen.getByText('No matches yet')).toBeTruthy());
      expect(screen.getByText('Still searching')).toBeTruthy();
      expect(inputById(container, 'audit-text')?.findNativeInput().getElement().value).toBe(
        'database',
      );
      const searchOn = () => screen.getByRole('button', { name: 'Search older requests' });
      // Enabled once this page's next cursor is learnt.
      await waitFor(() => expect(searchOn().hasAttribute('disabled')).toBe(false));
      searchOn().click();
      await waitFor(() => expect(timelineLinks()).toHaveLength(2));
      expect(queries.at(-1)?.get('cursor')).toBe('more');
      expect(queries.at(-1)?.get('q')).toBe('database');
    },
  );

  it('sends a partial requester to the server as typed', { timeout: 30_000 }, async () => {
    const server = serverPages(history, 25);
    const { container } = renderWithApp(
      <AuditExplorer accounts={[]} roles={[]} onFlash={vi.fn()} />,
      { api: fakeApi(byPrefix('/audit/requests?', server.answer)), path: '/audit' },
    );
    await waitFor(() => expect(timelineLinks()).toHaveLength(25));
    const requester = inputById(container, 'audit-requester');
    requester?.setInputValue('bob');
    requester?.findNativeInput().keydown({ key: 'Enter' });
    await waitFor(() => expect(server.queries.at(-1)?.get('requester')).toBe('bob'));
  });
});

describe('the ticket match', () => {
  afterEach(cleanup);

  it(
    'searches by prefix once "Starts with" is chosen, even before a ticket is typed',
    { timeout: 30_000 },
    async () => {
      const server = serverPages(history, 25);
      const { container } = renderWithApp(
        <AuditExplorer accounts={[]} roles={[]} onFlash={vi.fn()} />,
        { api: fakeApi(byPrefix('/audit/requests?', server.answer)), path: '/audit' },
      );
      await waitFor(() => expect(timelineLinks()).toHaveLength(25));
      // Account, role, status, then the ticket match.
      const select = createWrapper(container).findAllSelects()[3];
      select?.openDropdown();
      select?.selectOptionByValue('prefix');
      const ticket = inputById(container, 'audit-ticket');
      ticket?.setInputValue('INC-12');
      ticket?.findNativeInput().keydown({ key: 'Enter' });
      await waitFor(() => expect(server.queries.at(-1)?.get('ticketPrefix')).toBe('INC-12'));
      expect(server.queries.at(-1)?.has('ticket')).toBe(false);
    },
  );
});
