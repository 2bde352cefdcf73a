import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { createStoreClient, ensureTable, OUTBOX_PARTITION } from '@elevate/adapters';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import { EXAMPLE_POLICY_FILE, pendingSandbox } from '@elevate/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../composition/store';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { stubAwsCredentials } from '../testing/store-backed-config';
import { startLocalNotifications } from './local-notifications';

let dynamo: RunningDynamoDb;
let dataDir: string;
beforeAll(async () => {
  stubAwsCredentials();
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'elevate-local-notifications-'));
});
afterAll(async () => {
  await dynamo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** How many outbox entries a request write leaves behind while nothing delivers them. */
async function outboxEntriesAfterAWrite(localJobs: 'on' | 'off'): Promise<number> {
  const table = `local-${localJobs}`;
  const config = loadNotificationsConfig({
    ...process.env,
    ELEVATE_DYNAMODB_ENDPOINT: dynamo.endpoint,
    ELEVATE_TABLE_NAME: table,
    ELEVATE_POLICY_FILE: EXAMPLE_POLICY_FILE,
    ELEVATE_DATA_DIR: dataDir,
    ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:9173',
    ELEVATE_LOCAL_JOBS: localJobs,
  });
  const store = openStore(config.dynamodb);
  await ensureTable(store.client, table);
  const local = startLocalNotifications(config, store, createJsonLogger({ level: 'silent' }));
  // Not started: whatever the write hands the outbox stays in the table.
  await local.repository.create(pendingSandbox());
  const { Count } = await createStoreClient(dynamo.endpoint).send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: OUTBOX_PARTITION } },
    }),
  );
  await local.stop();
  return Count ?? 0;
}

describe('the local notifications', () => {
  it('record every request write in the outbox for the in-process consumers', async () => {
    expect(await outboxEntriesAfterAWrite('on')).toBe(1);
  });

  it('with the local jobs off, leave the API alone: no outbox, as a function in AWS', async () => {
    expect(await outboxEntriesAfterAWrite('off')).toBe(0);
  });
});
