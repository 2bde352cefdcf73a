import { expect, test } from '@playwright/test';
import { signInAs } from './support/sign-in';
import { personas } from './support/stack';

// The Audit route's loader starts the list for the URL's filters while the page's code loads; the
// page then reads that very query (same filters, same moment for "last 7 days"): the list is asked
// for once, and before the page's code has even arrived — not after it, in a second round trip.

test('Audit’s list is fetched alongside its code, once', async ({ page }) => {
  const lists: { search: string }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/audit/requests') && request.method() === 'GET')
      lists.push({ search: url.search });
  });
  // Audrey starts on Policy, so the Audit page's code is not loaded yet.
  await signInAs(page, personas.audrey, { path: '/policy' });
  await expect(page.getByRole('heading', { level: 1, name: 'Policy' })).toBeVisible();

  // The Audit page's code, held back as on a slow network until the list has been asked for: an
  // order, not a fixed hold, which a busy machine could outlast. Were the list asked for only once
  // the code has run, the code would go on when waiting for the list gives up, and the check fails.
  lists.length = 0;
  const listAsked = page
    .waitForRequest(
      (request) =>
        new URL(request.url()).pathname.endsWith('/audit/requests') && request.method() === 'GET',
    )
    .catch(() => undefined);
  let listsBeforeCode: number | undefined;
  await page.route(/\/assets\/audit-page-[^/]*\.js$/, async (route) => {
    await listAsked;
    listsBeforeCode = lists.length;
    await route.continue();
  });
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'Audit', exact: true })
    .click();
  await expect(page.getByRole('table', { name: 'Request history' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

  expect(lists, 'one list request for the view').toHaveLength(1);
  expect(listsBeforeCode, 'the list was asked for before the code arrived').toBe(1);

  // Filters in the URL are the loader's too.
  lists.length = 0;
  await page.goto('/audit?last=7d&status=APPROVED');
  await expect(page.getByRole('table', { name: 'Request history' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(lists).toHaveLength(1);
  expect(new URLSearchParams(lists[0]?.search).get('status')).toBe('APPROVED');
});
