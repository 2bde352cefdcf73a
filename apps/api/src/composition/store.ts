import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStoreClient } from '@elevate/adapters';

/**
 * The table every DynamoDB adapter of a process shares, in the `{ client, tableName }` shape their
 * constructors take. One client per process (one connection pool, one set of deadlines), made on
 * first use, so a composition whose stores are all replaced (tests) never builds one.
 */
export interface Store {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Closes the client if one was made (operator commands, so the process can exit). */
  close(): void;
}

export function openStore(dynamodb: { endpoint: string | undefined; tableName: string }): Store {
  let client: DynamoDBClient | undefined;
  return {
    get client() {
      return (client ??= createStoreClient(dynamodb.endpoint));
    },
    tableName: dynamodb.tableName,
    close: () => client?.destroy(),
  };
}
