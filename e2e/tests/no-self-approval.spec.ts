import { expect, test } from '@playwright/test';
import { callApi, expectProblem } from './support/api';
import { myRequestRow, requestThroughUi } from './support/my-access';
import { openReviews, reviewRow } from './support/reviews';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

test('a reviewer cannot approve their own request: no action in the UI, and the API refuses it', async ({
  browser,
}) => {
  const justification = uniqueText('Check the staging queue depth alarms myself');
  const rita = await openAs(browser, personas.rita);
  await requestThroughUi(rita.page, {
    accountSearch: 'staging',
    accountName: 'staging',
    roleName: 'ReadOnly',
    justification,
  });
  const mine = await myRequestRow(rita.page, justification);
  await mine.getByRole('link', { name: 'Details: ReadOnly in staging (222222222222)' }).click();
  await expect(
    rita.page.getByRole('heading', { level: 1, name: 'ReadOnly in staging (222222222222)' }),
  ).toBeVisible();
  const id = new URL(rita.page.url()).pathname.split('/').pop() ?? '';
  await expect(
    rita.page.getByRole('button', { name: 'Cancel: ReadOnly in staging (222222222222)' }),
  ).toBeVisible();
  await expect(rita.page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);

  // Not in her own queue either.
  await openReviews(rita.page);
  await expect(rita.page.getByRole('table', { name: 'Waiting for a decision' })).toBeVisible();
  await expect(reviewRow(rita.page, justification)).toHaveCount(0);

  // Forced through the API with her own tokens: a 403 problem, and the request stays pending.
  const forced = await callApi(rita.page, 'POST', `/requests/${encodeURIComponent(id)}/approve`, {
    comment: 'self',
  });
  const problem = await expectProblem(forced, [403]);
  expect(problem.code).toBe('SELF_DECISION');
  const after = await callApi(rita.page, 'GET', `/requests/${encodeURIComponent(id)}`);
  expect(((await after.json()) as { status: string }).status).toBe('PENDING');

  await rita.context.close();
});
