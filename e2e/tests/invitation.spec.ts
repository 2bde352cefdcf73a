import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { callApi, expectProblem } from './support/api';
import { myRequestRow, openMyAccess } from './support/my-access';
import { openAs } from './support/sign-in';
import { personas, stack, uniqueText } from './support/stack';
import { flash } from './support/flash';

const AWS_CLI = '/usr/bin/aws';
const SANDBOX = '111111111111';
const TARGET = 'PowerUser in sandbox';

interface CliCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** `aws sts get-caller-identity` with the credentials, against the local STS emulator. */
async function callerIdentity(keys: CliCredentials): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'elevate-e2e-aws-'));
  try {
    const { stdout } = await promisify(execFile)(
      AWS_CLI,
      ['sts', 'get-caller-identity', '--endpoint-url', stack.stsUrl, '--region', 'eu-west-1'],
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
    return stdout;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

test.describe('invitation', () => {
  test('Rita invites Alice, Alice accepts, the window opens and Alice gets console and CLI access', async ({
    browser,
  }) => {
    const justification = uniqueText('Join the incident bridge and look at the deploy queue');
    const rita = await openAs(browser, personas.rita);
    await rita.page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'Active access' })
      .click();
    await rita.page.getByRole('button', { name: 'Invite an engineer' }).click();
    const form = rita.page.getByRole('dialog', { name: 'Invite an engineer' });
    await form.getByLabel("Engineer's e-mail").fill(personas.alice.email);
    await form.getByLabel('Account').fill(SANDBOX);
    await form.getByLabel('Role').fill('PowerUser');
    await form.getByLabel('Duration (minutes)').fill('60');
    await form.getByLabel('Reason').fill(justification);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    // The new request's page: it waits for Alice, with Rita's invitation counted as her approval.
    await expect(rita.page.getByText('Invitation from Rita Reviewer')).toBeVisible();
    const id = decodeURIComponent(new URL(rita.page.url()).pathname.split('/').at(-1) ?? '');
    expect(id).not.toBe('');

    const alice = await openAs(browser, personas.alice);
    // Before accepting, no session: the window cannot open.
    const early = await callApi(
      alice.page,
      'POST',
      `/requests/${encodeURIComponent(id)}/sessions`,
      {
        kind: 'cli',
      },
    );
    expect((await expectProblem(early, [409])).code).toBe('INVALID_STATE');

    await openMyAccess(alice.page);
    await expect(alice.page.getByText(`Rita Reviewer invites you to ${TARGET}`)).toBeVisible();
    await alice.page.getByRole('button', { name: `Accept the invitation to ${TARGET}` }).click();
    await expect(flash(alice.page, `Accepted: ${TARGET}`)).toBeVisible();

    const mine = await myRequestRow(alice.page, justification);
    await expect(
      mine.getByRole('button', { name: `Access console: ${TARGET} (${SANDBOX})` }),
    ).toBeVisible();

    // Both names in the history.
    const view = await callApi(alice.page, 'GET', `/requests/${encodeURIComponent(id)}`);
    const history = (
      (await view.json()) as { history: { type: string; actor: { email: string } }[] }
    ).history;
    expect(history.map((event) => [event.type, event.actor.email])).toEqual([
      ['CREATED', personas.rita.email],
      ['INVITATION_ACCEPTANCE', personas.alice.email],
    ]);

    const cli = await callApi(alice.page, 'POST', `/requests/${encodeURIComponent(id)}/sessions`, {
      kind: 'cli',
    });
    expect(cli.status(), await cli.text()).toBe(201);
    const { credentials } = (await cli.json()) as { credentials: CliCredentials };
    if (existsSync(AWS_CLI)) expect(await callerIdentity(credentials)).toContain('PowerUser');

    await rita.context.close();
    await alice.context.close();
  });

  test('a declined invitation never opens', async ({ browser }) => {
    const justification = uniqueText('Help with the queue backlog during the incident');
    const rita = await openAs(browser, personas.rita);
    const invited = await callApi(rita.page, 'POST', '/invitations', {
      inviteeEmail: personas.alice.email,
      accountId: SANDBOX,
      roleName: 'PowerUser',
      justification,
      durationMinutes: 60,
    });
    expect(invited.status(), await invited.text()).toBe(201);
    const { id } = (await invited.json()) as { id: string };

    const alice = await openAs(browser, personas.alice);
    await alice.page.goto(`/requests/${encodeURIComponent(id)}`);
    await expect(
      alice.page.getByRole('button', { name: `Decline the invitation to ${TARGET}` }),
    ).toBeVisible();
    await alice.page.getByRole('button', { name: `Decline the invitation to ${TARGET}` }).click();
    const dialog = alice.page.getByRole('dialog', { name: `Decline the invitation to ${TARGET}` });
    await dialog.getByRole('textbox', { name: 'Reason for declining' }).fill('On leave today.');
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await expect(flash(alice.page, `Declined: ${TARGET}`)).toBeVisible();

    // Nobody can bring it back, and it gives no session.
    const accept = await callApi(
      alice.page,
      'POST',
      `/requests/${encodeURIComponent(id)}/accept`,
      {},
    );
    expect((await expectProblem(accept, [409])).code).toBe('INVALID_STATE');
    const approve = await callApi(
      rita.page,
      'POST',
      `/requests/${encodeURIComponent(id)}/approve`,
      {},
    );
    expect((await expectProblem(approve, [409])).code).toBe('INVALID_STATE');
    const session = await callApi(
      alice.page,
      'POST',
      `/requests/${encodeURIComponent(id)}/sessions`,
      {
        kind: 'console',
      },
    );
    await expectProblem(session, [403, 409]);

    await rita.context.close();
    await alice.context.close();
  });
});
