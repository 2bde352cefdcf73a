import { expect, test } from '@playwright/test';
import { fillRequestForm, myRequestRow } from './support/my-access';
import { decide, openReviews, reviewRow } from './support/reviews';
import { openAs } from './support/sign-in';
import { personas, stack, uniqueText } from './support/stack';
import { flash } from './support/flash';

test('break-glass gives access at once, then waits in the reviewers’ queue until marked reviewed', async ({
  browser,
}) => {
  const justification = uniqueText('INC-9001 checkout is down; restart the payment workers now');
  // Production Administrator asks for a fresh MFA sign-in before access.
  const bob = await openAs(browser, personas.bob, { mfa: true });
  await bob.page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'New request' })
    .click();
  await fillRequestForm(bob.page, {
    accountSearch: 'production',
    accountName: 'production',
    roleName: 'Administrator',
    justification,
    ticket: 'INC-9001',
    durationMinutes: 30,
  });
  await bob.page.getByRole('checkbox', { name: /Break-glass access/ }).check();
  await expect(bob.page.getByText('Break-glass is for emergencies')).toBeVisible();
  await bob.page.getByRole('button', { name: 'Start break-glass access' }).click();
  const confirm = bob.page.getByRole('dialog', { name: 'Start break-glass access?' });
  await confirm.getByRole('button', { name: 'Yes, start break-glass access' }).click();
  await expect(
    // The flash, not its copy in the screen readers' live region.
    flash(bob.page, 'Break-glass access to Administrator in production is open'),
  ).toBeVisible();

  // No approval needed: the console opens now.
  const mine = await myRequestRow(bob.page, justification);
  await expect(mine.getByText('Active')).toBeVisible();
  const [consoleTab] = await Promise.all([
    bob.context.waitForEvent('page'),
    mine
      .getByRole('button', { name: 'Access console: Administrator in production (333333333333)' })
      .click(),
  ]);
  await expect(consoleTab).toHaveURL(new RegExp(`^${stack.stsUrl.replace(/\./g, '\\.')}/`));
  await expect(consoleTab.getByRole('row', { name: /Session name/ })).toContainText(
    'bob@example.com-Administrator',
  );
  await consoleTab.close();

  // Reviewers find it under "Break-glass to review"; marking it reviewed takes it off the list.
  const rita = await openAs(browser, personas.rita);
  await openReviews(rita.page, 'Break-glass to review');
  const row = reviewRow(rita.page, justification);
  await expect(row).toContainText('Bob Requester');
  await decide(
    rita.page,
    row,
    'Mark reviewed',
    'Checked CloudTrail: only the payment workers were restarted.',
  );
  await expect(
    flash(rita.page, 'Marked reviewed: Bob Requester, Administrator in production'),
  ).toBeVisible();
  await expect(reviewRow(rita.page, justification)).toHaveCount(0);

  await bob.context.close();
  await rita.context.close();
});
