import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
type Key = { PK: string; SK: string };

/** A ProjectionExpression and its names (placeholders: some attributes are reserved words). */
export interface ItemProjection {
  readonly expression: string;
  readonly names: Readonly<Record<string, string>>;
}

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

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

/** Writes every request (BatchWriteItem, 25 a call), retrying what DynamoDB leaves unprocessed. */
const batchWrite = async (
  documents: DynamoDBDocumentClient,
  table: string,
  all: readonly WriteRequest[],
): Promise<void> => {
  for (let start = 0; start < all.length; start += BATCH_WRITE_MAX) {
    let requests = all.slice(start, start + BATCH_WRITE_MAX);
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${requests.length} items`);
      if (attempt > 0) await pause(attempt);
      const output = await documents.send(
        new BatchWriteCommand({ RequestItems: { [table]: [...requests] } }),
      );
      requests = (output.UnprocessedItems?.[table] ?? []).flatMap((request): WriteRequest[] => {
        if (request.PutRequest?.Item !== undefined)
          return [{ PutRequest: { Item: request.PutRequest.Item } }];
        if (request.DeleteRequest?.Key !== undefined)
          return [{ DeleteRequest: { Key: request.DeleteRequest.Key as Key } }];
        return [];
      });
    }
  }
};

/** Puts every item (BatchWriteItem, 25 a call). */
export const batchWriteAll = (
  documents: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
): Promise<void> =>
  batchWrite(
    documents,
    table,
    items.map((item) => ({ PutRequest: { Item: item } })),
  );

/**
 * Deletes every key (BatchWriteItem, 25 a call). Only the local stack's own bookkeeping uses it:
 * the deployed functions have no BatchWriteItem grant (it would let them delete history).
 */
export const batchDeleteAll = (
  documents: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
): Promise<void> =>
  batchWrite(
    documents,
    table,
    keys.map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } })),
  );

const idOf = (key: { PK: unknown; SK: unknown }) => `${String(key.PK)}|${String(key.SK)}`;

/**
 * Reads items by key (BatchGetItem, 100 a call), strongly consistent when asked; answers a lookup
 * by key, since BatchGetItem answers in any order and leaves out keys without an item.
 */
export const batchGetByKey = async (
  documents: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
  options: {
    consistent?: boolean;
    /** Only these attributes (the key must be among them: answers are matched by it). */
    projection?: ItemProjection;
  } = {},
): Promise<(key: Key) => Item | undefined> => {
  const found = new Map<string, Item>();
  // BatchGetItem refuses a key twice in one call.
  const unique = [...new Map(keys.map((key) => [idOf(key), { PK: key.PK, SK: key.SK }])).values()];
  for (let start = 0; start < unique.length; start += BATCH_GET_MAX) {
    let pending: Key[] = unique.slice(start, start + BATCH_GET_MAX);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys`);
      if (attempt > 0) await pause(attempt);
      const output = await documents.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: pending,
              ...(options.consistent ? { ConsistentRead: true } : {}),
              ...(options.projection === undefined
                ? {}
                : {
                    ProjectionExpression: options.projection.expression,
                    ExpressionAttributeNames: { ...options.projection.names },
                  }),
            },
          },
        }),
      );
      for (const item of output.Responses?.[table] ?? [])
        found.set(idOf({ PK: item['PK'], SK: item['SK'] }), item);
      pending = (output.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
    }
  }
  return (key) => found.get(idOf(key));
};

/** Reads items by key (BatchGetItem) and returns them in the order of `keys`, leaving out the missing. */
export const batchGetInOrder = async (
  documents: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
  projection?: ItemProjection,
): Promise<Item[]> => {
  const itemOf = await batchGetByKey(
    documents,
    table,
    keys,
    projection === undefined ? {} : { projection },
  );
  return keys.flatMap((key) => {
    const item = itemOf(key);
    return item === undefined ? [] : [item];
  });
};
