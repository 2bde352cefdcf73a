import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_TTL_ATTRIBUTE } from '../dynamodb/table-definition';
import type { ReplayGuard } from './slack-signature';

/**
 * Accepted Slack signatures in the single table (`PK = SLACK_SIGNATURE#<signature>`), one
 * conditional Put each, so a replay is refused by every API instance, not only the one that saw it.
 * Each item carries the table's TTL attribute, so DynamoDB deletes it once it stops mattering
 * (after the signature's timestamp window). TTL deletes lazily (within days) and dynalite not at
 * all, so an item past its expiry counts as absent: it is overwritten, never read as a replay —
 * by then the timestamp check refuses that signature anyway.
 */
export class DynamoDbReplayGuard implements ReplayGuard {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #nowMs: () => number;

  constructor(options: {
    readonly client: DynamoDBClient;
    readonly tableName: string;
    readonly nowMs?: () => number;
  }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
    this.#nowMs = options.nowMs ?? Date.now;
  }

  async firstSeen(signature: string, expiresAtEpochSeconds: number): Promise<boolean> {
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            PK: `SLACK_SIGNATURE#${signature}`,
            SK: 'SLACK_SIGNATURE',
            entity: 'SLACK_SIGNATURE',
            [TABLE_TTL_ATTRIBUTE]: expiresAtEpochSeconds,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': TABLE_TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': Math.floor(this.#nowMs() / 1000) },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
