import { expect, test } from '@playwright/test';
import { myRequestRow, openMyAccess, requestThroughUi } from './support/my-access';
import { decide, openReviews, reviewRow } from './support/reviews';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

test('production Administrator needs two different reviewers before it is approved', async ({
  browser,
}) => {
  const justification = uniqueText(
    'Rotate the production database credentials during the change window',
  );
  const alice = await openAs(browser, personas.alice);
  await requestThroughUi(alice.page, {
    accountSearch: '333333333333',
    accountName: 'production',
    roleName: 'Administrator',
    justification,
    ticket: 'OPS-4242',
    durationMinutes: 30,
  });

  const rita = await openAs(browser, personas.rita);
  await openReviews(rita.page);
  await expect(reviewRow(rita.page, justification)).toContainText('0 of 2');
  await expect(reviewRow(rita.page, justification)).toContainText('Ticket OPS-4242');
  await decide(rita.page, reviewRow(rita.page, justification), 'Approve');
  // Her approval is counted; she cannot give the second one, so it leaves her queue.
  await expect(reviewRow(rita.page, justification)).toHaveCount(0);

  await openMyAccess(alice.page);
  await expect(
    (await myRequestRow(alice.page, justification)).getByText('Pending approval'),
  ).toBeVisible();

  const ravi = await openAs(browser, personas.ravi);
  await openReviews(ravi.page);
  const row = reviewRow(ravi.page, justification);
  await expect(row).toContainText('1 of 2');
  await decide(ravi.page, row, 'Approve', 'Second pair of eyes: fine.');

  await expect(reviewRow(ravi.page, justification)).toHaveCount(0);

  await openMyAccess(alice.page);
  const mine = await myRequestRow(alice.page, justification);
  await expect(mine.getByText('Active')).toBeVisible();
  // Both approvals are on the record, each by its reviewer.
  await mine
    .getByRole('link', { name: 'Details: Administrator in production (333333333333)' })
    .click();
  const approvals = alice.page
    .getByRole('table', { name: 'Timeline' })
    .getByRole('row')
    .filter({ hasText: 'Approved' });
  await expect(approvals).toHaveCount(2);
  await expect(approvals.filter({ hasText: 'Rita Reviewer' })).toHaveCount(1);
  await expect(approvals.filter({ hasText: 'Ravi Reviewer' })).toHaveCount(1);

  await alice.context.close();
  await rita.context.close();
  await ravi.context.close();
});
