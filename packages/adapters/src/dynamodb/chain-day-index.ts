import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { chainEntriesOfItems } from './audit-chain-reader';
import { documentClientOf } from './batch-operations';
import { requestIdOfStreamRecord } from './request-stream-key';

const DAY_PREFIX = 'CHAINDAY#';
const ENTITY_CHAIN_DAY = 'CHAIN_DAY';
/** From which UTC day on the index is complete: the first whole day after it was first kept. */
const SINCE_KEY = { PK: 'CHAINDAY_SINCE', SK: 'CHAINDAY_SINCE' } as const;

/** How many (day, request) pairs a process remembers having written before it starts afresh. */
const REMEMBERED_PAIRS = 50_000;

const dayOf = (iso: string): string => iso.slice(0, 10);
const nextDayOf = (iso: string): string =>
  new Date(Date.parse(`${dayOf(iso)}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Which requests have chain entries dated each UTC day — what the daily digest signs — kept from
 * the change stream (`PK = CHAINDAY#<day>`, `SK = <request id>`, one idempotent PutItem per day a
 * written request or session has entries on). The digest then reads the chains changed that day,
 * not the whole table. It knows from when it is complete: the first time it is kept it marks the
 * next UTC day, and days before that are read the old way (a Scan).
 */
export class DynamoDbChainDayIndex {
  readonly #documents;
  readonly #table: string;
  #sinceMarked = false;
  /**
   * The (day, request) pairs this process has written: a request's create, decisions and sessions
   * on one day are one index item, so only the first of its records that day writes it. Items are
   * never deleted, so a remembered pair stays true; forgetting only costs a repeated PutItem.
   */
  readonly #written = new Set<string>();

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = documentClientOf(options.client);
    this.#table = options.tableName;
  }

  /** Indexes one stream record of a request or session item; any other record is no-op. */
  async recordStreamRecord(raw: unknown, now: string): Promise<void> {
    const requestId = requestIdOfStreamRecord(raw);
    const image = (raw as { dynamodb?: { NewImage?: Record<string, AttributeValue> } }).dynamodb
      ?.NewImage;
    if (requestId === undefined || image === undefined) return;
    await this.#markSince(now);
    const entries = chainEntriesOfItems(requestId, [unmarshall(image)]);
    const days = new Set(entries.map((entry) => dayOf(entry.at)));
    for (const day of days) {
      const pair = `${day}#${requestId}`;
      if (this.#written.has(pair)) continue;
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: { PK: `${DAY_PREFIX}${day}`, SK: requestId, entity: ENTITY_CHAIN_DAY },
        }),
      );
      if (this.#written.size >= REMEMBERED_PAIRS) this.#written.clear();
      this.#written.add(pair);
    }
  }

  /** The requests with entries dated `day`, or undefined when the index is not complete for it. */
  async requestsChangedOn(day: string): Promise<string[] | undefined> {
    const { Item: since } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: SINCE_KEY, ConsistentRead: true }),
    );
    if (typeof since?.['since'] !== 'string' || day < since['since']) return undefined;
    const ids: string[] = [];
    const pages = paginateQuery(
      { client: this.#documents },
      {
        TableName: this.#table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `${DAY_PREFIX}${day}` },
        ConsistentRead: true,
      },
    );
    for await (const page of pages)
      for (const item of page.Items ?? []) ids.push(String(item['SK']));
    return ids;
  }

  /** Once per process: the first keeper marks the next UTC day as the first complete one. */
  async #markSince(now: string): Promise<void> {
    if (this.#sinceMarked) return;
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: { ...SINCE_KEY, since: nextDayOf(now) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    this.#sinceMarked = true;
  }
}
