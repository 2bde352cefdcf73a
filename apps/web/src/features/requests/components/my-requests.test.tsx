import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { MyRequests } from './my-requests';

const active = aRequest({
  id: 'r-active',
  status: 'APPROVED',
  phase: 'active',
  window: {
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  },
  allowedActions: ['endEarly'],
});
const pending = aRequest({
  id: 'r-pending',
  accountId: '222222222222',
  accountName: 'staging',
  allowedActions: ['cancel'],
});
const ended = aRequest({
  id: 'r-ended',
  accountName: 'data-lake',
  accountId: '444444444444',
  status: 'ENDED',
  phase: 'over',
  allowedActions: [],
});

describe('my requests', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  const api = () =>
    fakeApi({
      'GET /requests/mine?limit=25': () => ({ items: [active, pending, ended] }),
      'POST /requests/r-active/sessions': () => ({
        kind: 'console',
        url: 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=t',
        expiresAt: active.window?.endsAt,
      }),
    });

  it('offers console and CLI only while access is open, and the rest from allowedActions', async () => {
    renderWithApp(<MyRequests onFlash={vi.fn()} />, { api: api() });
    expect(
      await screen.findByRole('button', {
        name: 'Access console: ReadOnly in sandbox (111111111111)',
      }),
    ).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Access console/ })).toHaveLength(1);
    // Rows stay one line high: the first action is a button, the rest are under More actions.
    expect(screen.getAllByRole('button', { name: /^More actions/ })).toHaveLength(2);
    fireEvent.click(
      screen.getByRole('button', { name: 'More actions: ReadOnly in sandbox (111111111111)' }),
    );
    const menu = await screen.findAllByRole('menuitem');
    expect(menu.map((item) => item.getAttribute('aria-label') ?? item.textContent)).toEqual([
      'CLI credentials: ReadOnly in sandbox (111111111111)',
      'End now: ReadOnly in sandbox (111111111111)',
      'Request again: ReadOnly in sandbox (111111111111)',
    ]);
    expect(
      screen.getByRole('button', { name: 'Cancel: ReadOnly in staging (222222222222)' }),
    ).toBeTruthy();
    // The ended request has only Request again, so no menu.
    expect(screen.getAllByRole('button', { name: /^Request again/ })).toHaveLength(1);
    expect(
      screen.queryByRole('button', { name: /^More actions: ReadOnly in data-lake/ }),
    ).toBeNull();
    expect(screen.getByText('Ended early')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toMatch(/left$/);
  });

  it('opens the CLI credentials from More actions', async () => {
    renderWithApp(<MyRequests onFlash={vi.fn()} />, { api: api() });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'More actions: ReadOnly in sandbox (111111111111)',
      }),
    );
    fireEvent.click(
      await screen.findByRole('menuitem', {
        name: 'CLI credentials: ReadOnly in sandbox (111111111111)',
      }),
    );
    expect(await screen.findByRole('dialog', { name: 'CLI credentials' })).toBeTruthy();
  });

  it('opens the console in a new tab without an opener and keeps the URL nowhere', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const onFlash = vi.fn();
    renderWithApp(<MyRequests onFlash={onFlash} />, { api: api() });
    fireEvent.click(await screen.findByRole('button', { name: /^Access console/ }));
    await vi.waitFor(() =>
      expect(open).toHaveBeenCalledWith(
        'https://signin.aws.amazon.com/federation?Action=login&SigninToken=t',
        '_blank',
        'noopener',
      ),
    );
    await vi.waitFor(() => expect(onFlash).toHaveBeenCalled());
    expect(JSON.stringify(onFlash.mock.calls)).not.toContain('SigninToken');
    expect(document.body.innerHTML).not.toContain('SigninToken');
    open.mockRestore();
  });
});
