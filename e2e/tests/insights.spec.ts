import { expect, test } from '@playwright/test';
import { callApi, createRequestByApi, decideByApi } from './support/api';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

test('an auditor reads Insights over seeded requests, passes axe, and opens the requests behind a number', async ({
  browser,
}) => {
  // Seed: Bob asks for data-lake PowerUser twice with a ticket; Rita approves one.
  const bob = await openAs(browser, personas.bob);
  const approved = await createRequestByApi(bob.page, {
    accountId: '444444444444',
    roleName: 'PowerUser',
    justification: uniqueText('Backfill the partitions of the events table'),
    ticket: 'DATA-17',
  });
  await createRequestByApi(bob.page, {
    accountId: '444444444444',
    roleName: 'PowerUser',
    justification: uniqueText('Backfill the partitions again after the schema fix'),
    ticket: 'DATA-18',
  });
  await bob.context.close();
  const rita = await openAs(browser, personas.rita);
  await decideByApi(rita.page, approved.id, 'approve', 'Go ahead.');
  await rita.context.close();

  const audrey = await openAs(browser, personas.audrey);
  const { page } = audrey;
  // The aggregates follow the change stream (the local outbox): wait until the API counts them.
  await expect
    .poll(async () => {
      const today = new Date().toISOString().slice(0, 10);
      const response = await callApi(
        page,
        'GET',
        `/insights?from=${today}&to=${today}&account=444444444444&role=PowerUser`,
      );
      return ((await response.json()) as { totals?: { requests?: number } }).totals?.requests ?? 0;
    })
    .toBeGreaterThanOrEqual(2);

  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  const requests = page.getByRole('link', { name: /^\d+ requests$/ });
  await expect(requests).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Candidates for automation' })).toBeVisible();
  const candidate = page.getByRole('link', { name: /requests for PowerUser in data-lake$/ });
  await expect(candidate).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Insights page');

  await candidate.click();
  await expect(page).toHaveURL(/\/audit\?.*account=444444444444.*role=PowerUser/);
  await expect(page.getByRole('table', { name: 'Request history' })).toBeVisible();
  await audrey.context.close();
});
