import { expect, test, type Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { callApi, createRequestByApi } from './support/api';
import { openAuditTool, searchRequester } from './support/audit-tool';
import { parseCsv } from './support/csv';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

/** The request ids behind the table's rows, from their timeline links (/requests/<id>). */
async function idsInTable(table: Locator): Promise<string[]> {
  const hrefs = await table
    .getByRole('link', { name: /^Timeline of / })
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => decodeURIComponent(href.replace(/^\/requests\//, '')));
}

test('an auditor filters the history, opens a timeline, and downloads a CSV of exactly that view', async ({
  browser,
}) => {
  // Bob's data-lake requests: one pending, one he cancelled.
  const bob = await openAs(browser, personas.bob);
  const kept = await createRequestByApi(bob.page, {
    accountId: '444444444444',
    roleName: 'PowerUser',
    justification: uniqueText('Re-run the nightly ingestion with the fixed schema'),
  });
  const cancelled = await createRequestByApi(bob.page, {
    accountId: '444444444444',
    roleName: 'ReadOnly',
    justification: uniqueText('Count rows in the raw zone, "quoted", with commas'),
  });
  const cancel = await callApi(
    bob.page,
    'POST',
    `/requests/${encodeURIComponent(cancelled.id)}/cancel`,
    { comment: 'Asked the data team instead.' },
  );
  expect(cancel.status()).toBe(200);
  await bob.context.close();

  const audrey = await openAuditTool(browser);
  const { page, table } = audrey;

  await searchRequester(page, personas.bob.email);
  await page.getByRole('button', { name: /^Account\b/ }).click();
  await page.getByRole('option', { name: /^data-lake/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('data-lake');
  const rows = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: /^Timeline of / }) });
  await expect(rows.filter({ hasNotText: 'data-lake' })).toHaveCount(0);
  await expect(rows.filter({ hasNotText: personas.bob.email })).toHaveCount(0);
  const shown = await idsInTable(table);
  expect(shown).toEqual(expect.arrayContaining([kept.id, cancelled.id]));

  // Narrow further by status: only the cancelled one of this run's pair is left.
  await page.getByRole('button', { name: /^Status\b/ }).click();
  await page.getByRole('option', { name: 'Cancelled', exact: true }).click();
  await expect(rows.filter({ hasNotText: 'Cancelled' })).toHaveCount(0);
  await expect.poll(() => idsInTable(table)).toContain(cancelled.id);
  const filtered = await idsInTable(table);
  expect(filtered).not.toContain(kept.id);

  // The CSV holds the same requests, in the same order, with the fields the table shows.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^elevate-audit-.*\.csv$/);
  const [header, ...records] = parseCsv(await readFile(await download.path(), 'utf8'));
  const column = (name: string) => (header ?? []).indexOf(name);
  expect(column('id')).toBeGreaterThanOrEqual(0);
  expect(records.map((record) => record[column('id')])).toEqual(filtered);
  for (const record of records) {
    expect(record[column('requesterEmail')]).toBe(personas.bob.email);
    expect(record[column('accountId')]).toBe('444444444444');
    expect(record[column('status')]).toBe('CANCELLED');
  }
  const ours = records.find((record) => record[column('id')] === cancelled.id);
  expect(ours?.[column('justification')]).toContain('"quoted", with commas');

  // The timeline: every event, who did it, and the comment.
  await page
    .getByRole('link', { name: /^Timeline of Bob Requester's ReadOnly in data-lake, requested / })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/requests/${cancelled.id}$`));
  const timeline = page.getByRole('table', { name: 'Timeline' });
  await expect(timeline.getByRole('row').filter({ hasText: 'Requested' })).toContainText(
    'Bob Requester',
  );
  await expect(timeline.getByRole('row').filter({ hasText: 'Cancelled' })).toContainText(
    'Asked the data team instead.',
  );
  await audrey.context.close();
});
