import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
type Key = { PK: string; SK: string };

/** DynamoDB's limits per call. */
const BATCH_WRITE_MAX = 25;
const BATCH_GET_MAX = 100;
/** Unprocessed items are throttling: retried with a growing pause, then the call fails. */
const MAX_ATTEMPTS = 8;

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));

/** The document client every store in this folder uses: plain JS values in and out. */
export const documentClientOf = (client: DynamoDBClient): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

/** Puts every item (BatchWriteItem, 25 a call), retrying what DynamoDB leaves unprocessed. */
export const batchWriteAll = async (
  documents: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
): Promise<void> => {
  for (let start = 0; start < items.length; start += BATCH_WRITE_MAX) {
    let requests = items
      .slice(start, start + BATCH_WRITE_MAX)
      .map((item) => ({ PutRequest: { Item: item } }));
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${requests.length} items`);
      if (attempt > 0) await pause(attempt);
      const output = await documents.send(
        new BatchWriteCommand({ RequestItems: { [table]: requests } }),
      );
      requests = (output.UnprocessedItems?.[table] ?? []).flatMap((request) =>
        request.PutRequest?.Item === undefined
          ? []
          : [{ PutRequest: { Item: request.PutRequest.Item } }],
      );
    }
  }
};

/**
 * Reads items by key (BatchGetItem, 100 a call) and returns them in the order of `keys`; a key
 * without an item is left out. BatchGetItem answers in any order, hence the map.
 */
export const batchGetInOrder = async (
  documents: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
): Promise<Item[]> => {
  const found = new Map<string, Item>();
  for (let start = 0; start < keys.length; start += BATCH_GET_MAX) {
    let pending: Key[] = keys.slice(start, start + BATCH_GET_MAX);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys`);
      if (attempt > 0) await pause(attempt);
      const output = await documents.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }),
      );
      for (const item of output.Responses?.[table] ?? [])
        found.set(`${String(item['PK'])}|${String(item['SK'])}`, item);
      pending = (output.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
    }
  }
  return keys.flatMap((key) => {
    const item = found.get(`${key.PK}|${key.SK}`);
    return item === undefined ? [] : [item];
  });
};
