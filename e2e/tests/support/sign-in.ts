import { expect, type Page } from '@playwright/test';

/** Signs in through the dev IdP's persona page, the way a person would. */
export async function signInAs(page: Page, personaName: string, options: { mfa?: boolean; path?: string } = {}) {
  await page.goto(options.path ?? '/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveTitle(/Elevate dev IdP/);
  if (options.mfa) await page.getByRole('checkbox', { name: 'Signed in with MFA' }).check();
  await page.getByRole('button', { name: `Sign in as ${personaName}` }).click();
  await expect(page.getByRole('button', { name: `Signed in as ${personaName}` })).toBeVisible();
}

export async function signOut(page: Page, personaName: string) {
  await page.getByRole('button', { name: `Signed in as ${personaName}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}
