import { expect, type Locator, type Page } from '@playwright/test';

export type ReviewTab = 'Pending' | 'Break-glass to review' | 'My decisions';

/** Reviews through the navigation, on one of its tabs. */
export async function openReviews(page: Page, tab: ReviewTab = 'Pending'): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'Reviews' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  // The count is exact, or "N+" once more wait than one page holds.
  await page
    .getByRole('tab', {
      name: new RegExp(`^${tab.replace(/[()]/g, '\\$&')}( \\(\\d+\\+?\\))?$`),
    })
    .click();
  if (tab === 'Pending') await showNewestFirst(page);
}

/**
 * Pending, newest first: a journey's fresh request is on the first page however many others wait
 * (other journeys leave theirs pending). Wide screens show the order as two buttons, phones as a
 * select.
 */
export async function showNewestFirst(page: Page): Promise<void> {
  const panel = page.getByRole('tabpanel');
  const segment = panel.getByRole('button', { name: 'Newest first', exact: true });
  const select = panel.getByRole('button', { name: /Oldest first/ }).filter({ visible: true });
  await expect(segment.or(select).first()).toBeVisible();
  if (await segment.isVisible()) {
    await segment.click();
    await expect(segment).toHaveAttribute('aria-pressed', 'true');
    return;
  }
  await select.click();
  await page.getByRole('option', { name: 'Newest first' }).click();
  await expect(panel.getByRole('button', { name: /Newest first/ }).first()).toBeVisible();
}

/** The row of the visible review table that holds this justification. */
export function reviewRow(page: Page, justification: string): Locator {
  return page.getByRole('tabpanel').getByRole('row').filter({ hasText: justification });
}

/** Approve / Reject / Mark reviewed on a row, with a comment, confirmed in the dialog. */
export async function decide(
  page: Page,
  row: Locator,
  action: 'Approve' | 'Reject' | 'Mark reviewed',
  comment?: string,
): Promise<void> {
  await row.getByRole('button', { name: new RegExp(`^${action}: `) }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (comment !== undefined) await dialog.getByRole('textbox', { name: /^Comment/ }).fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}
