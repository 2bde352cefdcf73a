import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, DecisionReadModel } from '@elevate/domain';
import { decidersOf } from '@elevate/domain';
import { batchWriteAll, documentClientOf } from './batch-operations';
import { creationKeyOf } from './request-item';

/** Entries of the "my past decisions" read model live in the table under `DECIDER#<sub>`. */
export const DECIDER_PREFIX = 'DECIDER#';
export const ENTITY_DECIDER_ENTRY = 'DECIDER_ENTRY';

/**
 * The read model's entries for one request: `PK = DECIDER#<sub>`, `SK = <createdAt>#<id>` for each
 * of its deciders — exactly the sort key of the audit listings, so "my decisions in [from, to)" is
 * one key-condition Query. An entry holds no copy of the request (the listing fetches the items by
 * key), so a later transition never makes it stale, and writing it again changes nothing.
 */
export const deciderEntriesOf = (
  request: Pick<AccessRequest, 'id' | 'createdAt' | 'history'>,
): Record<string, unknown>[] =>
  decidersOf(request).map((sub) => ({
    PK: `${DECIDER_PREFIX}${sub}`,
    SK: creationKeyOf(request),
    entity: ENTITY_DECIDER_ENTRY,
    requestId: request.id,
  }));

/** The id of the request an entry points at (the sort key ends in `#<id>`). */
export const requestIdOfEntry = (entry: Record<string, unknown>): string => {
  const sortKey = String(entry['SK']);
  return sortKey.slice(25);
};

/**
 * Maintains the decider entries from the table's change stream (in AWS: the notifier Lambda's
 * event source; locally: the change feed). Puts are idempotent and entries are never removed —
 * deciders are only ever added to a request's history — so replays and rebuilds agree.
 */
export class DynamoDbDecisionReadModel implements DecisionReadModel {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = documentClientOf(options.client);
    this.#table = options.tableName;
  }

  /**
   * One PutItem per decider (a request has a few): the stream consumer needs no BatchWriteItem,
   * which IAM cannot keep from deleting.
   */
  async record(request: AccessRequest): Promise<void> {
    await Promise.all(
      deciderEntriesOf(request).map((entry) =>
        this.#documents.send(new PutCommand({ TableName: this.#table, Item: entry })),
      ),
    );
  }

  /** The entries of many requests in batches of 25 (operator's rebuild, bulk load). */
  async recordAll(requests: readonly AccessRequest[]): Promise<number> {
    const entries = requests.flatMap(deciderEntriesOf);
    await batchWriteAll(this.#documents, this.#table, entries);
    return entries.length;
  }
}
