import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SuppressionList, SuppressionReason } from '@elevate/domain';
import { ENTITY_SUPPRESSED_EMAIL, suppressionKeyOf } from './people-items';

/** Addresses SES reported as bouncing or complaining, in the single table; never mailed again. */
export class DynamoDbSuppressionList implements SuppressionList {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
  }

  async isSuppressed(email: string): Promise<boolean> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: suppressionKeyOf(email) }),
    );
    return item !== undefined;
  }

  async suppress(email: string, reason: SuppressionReason, at: string): Promise<void> {
    await this.#documents.send(
      new PutCommand({
        TableName: this.#table,
        Item: { ...suppressionKeyOf(email), entity: ENTITY_SUPPRESSED_EMAIL, reason, at },
      }),
    );
  }
}
