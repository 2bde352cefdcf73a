import type { Locator, Page } from '@playwright/test';

/**
 * The page's flash messages, by role and name (the Flashbar's list "Messages"). The announcer's
 * live region repeats each message for screen readers; looking inside this list finds the one a
 * person sees, exactly once, with no `.first()` to pick between them.
 */
const flashMessages = (page: Page): Locator => page.getByRole('list', { name: 'Messages' });

/** The flash message containing this text. */
export const flash = (page: Page, text: string | RegExp): Locator =>
  flashMessages(page).getByText(text);
