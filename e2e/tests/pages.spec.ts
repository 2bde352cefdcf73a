import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { callApi, createRequestByApi, decideByApi } from './support/api';
import { chooseRowAction, fillRequestForm, myRequestRow } from './support/my-access';
import { openReviews } from './support/reviews';
import { saveScreenshot } from './support/screenshot';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

// Every page and dialog of the SPA, each once it shows its data: axe-core finds nothing serious or
// critical, and the main pages are saved as screenshots for docs/screenshots/. (The dev IdP's page
// is the stand-in's, not Elevate's, and is left out.)

async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function checkPage(
  page: Page,
  name: string,
  options: { screenshot?: boolean } = {},
): Promise<void> {
  await settled(page);
  await expectNoSeriousA11yViolations(page, name);
  if (options.screenshot ?? true) await saveScreenshot(page, name);
}

const nav = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name, exact: true })
    .click();

test('the front door, signed out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await checkPage(page, 'landing');
});

test('every page a requester, a reviewer and an auditor sees has no serious accessibility findings', async ({
  browser,
}) => {
  const active = uniqueText('Debug the sandbox Lambda timeouts reported in the on-call channel');
  const pending = uniqueText('Review the staging IAM changes before Thursday’s release');
  const breakGlass = uniqueText('INC-7 production API returns 500s; roll back the bad deploy');

  const alice = await openAs(browser, personas.alice, { mfa: true });
  const approved = await createRequestByApi(alice.page, {
    accountId: '111111111111',
    roleName: 'ReadOnly',
    justification: active,
    durationMinutes: 120,
  });
  await createRequestByApi(alice.page, {
    accountId: '222222222222',
    roleName: 'PowerUser',
    justification: pending,
    ticket: 'OPS-1234',
  });
  await createRequestByApi(alice.page, {
    accountId: '333333333333',
    roleName: 'Administrator',
    justification: breakGlass,
    ticket: 'INC-7',
    durationMinutes: 30,
    breakGlass: true,
  });
  const rita = await openAs(browser, personas.rita);
  await decideByApi(rita.page, approved.id, 'approve', 'Fine for two hours.');
  const cli = await callApi(
    alice.page,
    'POST',
    `/requests/${encodeURIComponent(approved.id)}/sessions`,
    { kind: 'cli' },
  );
  expect(cli.status()).toBe(201);

  // Requester: My access, the CLI dialog, New request, a request, Policy.
  await nav(alice.page, 'My access');
  await alice.page.getByRole('button', { name: 'Refresh my requests' }).click();
  await expect(
    alice.page
      .getByRole('button', { name: 'Access console: ReadOnly in sandbox (111111111111)' })
      .first(),
  ).toBeVisible();
  await checkPage(alice.page, 'my-access');
  const row = await myRequestRow(alice.page, active);
  await chooseRowAction(alice.page, row, /^CLI credentials: /);
  await expect(alice.page.getByRole('button', { name: 'Copy bash / zsh commands' })).toBeVisible();
  // Not saved as a screenshot: it shows (emulator) credentials.
  await checkPage(alice.page, 'cli-credentials', { screenshot: false });
  await alice.page
    .getByRole('dialog', { name: 'CLI credentials' })
    .getByRole('button', { name: 'Done' })
    .click();

  await nav(alice.page, 'New request');
  await fillRequestForm(alice.page, {
    accountSearch: 'sandbox',
    accountName: 'sandbox',
    roleName: 'PowerUser',
    justification: 'Investigate the failing deploy of the billing service',
  });
  await checkPage(alice.page, 'new-request');

  await nav(alice.page, 'My access');
  await (await myRequestRow(alice.page, active)).getByRole('link', { name: /^Details: / }).click();
  await expect(alice.page.getByRole('table', { name: 'Timeline' })).toBeVisible();
  await checkPage(alice.page, 'request-detail');

  await nav(alice.page, 'Policy');
  await expect(alice.page.getByRole('heading', { level: 1, name: 'Policy' })).toBeVisible();
  await checkPage(alice.page, 'policy');
  await alice.context.close();

  // Reviewer: each tab of Reviews, and the decision dialog.
  await openReviews(rita.page, 'Pending');
  await expect(
    rita.page.getByRole('tabpanel').getByRole('row').filter({ hasText: pending }),
  ).toBeVisible();
  await checkPage(rita.page, 'reviews-pending');
  await rita.page
    .getByRole('tabpanel')
    .getByRole('row')
    .filter({ hasText: pending })
    .getByRole('button', { name: /^Reject: / })
    .click();
  await expect(rita.page.getByRole('dialog', { name: 'Reject this request?' })).toBeVisible();
  await checkPage(rita.page, 'decision-dialog', { screenshot: false });
  await rita.page.getByRole('dialog').getByRole('button', { name: 'Back' }).click();
  await openReviews(rita.page, 'Break-glass to review');
  await expect(
    rita.page.getByRole('tabpanel').getByRole('row').filter({ hasText: breakGlass }),
  ).toBeVisible();
  await checkPage(rita.page, 'reviews-break-glass');
  await openReviews(rita.page, 'My decisions');
  await expect(rita.page.getByRole('table', { name: 'My decisions' })).toBeVisible();
  await checkPage(rita.page, 'reviews-my-decisions');
  await rita.context.close();

  // Auditor: the history, a timeline with its sessions, and the whole policy.
  const audrey = await openAs(browser, personas.audrey);
  await nav(audrey.page, 'Audit');
  await expect(
    audrey.page
      .getByRole('table', { name: 'Request history' })
      .getByRole('link', { name: /^Timeline of / })
      .first(),
  ).toBeVisible();
  await checkPage(audrey.page, 'audit');
  await audrey.page.goto(`/requests/${encodeURIComponent(approved.id)}`);
  await expect(
    audrey.page
      .getByRole('table', { name: 'Sessions' })
      .getByRole('row')
      .filter({ hasText: 'eu-west-1' })
      .first(),
  ).toBeVisible();
  // This one shows the timeline: scrolled to its heading.
  await audrey.page
    .getByRole('heading', { level: 2, name: /^Timeline/ })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await checkPage(audrey.page, 'audit-timeline');
  await nav(audrey.page, 'Policy');
  await expect(audrey.page.getByRole('heading', { level: 1, name: 'Policy' })).toBeVisible();
  await checkPage(audrey.page, 'policy-auditor', { screenshot: false });
  await audrey.context.close();
});
