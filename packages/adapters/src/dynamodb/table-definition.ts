import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/** The global secondary indexes of the single table; infra/ creates the same ones. */
export const TABLE_INDEXES = [
  'GSI1',
  'GSI2',
  'GSI3',
  'GSI4',
  'GSI5',
  'GSI6',
  'GSI7',
  'GSI8',
  'GSI9',
  'GSI10',
] as const;
export type TableIndex = (typeof TABLE_INDEXES)[number];

/**
 * The table's TTL attribute (epoch seconds; infra enables TTL on it). Only short-lived bookkeeping
 * carries it — accepted Slack signatures, the sweeper's schedule entries — never a request, session,
 * history, idempotency key or delivery marker:
 * audit history is the product. A dedicated name, so no other item's field is ever read as a TTL.
 */
export const TABLE_TTL_ATTRIBUTE = 'ttlEpochSeconds';

/**
 * The attributes a filter index carries besides the keys: what a second filter of the same page is
 * checked against, so a page reads index entries (small) and then fetches only the page's items.
 */
export const FILTER_INDEX_ATTRIBUTES = [
  'status',
  'accountId',
  'roleName',
  'requesterEmailLower',
  'ticketLower',
  'GSI1PK',
] as const;

/**
 * How much of each item an index holds. GSI1–3 (requester, queues, audit months) hold whole items:
 * their pages are read straight from the index. GSI4–10 (one per filter, and account × status) hold keys and the filter
 * attributes only, and a page fetches its items by key (BatchGetItem) — two reads of about one
 * page each, instead of a ninefold copy of every request.
 */
export const INDEX_PROJECTIONS: Record<TableIndex, 'ALL' | 'FILTER_ATTRIBUTES'> = {
  GSI1: 'ALL',
  GSI2: 'ALL',
  GSI3: 'ALL',
  GSI4: 'FILTER_ATTRIBUTES',
  GSI5: 'FILTER_ATTRIBUTES',
  GSI6: 'FILTER_ATTRIBUTES',
  GSI7: 'FILTER_ATTRIBUTES',
  GSI8: 'FILTER_ATTRIBUTES',
  GSI9: 'FILTER_ATTRIBUTES',
  GSI10: 'FILTER_ATTRIBUTES',
};

/** The single Elevate table: `PK`/`SK` strings, GSI1–3 on `GSI<n>PK`/`GSI<n>SK`, projection ALL, on demand. */
export const elevateTableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'PK', AttributeType: 'S' },
    { AttributeName: 'SK', AttributeType: 'S' },
    ...TABLE_INDEXES.flatMap((index) => [
      { AttributeName: `${index}PK`, AttributeType: 'S' as const },
      { AttributeName: `${index}SK`, AttributeType: 'S' as const },
    ]),
  ],
  KeySchema: [
    { AttributeName: 'PK', KeyType: 'HASH' },
    { AttributeName: 'SK', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
    IndexName: index,
    KeySchema: [
      { AttributeName: `${index}PK`, KeyType: 'HASH' as const },
      { AttributeName: `${index}SK`, KeyType: 'RANGE' as const },
    ],
    Projection:
      INDEX_PROJECTIONS[index] === 'ALL'
        ? { ProjectionType: 'ALL' as const }
        : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...FILTER_INDEX_ATTRIBUTES] },
  })),
});

/**
 * Creates the table unless it exists, then waits until it is ACTIVE. Local stack and tests only;
 * in AWS the CDK stack owns the table. Refuses a table of that name that lacks the indexes.
 */
export const ensureTable = async (
  client: DynamoDBClient,
  tableName: string,
  maxWaitSeconds = 30,
): Promise<void> => {
  try {
    await client.send(new CreateTableCommand(elevateTableDefinition(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists(
    { client, maxWaitTime: maxWaitSeconds, minDelay: 1, maxDelay: 2 },
    { TableName: tableName },
  );
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const indexes = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = TABLE_INDEXES.filter((index) => !indexes.has(index));
  if (missing.length > 0)
    throw new Error(
      `Table ${tableName} exists without the indexes ${missing.join(', ')}: it was not created by this version of Elevate. ` +
        'Locally, remove the DynamoDB data folder (.data/dynamodb) and run pnpm setup again; in AWS the CDK stack adds them.',
    );
};
