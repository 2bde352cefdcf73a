import { expect, type Browser, type Page } from '@playwright/test';
import { openAs } from './sign-in';
import { personas } from './stack';

/** Audrey, the auditor, signed in on the Audit page with its table shown. */
export async function openAuditTool(browser: Browser) {
  const audrey = await openAs(browser, personas.audrey);
  const { page } = audrey;
  await page
    .getByRole('navigation', { name: 'Side navigation' })
    .getByRole('link', { name: 'Audit' })
    .click();
  const table = page.getByRole('table', { name: 'Request history' });
  await expect(table).toBeVisible();
  return { ...audrey, table };
}

/** Searches the requester filter as an auditor does: types, then Enter. */
export async function searchRequester(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Requester' }).fill(text);
  await page.getByRole('searchbox', { name: 'Requester' }).press('Enter');
}
