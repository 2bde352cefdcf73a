import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { importIntoDynalite } from './import-into-dynalite';
import { startDynamoDb } from './start-dynamodb';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const TABLE = 'imported';

function client(endpoint: string) {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

const itemOf = (
  id: string,
  extra: Record<string, AttributeValue> = {},
): Record<string, AttributeValue> => ({
  PK: { S: `REQUEST#${id}` },
  SK: { S: 'REQUEST' },
  status: { S: 'PENDING' },
  nested: { M: { list: { L: [{ N: '1' }, { S: 'two' }] }, flag: { BOOL: true } } },
  ...extra,
});

/** One page of an index partition (`GSI<n>PK = partition`), from `start` when given. */
const queryIndex = (
  db: DynamoDBClient,
  index: 'GSI1' | 'GSI2',
  partition: string,
  start?: Record<string, AttributeValue>,
) =>
  db.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk`,
      ExpressionAttributeValues: { ':pk': { S: partition } },
      ...(start === undefined ? {} : { ExclusiveStartKey: start }),
    }),
  );

/** A data folder holding an empty table with a whole-item index and a keys-and-one-attribute index. */
async function folderWithTable(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'elevate-import-'));
  dirs.push(dataDir);
  const dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0, dataDir });
  const db = client(dynamo.endpoint);
  await db.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'GSI2',
          KeySchema: [
            { AttributeName: 'GSI2PK', KeyType: 'HASH' },
            { AttributeName: 'GSI2SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] },
        },
      ],
    }),
  );
  await waitUntilTableExists(
    { client: db, maxWaitTime: 10, minDelay: 1, maxDelay: 1 },
    { TableName: TABLE },
  );
  await dynamo.close();
  return dataDir;
}

describe('importIntoDynalite', () => {
  it('stores items and their index entries exactly as dynalite does for a PutItem', async () => {
    const dataDir = await folderWithTable();
    const keys = (id: string) => ({
      GSI1PK: { S: 'ALL' },
      GSI1SK: { S: id },
      GSI2PK: { S: 'SOME' },
      GSI2SK: { S: id },
    });
    const put = itemOf('a', keys('a'));
    const imported = itemOf('b', keys('b'));
    const sparse = itemOf('c', { GSI1PK: { S: 'ALL' }, GSI1SK: { S: 'c' } });

    // Imported first (into the empty table), then one put through dynalite's API beside them.
    const count = await importIntoDynalite(dataDir, TABLE, {
      count: 2,
      itemsAt: (i) => [[imported, sparse][i] ?? imported],
    });
    expect(count).toBe(2);
    const dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0, dataDir });
    await client(dynamo.endpoint).send(new PutItemCommand({ TableName: TABLE, Item: put }));
    const db = client(dynamo.endpoint);
    try {
      const got = await db.send(
        new GetItemCommand({
          TableName: TABLE,
          Key: { PK: { S: 'REQUEST#b' }, SK: { S: 'REQUEST' } },
        }),
      );
      expect(got.Item).toEqual(imported);
      const whole = await queryIndex(db, 'GSI1', 'ALL');
      expect(whole.Items).toEqual([put, imported, sparse]);
      const some = await queryIndex(db, 'GSI2', 'SOME');
      // The keys and the one projected attribute, the put and the imported item alike; no entry for
      // the item without GSI2's keys.
      const projected = (item: Record<string, AttributeValue>) => ({
        PK: item.PK,
        SK: item.SK,
        GSI2PK: item.GSI2PK,
        GSI2SK: item.GSI2SK,
        status: item.status,
      });
      expect(some.Items).toEqual([projected(put), projected(imported)]);
      const scanned = await db.send(new ScanCommand({ TableName: TABLE }));
      expect(scanned.Count).toBe(3);
    } finally {
      await dynamo.close();
    }
  });

  it('imports many items given in any order, all readable page by page in index order', async () => {
    const dataDir = await folderWithTable();
    const ids = Array.from({ length: 5_000 }, (_, i) => `r-${String(i).padStart(5, '0')}`);
    await importIntoDynalite(dataDir, TABLE, {
      count: ids.length,
      // Newest first, as nothing sorts them for the import.
      itemsAt: (i) => {
        const id = ids[ids.length - 1 - i] ?? '';
        return [itemOf(id, { GSI1PK: { S: 'ALL' }, GSI1SK: { S: id } })];
      },
    });
    const dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0, dataDir });
    try {
      const db = client(dynamo.endpoint);
      const found: string[] = [];
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await queryIndex(db, 'GSI1', 'ALL', start);
        found.push(...(page.Items ?? []).map((item) => item['GSI1SK']?.S ?? ''));
        start = page.LastEvaluatedKey;
      } while (start !== undefined);
      expect(found).toEqual(ids);
      const one = await db.send(
        new GetItemCommand({
          TableName: TABLE,
          Key: { PK: { S: 'REQUEST#r-04321' }, SK: { S: 'REQUEST' } },
        }),
      );
      expect(one.Item?.['GSI1SK']?.S).toBe('r-04321');
    } finally {
      await dynamo.close();
    }
  });

  it("refuses an item without the table's key, with dynalite's reason", async () => {
    const dataDir = await folderWithTable();
    const { SK: _sk, ...keyless } = itemOf('x');
    await expect(
      importIntoDynalite(dataDir, TABLE, { count: 1, itemsAt: () => [keyless] }),
    ).rejects.toThrow(/Missing the key SK/);
    // The folder was let go: it opens again.
    expect(await importIntoDynalite(dataDir, TABLE, { count: 0, itemsAt: () => [] })).toBe(0);
  });

  it('refuses a table that already holds items', async () => {
    const dataDir = await folderWithTable();
    await importIntoDynalite(dataDir, TABLE, { count: 1, itemsAt: () => [itemOf('first')] });
    await expect(
      importIntoDynalite(dataDir, TABLE, { count: 1, itemsAt: () => [itemOf('second')] }),
    ).rejects.toThrow(/is not empty/);
  });

  it('refuses a folder without the table', async () => {
    const dataDir = await folderWithTable();
    await expect(
      importIntoDynalite(dataDir, 'missing', { count: 0, itemsAt: () => [] }),
    ).rejects.toThrow(/no table missing/);
  });
});
