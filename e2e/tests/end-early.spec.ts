import { expect, test } from '@playwright/test';
import { callApi, createRequestByApi, decideByApi, expectProblem } from './support/api';
import { chooseRowAction, myRequestRow, openMyAccess } from './support/my-access';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';
import { flash } from './support/flash';

test('a requester ends access early: the console is no longer offered and the API refuses it', async ({
  browser,
}) => {
  const justification = uniqueText('Look at the sandbox VPC flow logs for the network ticket');
  const alice = await openAs(browser, personas.alice);
  const created = await createRequestByApi(alice.page, {
    accountId: '111111111111',
    roleName: 'PowerUser',
    justification,
  });
  const ravi = await openAs(browser, personas.ravi);
  await decideByApi(ravi.page, created.id, 'approve');
  await ravi.context.close();

  await openMyAccess(alice.page);
  const mine = await myRequestRow(alice.page, justification);
  await expect(
    mine.getByRole('button', { name: 'Access console: PowerUser in sandbox (111111111111)' }),
  ).toBeVisible();
  await chooseRowAction(alice.page, mine, 'End now: PowerUser in sandbox (111111111111)');
  const dialog = alice.page.getByRole('dialog', { name: 'End access now?' });
  await dialog
    .getByRole('textbox', { name: 'Comment (optional)' })
    .fill('Done sooner than expected.');
  await dialog.getByRole('button', { name: 'End access now' }).click();
  await expect(
    flash(alice.page, 'Access ended: PowerUser in sandbox (111111111111)'),
  ).toBeVisible();

  await expect(mine.getByText('Ended early')).toBeVisible();
  await expect(mine.getByRole('button', { name: /^Access console/ })).toHaveCount(0);
  // CLI credentials (under More actions while access is open) are gone with the menu.
  await expect(mine.getByRole('button', { name: /^More actions/ })).toHaveCount(0);
  await expect(alice.page.getByRole('menuitem', { name: /^CLI credentials/ })).toHaveCount(0);

  const forced = await callApi(
    alice.page,
    'POST',
    `/requests/${encodeURIComponent(created.id)}/sessions`,
    { kind: 'console' },
  );
  const problem = await expectProblem(forced, [409, 422]);
  expect(problem.code).toMatch(/INVALID_STATE|WINDOW_OVER|WINDOW_NOT_OPEN/);

  await alice.context.close();
});
