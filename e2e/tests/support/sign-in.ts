import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Persona } from './stack';

export interface SignInOptions {
  /** Tick "Signed in with MFA" on the IdP page (sets `amr`). */
  mfa?: boolean;
  /** Where to start; a deep link goes through sign-in and back. */
  path?: string;
}

/** Signs in through the dev IdP's persona page, the way a person would. */
export async function signInAs(
  page: Page,
  persona: Persona,
  options: SignInOptions = {},
): Promise<void> {
  await page.goto(options.path ?? '/');
  // The front door has a Sign in button; a deep link goes straight to the IdP.
  if (options.path === undefined || options.path === '/') {
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
  await chooseIdentity(page, persona, options);
}

/** On the IdP's page: pick the persona (and MFA), then wait to be back in Elevate. */
export async function chooseIdentity(
  page: Page,
  persona: Persona,
  options: Pick<SignInOptions, 'mfa'> = {},
): Promise<void> {
  await expect(page).toHaveTitle(/Elevate dev IdP/);
  if (options.mfa) await page.getByRole('checkbox', { name: 'Signed in with MFA' }).check();
  await page.getByRole('button', { name: `Sign in as ${persona.name}` }).click();
  // Back in Elevate the console's code loads and runs after the callback. The top bar naming the
  // person is the app's own "signed in" signal; the wait ends the moment it shows.
  await expect(page.getByRole('button', { name: `Signed in as ${persona.name}` })).toBeVisible();
}

export interface PersonaSession {
  context: BrowserContext;
  page: Page;
}

/** A browser context of a persona's own (cookies, storage), signed in. */
export async function openAs(
  browser: Browser,
  persona: Persona,
  options: SignInOptions = {},
): Promise<PersonaSession> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, persona, options);
  return { context, page };
}

export async function signOut(page: Page, persona: Persona): Promise<void> {
  await page.getByRole('button', { name: `Signed in as ${persona.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
}
