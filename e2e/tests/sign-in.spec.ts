import { expect, test } from '@playwright/test';
import { signInAs, signOut } from './support/sign-in';
import { personas, stack } from './support/stack';

test.describe('signing in through the dev IdP', () => {
  test('a requester signs in and sees the identity and groups the API verified', async ({
    page,
  }) => {
    await signInAs(page, personas.alice);
    await expect(page.getByRole('heading', { level: 2, name: 'Your identity' })).toBeVisible();
    await expect(
      page.getByRole('definition').filter({ hasText: /^alice@example\.com$/ }),
    ).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^engineers$/ })).toBeVisible();
    // The top bar's menu lists the same groups.
    await page.getByRole('button', { name: 'Signed in as Alice Requester' }).click();
    const groups = page.getByRole('menu').getByRole('group', { name: 'Your groups' });
    await expect(groups.getByRole('menuitem')).toHaveText(['engineers']);
  });

  test('a reviewer who signs in with MFA has both groups and MFA shown', async ({ page }) => {
    await signInAs(page, personas.rita, { mfa: true });
    // A reviewer's home is Reviews; the identity summary is on My access.
    await page.goto('/my-access');
    await expect(
      page.getByRole('definition').filter({ hasText: /^rita@example\.com$/ }),
    ).toBeVisible();
    const groups = page
      .getByRole('definition')
      .filter({ has: page.getByText('reviewers', { exact: true }) });
    await expect(groups).toContainText('engineers');
    await expect(page.getByRole('definition').filter({ hasText: /^Yes/ })).toBeVisible();
    await page.getByRole('button', { name: 'Signed in as Rita Reviewer' }).click();
    await expect(
      page.getByRole('menu').getByRole('group', { name: 'Your groups' }).getByRole('menuitem'),
    ).toHaveText(['reviewers', 'engineers']);
  });

  test('signing out ends the session in the SPA and at the IdP', async ({ page }) => {
    await signInAs(page, personas.audrey);
    await signOut(page, personas.audrey);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    // The IdP session is gone too: signing in again asks who you are instead of passing straight through.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign in as Audrey Auditor' })).toBeVisible();
  });

  test('the API refuses a call without tokens with a problem+json 401', async ({ request }) => {
    const res = await request.get(`${stack.apiUrl}/me`);
    expect(res.status()).toBe(401);
    expect(res.headers()['content-type']).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('TOKEN_MISSING');
  });
});
