import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { callApi, createRequestByApi, decideByApi } from './support/api';
import { chooseRowAction, myRequestRow, openMyAccess } from './support/my-access';
import { openAs } from './support/sign-in';
import { personas, stack, uniqueText } from './support/stack';
import { flash } from './support/flash';

const AWS_CLI = '/usr/bin/aws';
const WITHIN_A_MINUTE_MS = 60_000;

interface CliCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** CLI credentials for an approved request, as the SPA's "CLI credentials" dialog fetches them. */
async function cliCredentials(page: Page, id: string): Promise<CliCredentials> {
  const response = await callApi(page, 'POST', `/requests/${encodeURIComponent(id)}/sessions`, {
    kind: 'cli',
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { credentials: CliCredentials }).credentials;
}

/** `aws iam get-role` with the credentials against the local stack: a call IAM evaluates. */
async function getRole(keys: CliCredentials, roleName: string, home: string): Promise<void> {
  await promisify(execFile)(
    AWS_CLI,
    [
      'iam',
      'get-role',
      '--role-name',
      roleName,
      '--endpoint-url',
      stack.stsUrl,
      '--region',
      'eu-west-1',
    ],
    {
      timeout: 30_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_CONFIG_FILE: join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        AWS_ACCESS_KEY_ID: keys.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
        AWS_SESSION_TOKEN: keys.sessionToken,
      },
    },
  );
}

async function expectRefusedWithinAMinute(keys: CliCredentials, roleName: string, home: string) {
  const started = Date.now();
  await expect
    .poll(
      async () => {
        try {
          await getRole(keys, roleName, home);
          return 'allowed';
        } catch (error) {
          return /AccessDenied/.test(String(error)) ? 'refused' : String(error);
        }
      },
      { timeout: WITHIN_A_MINUTE_MS },
    )
    .toBe('refused');
  expect(Date.now() - started).toBeLessThan(WITHIN_A_MINUTE_MS);
}

test.describe('revocation ends live sessions', () => {
  test.skip(!existsSync(AWS_CLI), `needs the real AWS CLI at ${AWS_CLI}`);
  let home: string;
  test.beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'elevate-e2e-aws-'));
  });
  test.afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('a reviewer revokes on Active access: CLI credentials issued before are refused within a minute', async ({
    browser,
  }) => {
    const alice = await openAs(browser, personas.alice);
    const created = await createRequestByApi(alice.page, {
      accountId: '111111111111',
      roleName: 'PowerUser',
      justification: uniqueText('Investigate the stuck deployment in sandbox'),
    });
    const rita = await openAs(browser, personas.rita);
    await decideByApi(rita.page, created.id, 'approve');
    const keys = await cliCredentials(alice.page, created.id);
    await getRole(keys, 'PowerUser', home);

    await rita.page.goto('/access');
    await expect(rita.page.getByRole('heading', { name: 'Active access', level: 1 })).toBeVisible();
    // This request's row (other journeys leave Alice more open windows), on whichever page it is.
    const row = rita.page
      .getByRole('row')
      .filter({ has: rita.page.locator(`a[href$="/requests/${created.id}"]`) });
    await expect(rita.page.getByRole('button', { name: /^Revoke / }).first()).toBeVisible();
    for (let page = 1; page < 10 && (await row.count()) === 0; page++)
      await rita.page.getByRole('button', { name: 'Next page' }).first().click();
    await row
      .getByRole('button', { name: "Revoke Alice Requester's PowerUser in sandbox" })
      .click();
    const dialog = rita.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Reason for revoking' }).fill('Suspicious activity');
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(flash(rita.page, /^Revoked: Alice Requester, PowerUser/)).toBeVisible();

    await expectRefusedWithinAMinute(keys, 'PowerUser', home);
    await alice.context.close();
    await rita.context.close();
  });

  test('the requester ends early in the SPA: the same for their CLI credentials', async ({
    browser,
  }) => {
    const justification = uniqueText('Read the sandbox bucket policies for the audit');
    const alice = await openAs(browser, personas.alice);
    const created = await createRequestByApi(alice.page, {
      accountId: '111111111111',
      roleName: 'ReadOnly',
      justification,
    });
    const ravi = await openAs(browser, personas.ravi);
    await decideByApi(ravi.page, created.id, 'approve');
    await ravi.context.close();
    const keys = await cliCredentials(alice.page, created.id);
    await getRole(keys, 'ReadOnly', home);

    await openMyAccess(alice.page);
    const mine = await myRequestRow(alice.page, justification);
    await chooseRowAction(alice.page, mine, 'End now: ReadOnly in sandbox (111111111111)');
    const dialog = alice.page.getByRole('dialog', { name: 'End access now?' });
    await dialog.getByRole('button', { name: 'End access now' }).click();
    await expect(
      flash(alice.page, 'Access ended: ReadOnly in sandbox (111111111111)'),
    ).toBeVisible();

    await expectRefusedWithinAMinute(keys, 'ReadOnly', home);
    await alice.context.close();
  });
});
