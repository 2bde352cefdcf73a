import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamoDb } from './start-dynamodb';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function client(endpoint: string) {
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

describe('startDynamoDb', () => {
  it('keeps items across a restart when given a data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elevate-ddb-'));
    dirs.push(dataDir);
    const first = await startDynamoDb({ host: '127.0.0.1', port: 0, dataDir });
    const db = client(first.endpoint);
    await db.send(
      new CreateTableCommand({
        TableName: 'kept-items',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    await db.send(new PutItemCommand({ TableName: 'kept-items', Item: { pk: { S: 'kept' } } }));
    await first.close();

    const second = await startDynamoDb({ host: '127.0.0.1', port: 0, dataDir });
    const got = await client(second.endpoint).send(
      new GetItemCommand({ TableName: 'kept-items', Key: { pk: { S: 'kept' } } }),
    );
    await second.close();
    expect(got.Item?.pk?.S).toBe('kept');
  });

  it('listens on the loopback address it was given', async () => {
    const db = await startDynamoDb({ host: '127.0.0.1', port: 0 });
    expect(db.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await db.close();
  });
});
