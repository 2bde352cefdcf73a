import { expect, test } from '@playwright/test';
import { openAs } from './support/sign-in';
import { personas } from './support/stack';

test('someone eligible for nothing is told why, and where to look', async ({ browser }) => {
  const nina = await openAs(browser, personas.nina);
  const { page } = nina;
  // Her home says it at once, and nothing invites her to a New request she may not make.
  await expect(page.getByRole('heading', { level: 1, name: 'My access' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Side navigation' })
      .getByRole('link', { name: 'New request' }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New request' })).toHaveCount(0);
  await expect(page.getByText('You cannot request access to anything yet')).toBeVisible();
  await expect(
    page.getByText(
      /No rule of Elevate’s policy grants a role to your groups \(your groups: contractors\)/,
    ),
  ).toBeVisible();
  // No form to fill in vain.
  await expect(page.getByRole('button', { name: 'Submit request' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Account\b/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'See the policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Policy' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/nothing|no rule/i);
  await nina.context.close();
});
