import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { aRequest } from '../../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../../testing/render-with-app';
import { ReviewQueues } from './review-queues';

const waiting = aRequest({
  id: 'r-phone',
  justification: 'Rotate the staging database credentials',
  ticket: 'OPS-42',
  accountName: 'staging',
  accountId: '222222222222',
  approvalsRequired: 2,
  approvalsCount: 1,
  scheduledStart: '2026-05-13T09:00:00Z',
  allowedActions: ['approve', 'reject'],
});

/** A phone: every media query for "max-width: 688px" matches. */
function pretendPhone(matches: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: matches && query.includes('max-width'),
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}

function renderQueue() {
  return renderWithApp(
    <ReviewQueues tab="pending" onTabChange={vi.fn()} onFlash={vi.fn()} viewerSub="me" />,
    {
      api: fakeApi({
        'GET /reviews/pending?limit=20': () => ({ items: [waiting] }),
        'GET /reviews/break-glass?limit=20': () => ({ items: [] }),
      }),
    },
  );
}

describe('the review queue on a phone', { timeout: 30_000 }, () => {
  beforeEach(() => pretendPhone(true));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows one card per request with everything needed to decide, and full-width buttons', async () => {
    renderQueue();
    const approve = await screen.findByRole('button', {
      name: /^Approve: Alice Requester, ReadOnly in staging/,
    });
    // A card, not a table row that hides the requester off screen.
    expect(screen.queryByRole('table')).toBeNull();
    const card = approve.closest('li');
    if (!card) throw new Error('no card around Approve');
    const text = card.textContent;
    for (const expected of [
      'Alice Requester',
      'staging',
      'ReadOnly',
      'for 1 hour',
      'Rotate the staging database credentials',
      'Ticket OPS-42',
      '1 of 2',
    ])
      expect(text).toContain(expected);
    expect(within(card).getByRole('button', { name: /^Reject: / })).toBeTruthy();
    // Cloudscape marks a full-width button with its own class.
    expect(approve.className).toMatch(/full-width/);
  });

  it('opens the decision dialog with its confirm button first and full width', async () => {
    renderQueue();
    fireEvent.click(
      await screen.findByRole('button', { name: /^Approve: Alice Requester, ReadOnly in staging/ }),
    );
    const dialog = await screen.findByRole('dialog');
    const buttons = within(dialog)
      .getAllByRole('button')
      .filter((button) => ['Approve', 'Back'].includes(button.textContent));
    expect(buttons.map((button) => button.textContent)).toEqual(['Approve', 'Back']);
    expect(buttons[0]?.className).toMatch(/full-width/);
  });

  it('keeps the table on a wide screen', async () => {
    pretendPhone(false);
    renderQueue();
    expect(await screen.findByRole('table', { name: 'Waiting for a decision' })).toBeTruthy();
  });
});
