import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { createRequestByApi } from './support/api';
import { decide, reviewRow, showNewestFirst } from './support/reviews';
import { saveScreenshot } from './support/screenshot';
import { openAs, signInAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

const PHONE = { width: 390, height: 844 };

async function requestsByAlice(browser: Browser, justifications: string[]): Promise<void> {
  const alice = await openAs(browser, personas.alice);
  for (const justification of justifications)
    await createRequestByApi(alice.page, {
      accountId: '111111111111',
      roleName: 'ReadOnly',
      justification,
    });
  await alice.context.close();
}

async function expectResultFocusedAndAnnounced(page: Page, text: string): Promise<void> {
  const result = page.locator('#flash-messages');
  await expect(result).toContainText(text);
  await expect(result, 'focus on the result').toBeFocused();
  await expect(page.getByTestId('announcer-polite')).toContainText(text);
}

test('a reviewer decides at 1280 px and on a 390 px phone; both layouts pass axe', async ({
  browser,
}) => {
  const onDesktop = uniqueText('Inspect the sandbox deploy pipeline logs');
  const onPhone = uniqueText('Look at the sandbox S3 access logs for the outage');
  await requestsByAlice(browser, [onDesktop, onPhone]);

  // Desktop: Rita lands on Reviews; the navigation counts what waits for her.
  const desk = await openAs(browser, personas.rita);
  await expect(desk.page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  const nav = desk.page.getByRole('navigation', { name: 'Side navigation' });
  await expect(nav.getByText(/requests? waiting for your decision/)).toBeAttached();
  await showNewestFirst(desk.page);
  await expect(reviewRow(desk.page, onDesktop)).toBeVisible();
  await expectNoSeriousA11yViolations(desk.page, 'Reviews at 1280 px');
  await saveScreenshot(desk.page, 'reviews-desktop');
  await decide(desk.page, reviewRow(desk.page, onDesktop), 'Approve', 'Pipeline logs only');
  await expectResultFocusedAndAnnounced(
    desk.page,
    'Approved: Alice Requester, ReadOnly in sandbox',
  );
  await desk.context.close();

  // Phone: cards, every field on screen, full-width buttons inside the screen.
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, personas.rita);
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await showNewestFirst(page);
  const card = page.getByRole('listitem').filter({ hasText: onPhone });
  await expect(card).toBeVisible();
  for (const text of [
    'Alice Requester',
    'sandbox',
    'ReadOnly',
    'for 1 hour',
    'When approved',
    '0 of 1',
  ])
    await expect(card).toContainText(text);
  const approve = card.getByRole('button', { name: /^Approve: / });
  await approve.scrollIntoViewIfNeeded();
  const box = await approve.boundingBox();
  expect(box, 'Approve has a box').not.toBeNull();
  if (box) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    // Full width: most of the screen, an easy target for a thumb.
    expect(box.width).toBeGreaterThan(PHONE.width * 0.6);
  }
  await expectNoSeriousA11yViolations(page, 'Reviews at 390 px');
  // The navigation drawer too, where axe once found aria-allowed-attr at this width.
  await page.getByRole('button', { name: 'Open side navigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Side navigation' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the navigation at 390 px');
  await page.getByRole('button', { name: 'Close side navigation' }).click();
  await card.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'reviews-phone');

  await approve.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Approve', exact: true });
  const confirmBox = await confirm.boundingBox();
  if (confirmBox) expect(confirmBox.x + confirmBox.width).toBeLessThanOrEqual(PHONE.width);
  await expectNoSeriousA11yViolations(page, 'the decision dialog at 390 px');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expectResultFocusedAndAnnounced(page, 'Approved: Alice Requester, ReadOnly in sandbox');
  await context.close();
});

test('dark mode follows the system, and the choice in the user menu is remembered', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await signInAs(page, personas.rita);
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  const body = page.locator('body');
  await expect(body).toHaveClass(/\bawsui-dark-mode\b/);
  await expectNoSeriousA11yViolations(page, 'Reviews in dark mode');
  await saveScreenshot(page, 'reviews-dark');

  await page.getByRole('button', { name: `Signed in as ${personas.rita.name}` }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Light' }).click();
  await expect(body).not.toHaveClass(/\bawsui-dark-mode\b/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(body).not.toHaveClass(/\bawsui-dark-mode\b/);

  // Compact density, from the same menu.
  await page.getByRole('button', { name: `Signed in as ${personas.rita.name}` }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Compact' }).click();
  await expect(body).toHaveClass(/\bawsui-compact-mode\b/);
  await context.close();
});
