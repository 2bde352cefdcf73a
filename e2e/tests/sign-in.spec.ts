import { expect, test } from '@playwright/test';
import { signInAs, signOut } from './support/sign-in';

test.describe('signing in through the dev IdP', () => {
  test('a requester signs in and sees the identity and groups the API verified', async ({ page }) => {
    await signInAs(page, 'Alice Requester');
    const identity = page.getByRole('region', { name: 'Your identity' }).or(page.locator('main'));
    await expect(identity.getByText('alice@example.com').first()).toBeVisible();
    await expect(identity.getByText('engineers', { exact: true })).toBeVisible();
    await page.screenshot({ path: '../.data/test-results/screenshots/my-identity.png', fullPage: true });
  });

  test('a reviewer who signs in with MFA has both groups and MFA shown', async ({ page }) => {
    await signInAs(page, 'Rita Reviewer', { mfa: true });
    await expect(page.getByText('reviewers', { exact: true })).toBeVisible();
    await expect(page.getByText('engineers', { exact: true })).toBeVisible();
    await expect(page.getByText('rita@example.com').first()).toBeVisible();
  });

  test('signing out ends the session in the SPA and at the IdP', async ({ page }) => {
    await signInAs(page, 'Audrey Auditor');
    await signOut(page, 'Audrey Auditor');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    // The IdP session is gone too: signing in again asks who you are instead of passing straight through.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign in as Audrey Auditor' })).toBeVisible();
  });

  test('the API refuses a call without tokens with a problem+json 401', async ({ request }) => {
    const { stack } = await import('./support/stack');
    const res = await request.get(`${stack.apiUrl}/me`);
    expect(res.status()).toBe(401);
    expect(res.headers()['content-type']).toContain('application/problem+json');
    expect((await res.json()).code).toBe('TOKEN_MISSING');
  });
});
