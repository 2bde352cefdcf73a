import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ChainedSession, ChainEntry, HistoryEvent, SessionRecord } from '@elevate/domain';
import { chainEntriesOf } from '@elevate/domain';
import { documentClientOf } from './batch-operations';
import { ENTITY_ACCESS_REQUEST, REQUEST_PREFIX } from './request-item';
import { ENTITY_SESSION, storedSessionRecordSchema } from './session-record-item';

type Item = Record<string, unknown>;

const stringOrUndefined = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const stringsOrUndefined = (value: unknown): readonly string[] | undefined =>
  Array.isArray(value) ? value.map(String) : undefined;

/**
 * The chain entries of the items of one request partition as they are stored now. The verifier
 * must see tampered items too, so nothing here validates beyond what hashing needs: a history is
 * taken as stored, and a session's fields pass through the same zod schema that wrote them (so the
 * hash covers exactly the fields that were hashed at write time).
 */
export const chainEntriesOfItems = (requestId: string, items: readonly Item[]): ChainEntry[] => {
  const request = items.find((item) => item['entity'] === ENTITY_ACCESS_REQUEST);
  const sessions: ChainedSession[] = items
    .filter((item) => item['entity'] === ENTITY_SESSION)
    .flatMap((item) => {
      const parsed = storedSessionRecordSchema.safeParse(item);
      const record: SessionRecord | undefined = parsed.success ? parsed.data : undefined;
      return record === undefined
        ? []
        : [
            {
              record,
              prev: stringOrUndefined(item['chainPrev']),
              hash: stringOrUndefined(item['chainHash']),
            },
          ];
    });
  const history = Array.isArray(request?.['history']) ? (request['history'] as HistoryEvent[]) : [];
  return [...chainEntriesOf(requestId, history, stringsOrUndefined(request?.['chain']), sessions)];
};

/** Reads the chain entries of requests: one consistent Query per request partition. */
export class DynamoDbAuditChainReader {
  readonly #documents;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = documentClientOf(options.client);
    this.#table = options.tableName;
  }

  async entriesOf(requestId: string): Promise<ChainEntry[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `${REQUEST_PREFIX}${requestId}` },
          ConsistentRead: true,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return chainEntriesOfItems(requestId, items);
  }

  /**
   * Every request's entries, by a Scan of requests and sessions: for the operator's commands (the
   * daily digest, `pnpm audit:verify`), never a request path. Grouped by request id.
   */
  async allEntries(): Promise<Map<string, ChainEntry[]>> {
    const byRequest = new Map<string, Item[]>();
    let startKey: Item | undefined;
    do {
      const page = await this.#documents.send(
        new ScanCommand({
          TableName: this.#table,
          FilterExpression: '#entity IN (:request, :session)',
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: {
            ':request': ENTITY_ACCESS_REQUEST,
            ':session': ENTITY_SESSION,
          },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) {
        const pk = String(item['PK']);
        if (!pk.startsWith(REQUEST_PREFIX)) continue;
        const requestId = pk.slice(REQUEST_PREFIX.length);
        byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), item]);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return new Map(
      [...byRequest].map(([requestId, items]) => [
        requestId,
        chainEntriesOfItems(requestId, items),
      ]),
    );
  }
}
