// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dev-stack's ambient typing of dynalite, which its index pulls in; adapters' tsconfig covers only its own src.
/// <reference path="../../../dev-stack/src/dynamodb/dynalite.d.ts" />
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import { afterAll, beforeAll } from 'vitest';
import { DynamoDbSessionRecordRepository } from './dynamodb-session-record-repository';
import { InMemorySessionRecordRepository } from './in-memory-session-record-repository';
import { ensureTable } from './table-definition';
import { localClient } from './testing/local-client';
import { describeSessionRecordRepositoryContract } from './testing/session-record-repository-contract';

describeSessionRecordRepositoryContract('in-memory', async () => ({
  repository: new InMemorySessionRecordRepository(),
}));

let dynamo: RunningDynamoDb;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  client = localClient(dynamo.endpoint);
});

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

describeSessionRecordRepositoryContract('DynamoDB (dynalite)', async () => {
  const tableName = `elevate-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { repository: new DynamoDbSessionRecordRepository({ client, tableName }) };
});
