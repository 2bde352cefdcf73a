import { expect, test } from '@playwright/test';
import { requestThroughUi } from './support/my-access';
import { reviewRow } from './support/reviews';
import { chooseIdentity, openAs } from './support/sign-in';
import { personas, stack, uniqueText } from './support/stack';

test('a new request reaches the reviewer’s dev mailbox with a link that opens the review page', async ({
  browser,
}) => {
  const justification = uniqueText('Backfill the data-lake partitions after the outage');
  const bob = await openAs(browser, personas.bob);
  await requestThroughUi(bob.page, {
    accountSearch: 'data',
    accountName: 'data-lake',
    roleName: 'ReadOnly',
    justification,
  });
  await bob.context.close();

  // Rita reads her mail (the local stand-in for e-mail) in a browser of her own.
  const context = await browser.newContext();
  const page = await context.newPage();
  const message = page.getByRole('article').filter({ hasText: justification });
  await expect(async () => {
    await page.goto(`${stack.apiUrl}/dev/mailbox/${encodeURIComponent(personas.rita.email)}`);
    await expect(message).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: /Mailbox of/ })).toBeVisible();
  await expect(message.getByRole('heading', { level: 2 })).toContainText('Bob Requester');
  await expect(message).toContainText('data-lake');

  // The link goes to Elevate; not signed in there yet, so through the IdP and back to the queue.
  await message.getByRole('link', { name: 'Open in Elevate' }).click();
  await chooseIdentity(page, personas.rita);
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(reviewRow(page, justification)).toContainText('Bob Requester');
  await expect(
    reviewRow(page, justification).getByRole('button', {
      name: 'Approve: Bob Requester, ReadOnly in data-lake',
    }),
  ).toBeVisible();
  await context.close();
});
