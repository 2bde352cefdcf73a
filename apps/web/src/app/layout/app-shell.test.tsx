import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { MeResponse } from '@elevate/contracts';
import { aMe, aRequest } from '../../testing/fixtures';
import { fakeApi, renderWithApp } from '../../testing/render-with-app';
import { AppShell } from './app-shell';

const rita: MeResponse = aMe({
  groups: ['reviewers', 'engineers'],
  eligibility: { ...aMe().eligibility, roles: { reviewer: true, auditor: false, admin: false } },
});
// jsdom renders Cloudscape slowly on a shared machine: wait up to 10 s for each answer to show.
const SLOW = { timeout: 10_000 };
const requests = (n: number) => Array.from({ length: n }, (_, i) => aRequest({ id: `r-${i}` }));

function renderShell(me: MeResponse, answers: Record<string, () => unknown>) {
  const api = fakeApi({ 'GET /me': () => me, ...answers });
  return { api, ...renderWithApp(<AppShell />, { path: '/my-access', api }) };
}

const nav = () => screen.getByRole('navigation', { name: 'Side navigation' });
/** The list item that holds a link: the count sits beside the link, not in its name. */
const itemOf = (name: string) => {
  const link = within(nav()).getByRole('link', { name });
  const item = link.closest('li');
  if (!item) throw new Error(`no list item around ${name}`);
  return item;
};

describe('the navigation counts what waits for me', { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it('shows a reviewer their pending requests, break-glass to review and open windows', async () => {
    renderShell(rita, {
      'GET /reviews/pending?limit=20': () => ({ items: requests(3) }),
      'GET /reviews/break-glass?limit=20': () => ({ items: requests(1) }),
      'GET /requests/open': () => ({ items: requests(2) }),
    });
    expect(
      await screen.findByText('3 requests waiting for your decision', undefined, SLOW),
    ).toBeTruthy();
    expect(itemOf('Reviews').textContent).toContain('3');
    expect(await screen.findByText('1 break-glass access to review', undefined, SLOW)).toBeTruthy();
    expect(within(nav()).getByRole('link', { name: 'Break-glass to review' })).toBeTruthy();
    expect(await screen.findByText('2 windows of yours open now', undefined, SLOW)).toBeTruthy();
    expect(itemOf('My access').textContent).toContain('2');
  });

  it('says "20+" when the queue is longer than its first page', async () => {
    renderShell(rita, {
      'GET /reviews/pending?limit=20': () => ({ items: requests(20), nextCursor: 'more' }),
      'GET /reviews/break-glass?limit=20': () => ({ items: [] }),
      'GET /requests/open': () => ({ items: [] }),
    });
    expect(
      await screen.findByText('20+ requests waiting for your decision', undefined, SLOW),
    ).toBeTruthy();
    // Nothing to review after break-glass: no shortcut to an empty list.
    expect(within(nav()).queryByRole('link', { name: 'Break-glass to review' })).toBeNull();
  });

  it('asks a requester only for their open windows, never for review queues', async () => {
    const { api } = renderShell(aMe(), {
      'GET /requests/open': () => ({ items: requests(1) }),
    });
    expect(await screen.findByText('1 window of yours open now', undefined, SLOW)).toBeTruthy();
    expect(within(nav()).queryByRole('link', { name: 'Reviews' })).toBeNull();
    const asked = api.call.mock.calls.map(([operationId]) => operationId);
    expect(asked).not.toContain('listPendingReviews');
    expect(asked).not.toContain('listBreakGlassReviews');
  });

  it('offers a skip link to the page content before anything else', async () => {
    renderShell(aMe(), { 'GET /requests/open': () => ({ items: [] }) });
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe('#main-content');
    expect(document.getElementById('main-content')).toBeTruthy();
  });
});

describe('the page content says whether it is settled', { timeout: 30_000 }, () => {
  afterEach(cleanup);
  const main = () => document.getElementById('main-content');

  it('is aria-busy while a list is on its way, and not once it has arrived', async () => {
    let answer: (value: unknown) => void = () => undefined;
    renderShell(aMe(), {
      'GET /requests/open': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    await waitFor(() => expect(main()?.getAttribute('aria-busy')).toBe('true'));
    answer({ items: [] });
    await waitFor(() => expect(main()?.getAttribute('aria-busy')).toBe('false'), SLOW);
  });
});
