import { expect, test } from '@playwright/test';
import { createRequestByApi } from './support/api';
import { myRequestRow, openMyAccess } from './support/my-access';
import { decide, openReviews, reviewRow } from './support/reviews';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';
import { flash } from './support/flash';

test('a reviewer rejects with a comment and the requester sees the status and the comment', async ({
  browser,
}) => {
  const justification = uniqueText('Tune the staging autoscaling group before the load test');
  const comment = uniqueText('Use the load-test role instead; PowerUser is more than this needs');
  const bob = await openAs(browser, personas.bob);
  await createRequestByApi(bob.page, {
    accountId: '222222222222',
    roleName: 'PowerUser',
    justification,
  });

  const ravi = await openAs(browser, personas.ravi);
  await openReviews(ravi.page);
  const row = reviewRow(ravi.page, justification);
  await expect(row).toContainText('Bob Requester');
  // A rejection needs a reason: the dialog says so before anything is sent.
  await row.getByRole('button', { name: 'Reject: Bob Requester, PowerUser in staging' }).click();
  const dialog = ravi.page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(dialog.getByText('A comment is required.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Back' }).click();
  await decide(ravi.page, row, 'Reject', comment);
  await expect(flash(ravi.page, 'Rejected: Bob Requester, PowerUser in staging')).toBeVisible();

  await openMyAccess(bob.page);
  const mine = await myRequestRow(bob.page, justification);
  await expect(mine.getByText('Rejected', { exact: true })).toBeVisible();
  await expect(mine.getByRole('button', { name: /^Access console/ })).toHaveCount(0);
  await mine.getByRole('link', { name: 'Details: PowerUser in staging (222222222222)' }).click();
  const timeline = bob.page.getByRole('table', { name: 'Timeline' });
  const rejection = timeline.getByRole('row').filter({ hasText: 'Rejected' });
  await expect(rejection).toContainText(comment);
  await expect(rejection).toContainText('Ravi Reviewer');

  await bob.context.close();
  await ravi.context.close();
});
