import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (let i = 0; i < 3; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  let n = 0; page.on('request', () => n++);
  const t = [Date.now()];
  await page.goto('http://127.0.0.1:5273/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor(); t.push(Date.now());
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Alice Requester' }).waitFor(); t.push(Date.now());
  await page.getByRole('button', { name: 'Sign in as Alice Requester' }).click();
  await page.getByRole('button', { name: 'Signed in as Alice Requester' }).waitFor(); t.push(Date.now());
  await page.getByRole('heading', { name: /My requests \(/ }).waitFor(); t.push(Date.now());
  console.log(t.slice(1).map((x, i) => x - t[i]), n);
  await ctx.close();
}
await browser.close();
