import { expect, type Locator, type Page } from '@playwright/test';

/** Whether this element has the keyboard focus now. */
export const isFocused = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement);

/**
 * Presses Tab (keyboard only, no mouse) until `target` has the focus; returns how many presses it
 * took, so a journey can also say how far away something is.
 */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  await expect(target).toBeVisible();
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return presses;
  }
  throw new Error(`Not reached with ${max} presses of Tab`);
}

/** The element the keyboard focus is on, by its accessible text, for failure messages. */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '(nothing)';
    return `${element.tagName.toLowerCase()}#${element.id} ${element.getAttribute('aria-label') ?? element.textContent.slice(0, 80)}`;
  });
}
