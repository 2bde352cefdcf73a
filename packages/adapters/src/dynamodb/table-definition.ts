import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/** The global secondary indexes of the single table; infra/ creates the same ones. */
export const TABLE_INDEXES = ['GSI1', 'GSI2', 'GSI3'] as const;
export type TableIndex = (typeof TABLE_INDEXES)[number];

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
    Projection: { ProjectionType: 'ALL' as const },
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
      `Table ${tableName} exists without the indexes ${missing.join(', ')}; it was not created by Elevate.`,
    );
};
