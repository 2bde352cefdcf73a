import { expect, type Locator, type Page } from '@playwright/test';
import { flash } from './flash';

export interface RequestFormInput {
  /** What to type in the account search, e.g. "sandbox" or "333333333333". */
  accountSearch: string;
  /** The account option's name, e.g. "sandbox". */
  accountName: string;
  roleName: string;
  justification: string;
  ticket?: string;
  durationMinutes?: number;
}

/** Fills the New request form the way a person does: search the account, pick the role, type. */
export async function fillRequestForm(page: Page, input: RequestFormInput): Promise<void> {
  await page.getByRole('button', { name: /^Account\b/ }).click();
  await page.getByRole('combobox', { name: 'Search accounts' }).fill(input.accountSearch);
  await page.getByRole('option', { name: new RegExp(`^${input.accountName} \\d{12}`) }).click();
  await page.getByRole('button', { name: /^Role\b/ }).click();
  await page.getByRole('option', { name: input.roleName, exact: true }).click();
  await page.getByRole('textbox', { name: 'Justification' }).fill(input.justification);
  if (input.ticket !== undefined)
    await page.getByRole('textbox', { name: 'Ticket' }).fill(input.ticket);
  if (input.durationMinutes !== undefined)
    await page
      .getByRole('spinbutton', { name: 'Duration (minutes)' })
      .fill(String(input.durationMinutes));
}

/** From anywhere in the app: New request, fill, submit, and back on My access with the flash. */
export async function requestThroughUi(page: Page, input: RequestFormInput): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'New request' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'New request' })).toBeVisible();
  await fillRequestForm(page, input);
  await page.getByRole('button', { name: 'Submit request' }).click();
  await expect(
    flash(page, `Request sent: ${input.roleName} in ${input.accountName}`),
  ).toBeVisible();
}

/** My access, narrowed with its own filter to the one request a journey made (by its justification). */
export async function myRequestRow(page: Page, justification: string): Promise<Locator> {
  const filter = page
    .getByRole('searchbox', { name: 'Filter my requests' })
    .or(page.getByRole('textbox', { name: 'Filter my requests' }));
  await filter.fill(justification);
  const table = page.getByRole('table', { name: 'My requests' });
  // The header row plus exactly one request.
  await expect(table.getByRole('row')).toHaveCount(2);
  return table.getByRole('row').nth(1);
}

/** Goes to My access through the navigation and asks for fresh data, as a person would. */
export async function openMyAccess(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'My access' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'My access' })).toBeVisible();
  await page.getByRole('button', { name: 'Refresh my requests' }).click();
}

/**
 * One of a My access row's secondary actions (e.g. CLI credentials or End now while access is
 * open): they sit under the row's "More actions" menu, which opens over the page.
 */
export async function chooseRowAction(
  page: Page,
  row: Locator,
  name: string | RegExp,
): Promise<void> {
  await row.getByRole('button', { name: /^More actions: / }).click();
  await page.getByRole('menuitem', { name }).click();
}
