import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { byPrefix, serverPages } from '../../../testing/server-pages';
import { AuditExplorer } from './audit-explorer';

const history = Array.from({ length: 57 }, (_, i) =>
  aRequest({
    id: `a-${i}`,
    requester: { sub: `s-${i}`, email: `person${i}@example.com`, name: `Person ${i}` },
    status: 'ENDED',
    phase: 'over',
    allowedActions: [],
  }),
);

const timelineLinks = () => screen.queryAllByRole('link', { name: /^Timeline of / });

// Several pages of Cloudscape tables in jsdom: seconds each on a shared machine, so 30 s.
describe('the audit list over several server pages', () => {
  afterEach(cleanup);

  it(
    'reaches every request through the cursors, counts honestly and sends the filters to the server',
    { timeout: 30_000 },
    async () => {
      const server = serverPages(history, 25);
      const { container } = renderWithApp(
        <AuditExplorer accounts={[]} roles={['ReadOnly']} onFlash={vi.fn()} />,
        { api: fakeApi(byPrefix('/audit/requests?', server.answer)) },
      );
      await waitFor(() => expect(timelineLinks()).toHaveLength(25));
      const heading = () => screen.getByRole('heading', { name: /Audit/ }).textContent;
      // The count follows once the page is learnt (an effect after the rows render).
      await waitFor(() => expect(heading()).toContain('(25+)'));
      const pagination = createWrapper(container).findPagination();
      for (const [page, count] of [
        [2, 25],
        [3, 7],
      ] as const) {
        await waitFor(() => expect(pagination?.findNextPageButton().isDisabled()).toBe(false));
        pagination?.findNextPageButton().click();
        // The page is in the URL: the click has landed once the pagination shows the new page.
        await waitFor(() =>
          expect(pagination?.findCurrentPage().getElement().textContent).toBe(String(page)),
        );
        await waitFor(() => expect(timelineLinks()).toHaveLength(count));
      }
      await waitFor(() => expect(heading()).toContain('(57)'));
      expect(screen.getByText('Person 56')).toBeTruthy();

      const inputs = createWrapper(container).findAllInputs();
      const ticketInput = inputs.find(
        (input) => input.findNativeInput().getElement().id === 'audit-ticket',
      );
      ticketInput?.setInputValue('OPS-1234');
      ticketInput?.findNativeInput().keydown({ key: 'Enter' });
      await waitFor(() => expect(server.queries.at(-1)?.get('ticket')).toBe('OPS-1234'));
      // New filters start over at the first page.
      expect(server.queries.at(-1)?.get('cursor')).toBeNull();
      expect(server.queries.at(-1)?.get('from')).toBeTruthy();
    },
  );
});
