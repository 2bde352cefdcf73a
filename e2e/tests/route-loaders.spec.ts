import { expect, test } from '@playwright/test';
import { signInAs } from './support/sign-in';
import { personas } from './support/stack';

// The Audit route's loader starts the list for the URL's filters while the page's code loads; the
// page then reads that very query (same filters, same moment for "last 7 days"): the list is asked
// for once, and before the page's code has even arrived — not after it, in a second round trip.

test('Audit’s list is fetched alongside its code, once', async ({ page }) => {
  const lists: { search: string; at: number }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/audit/requests') && request.method() === 'GET')
      lists.push({ search: url.search, at: Date.now() });
  });
  // Audrey starts on Policy, so the Audit page's code is not loaded yet.
  await signInAs(page, personas.audrey, { path: '/policy' });
  await expect(page.getByRole('heading', { level: 1, name: 'Policy' })).toBeVisible();

  // The Audit page's code, held back a while as on a slow network.
  let codeServedAt = Number.POSITIVE_INFINITY;
  await page.route(/\/assets\/audit-page-[^/]*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    codeServedAt = Date.now();
    await route.continue();
  });
  lists.length = 0;
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'Audit', exact: true })
    .click();
  await expect(page.getByRole('table', { name: 'Request history' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

  expect(lists, 'one list request for the view').toHaveLength(1);
  expect(Number.isFinite(codeServedAt), 'the page’s code came over the network').toBe(true);
  expect(lists[0]?.at ?? Infinity, 'the list was asked for before the code arrived').toBeLessThan(
    codeServedAt,
  );

  // Filters in the URL are the loader's too.
  lists.length = 0;
  await page.goto('/audit?last=7d&status=APPROVED');
  await expect(page.getByRole('table', { name: 'Request history' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(lists).toHaveLength(1);
  expect(new URLSearchParams(lists[0]?.search).get('status')).toBe('APPROVED');
});
