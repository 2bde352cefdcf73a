import { expect, test } from '@playwright/test';
import { createRequestByApi } from './support/api';
import { focusedText, isFocused, tabTo } from './support/keyboard';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

// Keyboard only: after signing in, every step is a key press, and each checks where the focus is.

test('New request with the keyboard only: skip link, form, submit, and the focus on the result', async ({
  browser,
}) => {
  const justification = uniqueText('Read the sandbox CloudWatch logs of the payments worker');
  const alice = await openAs(browser, personas.alice);
  const { page } = alice;
  await expect(page.getByRole('heading', { level: 1, name: 'My access' })).toBeVisible();

  // The first Tab stop skips the top bar and the navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  expect(await isFocused(skip), await focusedText(page)).toBe(true);
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  expect(await isFocused(page.locator('#main-content')), await focusedText(page)).toBe(true);

  // The header's button; with no requests yet the empty table offers a second one further on.
  await tabTo(page, page.getByRole('main').getByRole('button', { name: 'New request' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New request' })).toBeVisible();

  // Account: open, search, choose.
  await tabTo(page, page.getByRole('button', { name: /^Account\b/ }));
  await page.keyboard.press('Enter');
  // Type only once the search box has the focus, and choose only once the list is filtered.
  await expect(page.getByLabel('Search accounts')).toBeFocused();
  await page.keyboard.type('sandbox');
  await expect(page.getByRole('option').first()).toContainText('sandbox');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Account\b/ })).toContainText('sandbox');
  // Role.
  await tabTo(page, page.getByRole('button', { name: /^Role\b/ }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Justification, then Submit.
  await tabTo(page, page.getByRole('textbox', { name: 'Justification' }));
  await page.keyboard.type(justification);
  await tabTo(page, page.getByRole('button', { name: 'Submit request' }));
  await page.keyboard.press('Enter');

  // Back on My access, the focus is on the result, which was also announced.
  await expect(page.getByRole('heading', { level: 1, name: 'My access' })).toBeVisible();
  const result = page.locator('#flash-messages');
  await expect(result).toContainText('Request sent: ');
  await expect(result, 'focus on the result').toBeFocused();
  await expect(page.getByTestId('announcer-polite')).toContainText('Request sent: ');
  await alice.context.close();
});

test('Approve with the keyboard only: from the skip link to the decision, focus on the result', async ({
  browser,
}) => {
  const justification = uniqueText('Check the staging queue depth before the release');
  const alice = await openAs(browser, personas.alice);
  await createRequestByApi(alice.page, {
    accountId: '111111111111',
    roleName: 'ReadOnly',
    justification,
  });
  await alice.context.close();

  const rita = await openAs(browser, personas.rita);
  const { page } = rita;
  // A reviewer's home is Reviews.
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();

  await page.keyboard.press('Tab');
  expect(await isFocused(page.getByRole('link', { name: 'Skip to main content' }))).toBe(true);
  await page.keyboard.press('Enter');
  // Newest first, so the fresh request is on the first page however many others wait. The order
  // is one tab stop (the selected segment); the arrow keys move to the other.
  const order = page.getByRole('tabpanel').getByRole('toolbar', { name: 'Order' });
  const newest = order.getByRole('button', { name: 'Newest first' });
  await tabTo(page, order.getByRole('button', { name: 'Oldest first' }));
  await page.keyboard.press('ArrowRight');
  expect(await isFocused(newest)).toBe(true);
  if ((await newest.getAttribute('aria-pressed')) !== 'true') await page.keyboard.press('Enter');
  await expect(newest).toHaveAttribute('aria-pressed', 'true');
  const approve = page
    .getByRole('tabpanel')
    .getByRole('row')
    .filter({ hasText: justification })
    .getByRole('button', { name: /^Approve: / });
  await tabTo(page, approve);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('textbox', { name: /^Comment/ }));
  await page.keyboard.type('Fine for the release check');
  await tabTo(page, dialog.getByRole('button', { name: 'Approve', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const result = page.locator('#flash-messages');
  await expect(result).toContainText('Approved: Alice Requester, ReadOnly in sandbox');
  await expect(result, 'focus on the result').toBeFocused();
  await expect(page.getByTestId('announcer-polite')).toContainText('Approved: Alice Requester');
  await rita.context.close();
});
