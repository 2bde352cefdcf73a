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
 * The single Elevate table: `PK`/`SK` strings, GSI1–10 on `GSI<n>PK`/`GSI<n>SK`, on demand. Every
 * index holds whole items, so every page is one Query (decision 0008); a listing's
 * ProjectionExpression keeps what it reads to what a list shows.
 */
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
    Projection: { ProjectionType: 'ALL' as const },
  })),
});

/**
 * Creates the table unless it exists, then waits until it is ACTIVE. Local stack and tests only;
 * in AWS the CDK stack owns the table. Refuses a table of that name that lacks the indexes or holds
 * less than whole items in one (an earlier version's keys-only filter indexes): its pages would
 * come back without the requests' fields.
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
  const projections = new Map(
    (Table?.GlobalSecondaryIndexes ?? []).map((index) => [
      index.IndexName,
      index.Projection?.ProjectionType,
    ]),
  );
  const missing = TABLE_INDEXES.filter((index) => !projections.has(index));
  const partial = TABLE_INDEXES.filter(
    (index) => projections.has(index) && projections.get(index) !== 'ALL',
  );
  const problems = [
    ...(missing.length > 0 ? [`without the indexes ${missing.join(', ')}`] : []),
    ...(partial.length > 0 ? [`with less than whole items in ${partial.join(', ')}`] : []),
  ];
  if (problems.length > 0)
    throw new Error(
      `Table ${tableName} exists ${problems.join(' and ')}: it was not created by this version of Elevate. ` +
        'Locally, remove the DynamoDB data folder (.data/dynamodb; for pnpm bench:api, run it with --fresh) and run pnpm setup again; ' +
        'in AWS, add or re-create the indexes one deploy at a time (docs/data-model.md, "Upgrading").',
    );
};
