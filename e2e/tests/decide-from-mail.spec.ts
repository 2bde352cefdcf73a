import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { requestThroughUi } from './support/my-access';
import { chooseIdentity, openAs } from './support/sign-in';
import type { Persona } from './support/stack';
import { personas, stack, uniqueText } from './support/stack';

/** A persona's dev mailbox (the local stand-in for SES) in a browser of their own, not signed in. */
async function openMailbox(
  browser: Browser,
  persona: Persona,
  mentioning: string,
  subject: RegExp,
): Promise<{ page: Page; message: Locator; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const message = page
    .getByRole('article')
    .filter({ hasText: mentioning })
    .filter({ has: page.getByRole('heading', { level: 2, name: subject }) });
  // The notifier delivers after the request is stored: reload the mailbox, as a person would, until
  // the message is there (the page is static HTML, complete once loaded).
  await expect(async () => {
    await page.goto(`${stack.apiUrl}/dev/mailbox/${encodeURIComponent(persona.email)}`);
    expect(await message.count()).toBe(1);
  }).toPass({ timeout: 20_000 });
  return { page, message, close: () => context.close() };
}

test('Rita opens the link in her e-mail, lands in the decision dialog and approves; Alice’s e-mail opens her request', async ({
  browser,
}) => {
  const justification = uniqueText('Rotate the sandbox signing keys after the audit');
  const alice = await openAs(browser, personas.alice);
  await requestThroughUi(alice.page, {
    accountSearch: 'sandbox',
    accountName: 'sandbox',
    roleName: 'ReadOnly',
    justification,
  });
  await alice.context.close();

  // Rita's e-mail is the rendered HTML SES would send; its one button goes to this very request.
  const ritaMail = await openMailbox(browser, personas.rita, justification, /Review: Alice/);
  const email = ritaMail.message.frameLocator('iframe');
  await expect(email.getByText(justification)).toBeVisible();
  const button = email.getByRole('link', { name: 'Review it in Elevate' });
  await expect(button).toHaveAttribute('href', /\/requests\/[\w-]+\?decide=1$/);
  await button.click();

  // Not signed in yet: through the IdP and back to the request, with its decision dialog open.
  const page = ritaMail.page;
  await chooseIdentity(page, personas.rita);
  const dialog = page.getByRole('dialog', { name: 'Approve this request?' });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/requests\/[\w-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ReadOnly');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  const requestPath = new URL(page.url()).pathname;
  await ritaMail.close();

  // Alice's mailbox has the decision, and its button opens her request (no dialog for her).
  const aliceMail = await openMailbox(browser, personas.alice, justification, /Approved:/);
  const decision = aliceMail.message.frameLocator('iframe');
  await expect(decision.getByText('Rita Reviewer approved')).toBeVisible();
  const open = decision.getByRole('link', { name: 'Your request in Elevate' });
  await expect(open).toHaveAttribute('href', new RegExp(`${requestPath}$`));
  await open.click();
  await chooseIdentity(aliceMail.page, personas.alice);
  await expect(aliceMail.page).toHaveURL(new RegExp(`${requestPath}$`));
  await expect(aliceMail.page.getByRole('heading', { level: 1 })).toContainText('ReadOnly');
  await expect(aliceMail.page.getByRole('dialog')).toHaveCount(0);
  await aliceMail.close();
});
