import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  RepositoryError,
  Result,
  SessionRecord,
  SessionRecordRepository,
} from '@elevate/domain';
import { err, genesisHashOf, ok } from '@elevate/domain';
import { sessionExists } from './repository-error';
import { REQUEST_PREFIX, SESSION_SK_PREFIX } from './request-item';
import { sessionItemOf, sessionRecordOfItem } from './session-record-item';

export interface DynamoDbSessionRecordRepositoryOptions {
  readonly client: DynamoDBClient;
  /** The requests' table: sessions live in their request's partition. */
  readonly tableName: string;
}

/**
 * Session records in the single table, next to their request (`PK=REQUEST#<id>`,
 * `SK=SESSION#<issuedAt>#<sessionId>`): one conditional Put each, one Query per request.
 */
export class DynamoDbSessionRecordRepository implements SessionRecordRepository {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbSessionRecordRepositoryOptions) {
    this.#documents = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.#table = options.tableName;
  }

  record(session: SessionRecord): Promise<Result<SessionRecord, RepositoryError>> {
    return this.prepare(session.requestId)(session);
  }

  prepare(
    requestId: string,
  ): (session: SessionRecord) => Promise<Result<SessionRecord, RepositoryError>> {
    const chainHead = this.#chainHeadOf(requestId);
    // Read now, awaited (and any failure thrown) by the write; a caller that stops before writing
    // leaves no unhandled rejection behind.
    chainHead.catch(() => undefined);
    return async (session) => {
      if (session.requestId !== requestId)
        throw new Error('a prepared session write is for its own request only');
      const item = sessionItemOf(session, await chainHead);
      try {
        await this.#documents.send(
          new PutCommand({
            TableName: this.#table,
            Item: item,
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return err(sessionExists(session));
        throw error;
      }
      return ok(sessionRecordOfItem(item));
    };
  }

  /**
   * The hash a new session links to: the request's latest session's, or the chain's genesis. Two
   * sessions issued at the same instant may both link to the same one (a fork the verifier
   * accepts); what proves none was removed is the signed daily digest that lists them all.
   */
  async #chainHeadOf(requestId: string): Promise<string> {
    const latest = await this.#documents.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sessions)',
        ExpressionAttributeValues: {
          ':pk': `${REQUEST_PREFIX}${requestId}`,
          ':sessions': SESSION_SK_PREFIX,
        },
        ProjectionExpression: 'chainHash',
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const head = latest.Items?.[0]?.['chainHash'];
    return typeof head === 'string' ? head : genesisHashOf(requestId);
  }

  async listForRequest(requestId: string): Promise<readonly SessionRecord[]> {
    const sessions: SessionRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sessions)',
          ExpressionAttributeValues: {
            ':pk': `${REQUEST_PREFIX}${requestId}`,
            ':sessions': SESSION_SK_PREFIX,
          },
          ConsistentRead: true,
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of page.Items ?? []) sessions.push(sessionRecordOfItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return sessions;
  }
}
