import type { Page } from '@playwright/test';
import { screenshotDir } from './stack';

/** The viewport as a person sees it (1280×800), once the page has settled; not the whole page. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({
    path: `${screenshotDir}/${name}.png`,
    animations: 'disabled',
    caret: 'hide',
  });
}
