import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { callApi, createRequestByApi, decideByApi } from './support/api';
import { openAuditTool, searchRequester } from './support/audit-tool';
import { parseCsv } from './support/csv';
import { openAs } from './support/sign-in';
import { personas, uniqueText } from './support/stack';

test('audit filters survive opening a request and going back, and the CSV holds its sessions', async ({
  browser,
}) => {
  const bob = await openAs(browser, personas.bob);
  const created = await createRequestByApi(bob.page, {
    accountId: '111111111111',
    roleName: 'ReadOnly',
    justification: uniqueText('Read the failing job logs'),
  });
  const rita = await openAs(browser, personas.rita);
  await decideByApi(rita.page, created.id, 'approve', 'Go ahead.');
  await rita.context.close();
  const session = await callApi(
    bob.page,
    'POST',
    `/requests/${encodeURIComponent(created.id)}/sessions`,
    { kind: 'cli' },
  );
  expect(session.status()).toBe(201);
  const { accessKeyId } = ((await session.json()) as { credentials: { accessKeyId: string } })
    .credentials;
  await bob.context.close();

  const audrey = await openAuditTool(browser);
  const { page, table } = audrey;
  await searchRequester(page, personas.bob.email);
  await page.getByRole('button', { name: /^Account\b/ }).click();
  await page.getByRole('option', { name: /^sandbox/ }).click();
  await expect(page).toHaveURL(/requester=bob%40example\.com/);
  await expect(page).toHaveURL(/account=111111111111/);
  const link = table.getByRole('link', {
    name: /^Timeline of Bob Requester's ReadOnly in sandbox/,
  });
  await expect(link.first()).toBeVisible();

  // The CSV of this view holds the session, with its CloudTrail link.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const [header, ...records] = parseCsv(await readFile(await download.path(), 'utf8'));
  const column = (name: string) => (header ?? []).indexOf(name);
  const ours = records.find((record) => record[column('id')] === created.id);
  expect(ours?.[column('sessions')]).toContain(`cli ${accessKeyId} issued `);
  expect(ours?.[column('sessions')]).toContain(`AccessKeyId=${accessKeyId}`);
  expect(ours?.[column('decisions')]).toContain('Go ahead.');

  // Open the request (its sessions link to CloudTrail), then go back: the filters are still set.
  await table.locator(`a[href="/requests/${encodeURIComponent(created.id)}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${created.id}$`));
  await expect(
    page.getByRole('link', { name: new RegExp(`^CloudTrail event history of ${accessKeyId}`) }),
  ).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Requester' })).toHaveValue(personas.bob.email);
  await expect(page.getByRole('button', { name: /^Account\b/ })).toContainText('sandbox');
  await expect(link.first()).toBeVisible();
  const rows = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: /^Timeline of / }) });
  await expect(rows.filter({ hasNotText: personas.bob.email })).toHaveCount(0);

  // Reload keeps them too.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Requester' })).toHaveValue(personas.bob.email);
  await audrey.context.close();
});

test('audit page, order and search survive opening a request, going back and reloading; a partial name finds the requester', async ({
  browser,
}) => {
  // 27 requests under one ticket prefix of this run: more than one page of 25.
  const prefix = `AUD${Date.now().toString(36).toUpperCase()}-`;
  const justification = uniqueText('Rotate the paging keys');
  const bob = await openAs(browser, personas.bob);
  for (let n = 1; n <= 27; n += 1)
    await createRequestByApi(bob.page, {
      accountId: '111111111111',
      roleName: 'ReadOnly',
      justification,
      ticket: `${prefix}${String(n).padStart(2, '0')}`,
    });
  await bob.context.close();

  const audrey = await openAuditTool(browser);
  const { page, table } = audrey;
  const rows = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: /^Timeline of / }) });
  // Part of the name: the people record knows Bob from his sign-in.
  await searchRequester(page, 'bob');
  // Enter applies the requester search at once: it is in the URL.
  await expect(page).toHaveURL(/requester=bob(&|$)/);
  await page.getByRole('button', { name: 'Ticket match' }).click();
  await page.getByRole('option', { name: 'Starts with' }).click();
  await page.getByRole('searchbox', { name: 'Ticket' }).fill(prefix.toLowerCase());
  await page.getByRole('searchbox', { name: 'Ticket' }).press('Enter');
  await expect(page).toHaveURL(/ticketMatch=prefix/);
  await expect(page).toHaveURL(/requester=bob(&|$)/);
  await expect(rows).toHaveCount(25);
  await expect(rows.filter({ hasNotText: personas.bob.email })).toHaveCount(0);

  // Oldest first, then the second page: the two newest of the 27.
  await table.getByRole('columnheader', { name: /Requested/ }).click();
  await expect(page).toHaveURL(/order=oldest/);
  await expect(table).toContainText(`${prefix}01`);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2&cursor=/);
  await expect(rows).toHaveCount(2);
  const secondPage = await rows
    .getByRole('link', { name: /^Timeline of / })
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(secondPage).toHaveLength(2);
  const pageUrl = page.url();

  // Open a request of that page, then go back: the same page of the same view.
  await rows
    .getByRole('link', { name: /^Timeline of / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/requests\//);
  await page.goBack();
  expect(page.url()).toBe(pageUrl);
  await expect(rows).toHaveCount(2);
  const sameLinks = async () =>
    rows
      .getByRole('link', { name: /^Timeline of / })
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(await sameLinks()).toEqual(secondPage);
  await expect(page.getByRole('searchbox', { name: 'Requester' })).toHaveValue('bob');
  await expect(page.getByRole('searchbox', { name: 'Ticket' })).toHaveValue(prefix.toLowerCase());

  // Reload: still that page, and "previous" still leads to the first.
  await page.reload();
  await expect(rows).toHaveCount(2);
  expect(await sameLinks()).toEqual(secondPage);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(rows).toHaveCount(25);
  await expect(page).not.toHaveURL(/page=/);
  await expect(table).toContainText(`${prefix}01`);
  await audrey.context.close();
});

test('the verifier endpoint reports an untouched signed day as intact', async ({ browser }) => {
  const audrey = await openAs(browser, personas.audrey);
  // The local API signs yesterday's digest (UTC) when it starts.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await expect
    .poll(async () => {
      const response = await callApi(
        audrey.page,
        'GET',
        `/audit/integrity?from=${yesterday}&to=${yesterday}`,
      );
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { days: { status: string }[] };
      return body.days[0]?.status;
    })
    .toBe('INTACT');
  const response = await callApi(
    audrey.page,
    'GET',
    `/audit/integrity?from=${yesterday}&to=${yesterday}`,
  );
  const report = (await response.json()) as { intact: boolean; proven: boolean };
  expect(report).toMatchObject({ intact: true, proven: true });
  await audrey.context.close();
});
