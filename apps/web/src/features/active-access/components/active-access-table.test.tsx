import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { ActiveAccessItem } from '@elevate/contracts';
import { ApiProblem } from '../../../lib/api-problem';
import { aRequest, aRequestView } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { ACCESS_PAGE_SIZE, ActiveAccessTable } from './active-access-table';

const anOpenWindow = (i: number, overrides: Partial<ActiveAccessItem> = {}): ActiveAccessItem => ({
  ...aRequest({
    id: `w-${i}`,
    requester: { sub: `sub-${i}`, email: `person${i}@example.com`, name: `Person ${i}` },
    status: 'APPROVED',
    phase: 'active',
    approvedAt: '2026-05-12T11:00:00Z',
    window: { startsAt: '2026-05-12T11:00:00Z', endsAt: '2026-05-12T13:00:00Z' },
    allowedActions: ['revoke'],
  }),
  sessionsIssued: i % 3,
  ...overrides,
});

const revokeButton = (i: number) =>
  screen.getByRole('button', { name: `Revoke Person ${i}'s ReadOnly in sandbox` });

const render = (api: ReturnType<typeof fakeApi>, onFlash = vi.fn()) => ({
  onFlash,
  ...renderWithApp(<ActiveAccessTable listing="active" onFlash={onFlash} />, { api }),
});

// Cloudscape tables and modals in jsdom take seconds on a shared machine.
describe('Active access: open windows', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('says it is loading until the list arrives', async () => {
    render(fakeApi({ 'GET /access/active': () => new Promise(() => undefined) }));
    expect(await screen.findByText('Loading access')).toBeTruthy();
  });

  it('says so when nothing is open', async () => {
    render(fakeApi({ 'GET /access/active': () => ({ items: [] }) }));
    expect(await screen.findByText('No access is open right now.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Open windows/ }).textContent).toContain('(0)');
  });

  it('shows the problem in words when the list cannot be read', async () => {
    render(
      fakeApi({
        'GET /access/active': () => {
          throw new ApiProblem({
            status: 403,
            code: 'NOT_REVIEWER',
            title: 'Not allowed',
            detail: 'Only reviewers and admins see open windows.',
          });
        },
      }),
    );
    expect(await screen.findByText('Only reviewers and admins see open windows.')).toBeTruthy();
  });

  it('shows who, where, until when and how many sessions, a page at a time', async () => {
    const items = Array.from({ length: ACCESS_PAGE_SIZE + 5 }, (_, i) =>
      anOpenWindow(i, i === 1 ? { breakGlass: true } : {}),
    );
    const { container } = render(fakeApi({ 'GET /access/active': () => ({ items }) }));
    expect(await screen.findByRole('link', { name: 'Person 0' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Open windows/ }).textContent).toContain(
      `(${ACCESS_PAGE_SIZE + 5})`,
    );
    const table = createWrapper(container).findTable();
    expect(table?.findRows()).toHaveLength(ACCESS_PAGE_SIZE);
    expect(screen.getByText('Break-glass')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Person 0' }).getAttribute('href')).toBe(
      '/requests/w-0',
    );
    expect(screen.queryByRole('link', { name: `Person ${ACCESS_PAGE_SIZE}` })).toBeNull();

    const pagination = createWrapper(container).findPagination();
    pagination?.findNextPageButton().click();
    expect(await screen.findByRole('link', { name: `Person ${ACCESS_PAGE_SIZE}` })).toBeTruthy();
    expect(table?.findRows()).toHaveLength(5);
    expect(pagination?.findNextPageButton().isDisabled()).toBe(true);
  });

  it('opens the requester’s request inside the app, without reloading the page', async () => {
    const { router } = renderWithApp(<ActiveAccessTable listing="active" onFlash={vi.fn()} />, {
      api: fakeApi({ 'GET /access/active': () => ({ items: [anOpenWindow(0)] }) }),
      routes: [{ path: '/requests/:id', element: <h1>Request page</h1> }],
    });
    const link = await screen.findByRole('link', { name: 'Person 0' });
    // A plain anchor would leave it to the browser: a full reload that jsdom never performs.
    expect(fireEvent.click(link)).toBe(false);
    expect(await screen.findByRole('heading', { name: 'Request page' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/requests/w-0');
  });

  it('offers Revoke only where the server allows it', async () => {
    const items = [anOpenWindow(0), anOpenWindow(1, { allowedActions: [] })];
    render(fakeApi({ 'GET /access/active': () => ({ items }) }));
    expect(await screen.findByRole('link', { name: 'Person 1' })).toBeTruthy();
    expect(revokeButton(0)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Revoke Person 1/ })).toBeNull();
  });

  it('revokes with a reason, refuses an empty one, and tells what happens to live sessions', async () => {
    const revoked = vi.fn(() => aRequestView({ id: 'w-0', status: 'REVOKED', phase: 'over' }));
    const api = fakeApi({
      'GET /access/active': () => ({ items: [anOpenWindow(0)] }),
      'POST /requests/w-0/revoke': revoked,
    });
    const { onFlash } = render(api);
    fireEvent.click(await screen.findByRole('button', { name: /Revoke Person 0/ }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText(/stop working within a minute/)).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke' }));
    expect(dialog.getByText('Say why you revoke this access.')).toBeTruthy();
    expect(revoked).not.toHaveBeenCalled();

    const reason = createWrapper(document.body).findModal()?.findContent().findTextarea();
    reason?.setTextareaValue('  Incident closed  ');
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(onFlash).toHaveBeenCalled());
    expect(revoked).toHaveBeenCalledWith({ comment: 'Incident closed' }, '/requests/w-0/revoke');
    expect(onFlash.mock.calls[0]?.[0]).toMatchObject({
      type: 'success',
      header: 'Revoked: Person 0, ReadOnly in sandbox',
    });
  });

  it('keeps the dialog open with the reason when the server refuses the revoke', async () => {
    const api = fakeApi({
      'GET /access/active': () => ({ items: [anOpenWindow(0)] }),
      'POST /requests/w-0/revoke': () => {
        throw new ApiProblem({
          status: 409,
          code: 'WINDOW_OVER',
          title: 'Conflicts with the request state',
          detail: 'This window is already over.',
        });
      },
    });
    const { onFlash } = render(api);
    fireEvent.click(await screen.findByRole('button', { name: /Revoke Person 0/ }));
    const dialog = within(await screen.findByRole('dialog'));
    createWrapper(document.body)
      .findModal()
      ?.findContent()
      .findTextarea()
      ?.setTextareaValue('Done');
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke' }));
    expect(await dialog.findByText('This window is already over.')).toBeTruthy();
    expect(onFlash).not.toHaveBeenCalled();
  });
});
