import { expect, test } from '@playwright/test';
import { chooseIdentity, signOut } from './support/sign-in';
import { personas } from './support/stack';

// Every page of the signed-in area, as an admin (who may open them all) reaches it; `/` is an
// admin's home, Active access.
const pages = [
  { path: '/', heading: 'Active access' },
  { path: '/my-access', heading: 'My access' },
  { path: '/requests/new', heading: 'New request' },
  { path: '/reviews?status=pending', heading: 'Reviews' },
  { path: '/audit', heading: 'Audit' },
  { path: '/policy', heading: 'Policy' },
] as const;

test.describe('signing out', () => {
  for (const { path, heading } of pages) {
    test(`from ${path} ends the session here and at the IdP; back, reload and the next visit ask for a sign-in`, async ({
      page,
    }) => {
      await page.goto(path);
      if (path === '/') await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await chooseIdentity(page, personas.adam);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();

      await signOut(page, personas.adam);
      // The front door, not a new sign-in that the IdP would wave through.
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      await expect(page).toHaveTitle(/Elevate/);
      await expect(page).not.toHaveTitle(/dev IdP/);

      // Back and a reload: no session comes back (whatever page history holds, nobody is signed in).
      await page.goBack();
      await page.reload();
      // Wait for where that lands to settle: the front door's Sign in, the IdP's sign-in page (where
      // the app sends a deep link without a session), or the IdP refusing to replay the sign-in it
      // has already finished (when back goes to its page).
      await expect(
        page
          .getByRole('button', { name: 'Sign in', exact: true })
          .or(page.getByRole('button', { name: `Sign in as ${personas.adam.name}` }))
          .or(page.getByRole('heading', { level: 1, name: 'Sign-in request refused' }))
          .first(),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: /^Signed in as/ })).toHaveCount(0);
      expect(
        await page.evaluate(() =>
          Object.keys(window.sessionStorage).filter((key) => key.startsWith('oidc.user:')),
        ),
      ).toEqual([]);

      // The next visit to the page asks again as well.
      await page.goto(path);
      if (path === '/') {
        await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      }
      await expect(page).toHaveTitle(/Elevate dev IdP/);
    });
  }
});
