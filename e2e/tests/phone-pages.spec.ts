import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { createRequestByApi, decideByApi } from './support/api';
import { signInAs } from './support/sign-in';
import { personas, uniqueText, type Persona } from './support/stack';

// Each persona's home and the pages they reach, at 390 px as on a phone: axe finds nothing serious
// (pages.spec.ts does the same at 1280 px). And the links between pages stay in the app.

const PHONE = { width: 390, height: 844 };

async function onPhone(browser: Browser, persona: Persona): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, persona);
  return page;
}

async function check(page: Page, heading: string | RegExp, what: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, `${what} at 390 px`);
}

/** Opens a page by the side navigation, as on a phone: the drawer first. */
async function navigate(page: Page, link: string): Promise<void> {
  await page.getByRole('button', { name: 'Open side navigation' }).click();
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: link, exact: true })
    .click();
}

test('every persona’s pages pass axe on a 390 px phone; Active access opens a request without a reload', async ({
  browser,
}) => {
  const justification = uniqueText('Check the sandbox queue depth alarms after the deploy');
  const alice = await onPhone(browser, personas.alice);
  const request = await createRequestByApi(alice, {
    accountId: '111111111111',
    roleName: 'ReadOnly',
    justification,
  });
  const adam = await onPhone(browser, personas.adam);
  await decideByApi(adam, request.id, 'approve', 'Fine.');

  // Requester: home (cards), New request, a request, Policy.
  await alice.reload();
  await check(alice, 'My access', 'My access');
  await expect(alice.getByRole('table')).toHaveCount(0);
  await navigate(alice, 'New request');
  await check(alice, 'New request', 'New request');
  await alice.goto(`/requests/${encodeURIComponent(request.id)}`);
  await check(alice, /ReadOnly in sandbox/, 'a request');
  await navigate(alice, 'Policy');
  await check(alice, 'Policy', 'Policy');
  await alice.context().close();

  // Admin: lands on Active access; the requester's name opens the request inside the app.
  await adam.goto('/');
  await check(adam, 'Active access', 'Active access');
  await adam.evaluate(() => {
    (window as { stillTheSamePage?: boolean }).stillTheSamePage = true;
  });
  await adam.getByRole('link', { name: 'Alice Requester' }).first().click();
  await expect(adam).toHaveURL(/\/requests\//);
  await check(adam, / in /, 'a request from Active access');
  // A full page load would have started a new window object.
  expect(
    await adam.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage),
  ).toBe(true);
  await adam.context().close();

  // Auditor: lands on Audit.
  const audrey = await onPhone(browser, personas.audrey);
  await check(audrey, 'Audit', 'Audit');
  await audrey.context().close();

  // Eligible for nothing: says why, on a phone too.
  const nina = await onPhone(browser, personas.nina);
  await check(nina, 'My access', 'My access for someone eligible for nothing');
  await expect(nina.getByText('You cannot request access to anything yet')).toBeVisible();
  await nina.context().close();
});
