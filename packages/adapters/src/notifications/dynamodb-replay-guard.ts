import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReplayGuard } from './slack-signature';

/**
 * Accepted Slack signatures in the single table (`PK = SLACK_SIGNATURE#<signature>`), one
 * conditional Put each, so a replay is refused by every API instance, not only the one that saw it.
 * `expiresAt` (epoch seconds) says when an item stops mattering.
 */
export class DynamoDbReplayGuard implements ReplayGuard {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
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
            expiresAt: expiresAtEpochSeconds,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
