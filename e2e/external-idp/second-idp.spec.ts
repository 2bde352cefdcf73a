import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test, type Browser } from '@playwright/test';
import {
  chooseRowAction,
  myRequestRow,
  openMyAccess,
  requestThroughUi,
} from '../tests/support/my-access';
import { decide, openReviews, reviewRow } from '../tests/support/reviews';
import { stack, uniqueText } from '../tests/support/stack';
import { people, secondIdp } from './second-idp';
import type { PersonKey } from './second-idp';

const run = promisify(execFile);

/** Runs the copied block, then the real AWS CLI v2 against the STS emulator (block on stdin). */
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

/** A browser of the person's own, signed in through the second IdP (which asks no questions). */
async function signInThroughSecondIdp(browser: Browser, who: PersonKey) {
  const context = await browser.newContext();
  await context.addCookies([{ name: secondIdp.userCookie, value: who, url: secondIdp.issuer }]);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Back in Elevate, the top bar naming the person is the app's own "signed in" signal.
  await expect(
    page.getByRole('button', { name: `Signed in as ${people[who].name}` }),
  ).toBeVisible();
  return { context, page };
}

test('with a second OIDC server: sign in, request, approve, and use CLI credentials with the AWS CLI', async ({
  browser,
}) => {
  const justification = uniqueText('Check the billing export through the second IdP');
  const alice = await signInThroughSecondIdp(browser, 'alice');
  // The API verified the second IdP's tokens and read the groups it sent.
  await expect(
    alice.page.getByRole('definition').filter({ hasText: /^alice@example\.com$/ }),
  ).toBeVisible();
  await requestThroughUi(alice.page, {
    accountSearch: 'sandbox',
    accountName: 'sandbox',
    roleName: 'ReadOnly',
    justification,
  });
  await expect(
    (await myRequestRow(alice.page, justification)).getByText('Pending approval'),
  ).toBeVisible();

  const rita = await signInThroughSecondIdp(browser, 'rita');
  await openReviews(rita.page);
  const row = reviewRow(rita.page, justification);
  await expect(row).toContainText('Alice Requester');
  await decide(rita.page, row, 'Approve', 'Approved through the second IdP.');
  await expect(
    rita.page.getByText('Approved: Alice Requester, ReadOnly in sandbox').first(),
  ).toBeVisible();

  await openMyAccess(alice.page);
  const mine = await myRequestRow(alice.page, justification);
  await expect(mine.getByText('Active')).toBeVisible();
  await alice.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stack.webUrl,
  });
  await chooseRowAction(alice.page, mine, 'CLI credentials: ReadOnly in sandbox (111111111111)');
  const dialog = alice.page.getByRole('dialog', { name: 'CLI credentials' });
  await dialog.getByRole('button', { name: 'Copy bash / zsh commands' }).click();
  await expect(dialog.getByText('bash / zsh commands copied')).toBeVisible();
  const copied = await alice.page.evaluate(() => navigator.clipboard.readText());
  const identity = await callerIdentityWith(copied);
  expect(identity.Account).toBe('111111111111');
  expect(identity.Arn).toBe(
    'arn:aws:sts::111111111111:assumed-role/ReadOnly/alice@example.com-ReadOnly',
  );
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Signing out goes through the second IdP's end-session endpoint and lands on the front door.
  await alice.page.getByRole('button', { name: 'Signed in as Alice Requester' }).click();
  await alice.page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(alice.page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

  await alice.context.close();
  await rita.context.close();
});
