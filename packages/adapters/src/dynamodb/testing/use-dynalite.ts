// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dev-stack's ambient typing of dynalite, which its index pulls in; adapters' tsconfig covers only its own src.
/// <reference path="../../../../dev-stack/src/dynamodb/dynalite.d.ts" />
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDb } from '@elevate/dev-stack';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { afterAll, beforeAll } from 'vitest';
import { ensureTable } from '../table-definition';
import { localClient } from './local-client';

export interface Dynalite {
  /** Available once the suite's `beforeAll` has run. */
  readonly client: DynamoDBClient;
  /** A new Elevate table with a random name, so shared partitions start empty. */
  freshTable(): Promise<string>;
}

/** One in-memory dynalite for the calling test file, started before its tests and closed after. */
export function useDynalite(configure?: (client: DynamoDBClient) => void): Dynalite {
  let dynamo: RunningDynamoDb | undefined;
  let client: DynamoDBClient | undefined;
  beforeAll(async () => {
    dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
    client = localClient(dynamo.endpoint);
    configure?.(client);
  });
  afterAll(async () => {
    client?.destroy();
    await dynamo?.close();
  });
  const started = (): DynamoDBClient => {
    if (client === undefined) throw new Error('dynalite is used before beforeAll has run');
    return client;
  };
  return {
    get client() {
      return started();
    },
    async freshTable() {
      const tableName = `elevate-${randomUUID()}`;
      await ensureTable(started(), tableName);
      return tableName;
    },
  };
}
