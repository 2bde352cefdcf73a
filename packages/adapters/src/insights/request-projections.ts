import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, SessionRecord } from '@elevate/domain';
import { documentClientOf } from '../dynamodb/batch-operations';
import {
  REQUEST_PREFIX,
  REQUEST_SK,
  requestOfItem,
  SESSION_SK_PREFIX,
} from '../dynamodb/request-item';
import { requestIdOfStreamRecord } from '../dynamodb/request-stream-key';
import { sessionRecordOfItem } from '../dynamodb/session-record-item';

/** Something kept from a request and all its sessions (the daily aggregates, the exports). */
export interface RequestProjection {
  record(request: AccessRequest, sessions: readonly SessionRecord[]): Promise<unknown>;
}

/** The request item sorts just before its sessions; the rest of the partition is outside. */
const PROJECTED_SK_FROM = REQUEST_SK;
const PROJECTED_SK_TO = `${SESSION_SK_PREFIX}\uffff`;

/**
 * Keeps projections from the change stream. A record says only *which* request changed: the
 * projections are fed the request and its sessions as they are now (one consistent Query on the
 * partition), so a duplicate or out-of-order record yields the same input, never an older one.
 */
export class RequestProjections {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #targets: readonly RequestProjection[];

  constructor(options: {
    readonly client: DynamoDBClient;
    readonly tableName: string;
    readonly projections: readonly RequestProjection[];
  }) {
    this.#documents = documentClientOf(options.client);
    this.#table = options.tableName;
    this.#targets = options.projections;
  }

  /** Reads the request and its sessions and feeds every projection; a missing request is a no-op. */
  async refresh(requestId: string): Promise<boolean> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          // The request and its sessions only, not the delivery markers and chat posts beside them.
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': `${REQUEST_PREFIX}${requestId}`,
            ':from': PROJECTED_SK_FROM,
            ':to': PROJECTED_SK_TO,
          },
          ConsistentRead: true,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      items.push(...(output.Items ?? []));
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
    const requestItem = items.find((item) => item['SK'] === REQUEST_SK);
    if (requestItem === undefined) return false;
    await this.feed(
      requestOfItem(requestItem),
      items
        .filter((item) => item !== requestItem && item['entity'] === 'SESSION')
        .map(sessionRecordOfItem),
    );
    return true;
  }

  async feed(request: AccessRequest, sessions: readonly SessionRecord[]): Promise<void> {
    for (const target of this.#targets) await target.record(request, sessions);
  }

  /** For each stream record on a request partition, refreshes that request (once per batch). */
  async refreshFromRecords(records: readonly unknown[]): Promise<number> {
    const ids = new Set<string>();
    for (const raw of records) {
      const id = requestIdOfStreamRecord(raw);
      if (id !== undefined) ids.add(id);
    }
    for (const id of ids) await this.refresh(id);
    return ids.size;
  }
}
