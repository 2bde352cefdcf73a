import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { chooseRowAction, myRequestRow, openMyAccess, requestThroughUi } from './support/my-access';
import { decide, openReviews, reviewRow } from './support/reviews';
import { openAs } from './support/sign-in';
import { personas, stack, uniqueText } from './support/stack';
import { flash } from './support/flash';

const run = promisify(execFile);

/**
 * Runs the copied block in bash, then the real AWS CLI v2 against the STS emulator. The block goes in
 * on stdin, never as an argument, so a failure message cannot carry the credentials.
 */
async function callerIdentityWith(copied: string): Promise<{ Arn: string; Account: string }> {
  const script = `${copied}\nexec /usr/bin/aws sts get-caller-identity --endpoint-url ${stack.stsUrl} --region eu-west-1 --output json\n`;
  const child = run('bash', ['-s'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: '/tmp',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
    timeout: 30_000,
  });
  child.child.stdin?.end(script);
  const { stdout } = await child;
  return JSON.parse(stdout) as { Arn: string; Account: string };
}

test('a requester asks, a reviewer approves, and the requester opens the console and uses CLI credentials', async ({
  browser,
}) => {
  const justification = uniqueText('Investigate the failing deploy of the billing service');
  const alice = await openAs(browser, personas.alice);
  await requestThroughUi(alice.page, {
    accountSearch: 'sandbox',
    accountName: 'sandbox',
    roleName: 'ReadOnly',
    justification,
  });
  await expect(
    (await myRequestRow(alice.page, justification)).getByText('Pending approval'),
  ).toBeVisible();

  // Rita sees it in her queue and approves it.
  const rita = await openAs(browser, personas.rita);
  await openReviews(rita.page);
  const row = reviewRow(rita.page, justification);
  await expect(row).toContainText('Alice Requester');
  await expect(row).toContainText('0 of 1');
  await decide(rita.page, row, 'Approve', 'Looks right.');
  await expect(flash(rita.page, 'Approved: Alice Requester, ReadOnly in sandbox')).toBeVisible();
  await expect(reviewRow(rita.page, justification)).toHaveCount(0);

  // Alice: the window is open; the console opens in a new tab as her.
  await openMyAccess(alice.page);
  const mine = await myRequestRow(alice.page, justification);
  await expect(mine.getByText('Active')).toBeVisible();
  const [consoleTab] = await Promise.all([
    alice.context.waitForEvent('page'),
    mine
      .getByRole('button', { name: 'Access console: ReadOnly in sandbox (111111111111)' })
      .click(),
  ]);
  await expect(consoleTab).toHaveURL(new RegExp(`^${stack.stsUrl.replace(/\./g, '\\.')}/`));
  await expect(
    consoleTab.getByRole('heading', { level: 1, name: 'AWS console (Elevate emulator)' }),
  ).toBeVisible();
  await expect(consoleTab.getByRole('row', { name: /Session name/ })).toContainText(
    'alice@example.com-ReadOnly',
  );
  await expect(consoleTab.getByRole('row', { name: /Assumed-role ARN/ })).toContainText(
    'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
  );
  await consoleTab.close();

  // CLI credentials: copy the bash block with its button, and the real AWS CLI accepts them.
  await alice.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stack.webUrl,
  });
  await chooseRowAction(alice.page, mine, 'CLI credentials: ReadOnly in sandbox (111111111111)');
  const dialog = alice.page.getByRole('dialog', { name: 'CLI credentials' });
  await expect(dialog.getByRole('tab', { name: 'bash / zsh' })).toBeVisible();
  await expect(dialog.getByText('Treat these like a password')).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy bash / zsh commands' }).click();
  await expect(dialog.getByText('bash / zsh commands copied')).toBeVisible();
  const copied = await alice.page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^export AWS_ACCESS_KEY_ID=/m);
  expect(copied).toMatch(/^export AWS_SESSION_TOKEN=/m);
  const identity = await callerIdentityWith(copied);
  expect(identity.Account).toBe('111111111111');
  expect(identity.Arn).toBe(
    'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await alice.context.close();
  await rita.context.close();
});
