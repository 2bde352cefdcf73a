import { expect, test } from '@playwright/test';
import { signInAs } from './support/sign-in';
import { personas } from './support/stack';

// The Audit route's loader starts the list for the URL's filters while the page's code loads; the
// page then reads that very query (same filters, same moment for "last 7 days"): one request to the
// API per view, not the loader's and then the page's own.

test('Audit asks for its list once per view: the loader’s fetch is the page’s', async ({
  page,
}) => {
  const lists: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/audit/requests') && request.method() === 'GET')
      lists.push(url.search);
  });
  await signInAs(page, personas.audrey, { path: '/audit?last=7d&status=APPROVED' });
  const table = page.getByRole('table', { name: 'Request history' });
  await expect(table).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(lists).toHaveLength(1);
  expect(new URLSearchParams(lists[0]).get('status')).toBe('APPROVED');

  // Into another page and back by the side navigation: again one list, started by the loader.
  const nav = page.getByRole('navigation', { name: 'Side navigation' });
  await nav.getByRole('link', { name: 'Policy', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Policy' })).toBeVisible();
  lists.length = 0;
  await nav.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(table).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(lists).toHaveLength(1);
});
