import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IdentityBindings } from '@elevate/domain';

export interface DynamoDbIdentityBindingsOptions {
  readonly client: DynamoDBClient;
  /** The Elevate table; bindings are items `PK = EMAIL#<address>`, `SK = BINDING`. */
  readonly tableName: string;
}

/**
 * E-mail → `sub` bindings in the Elevate table: one conditional PutItem that succeeds when the
 * address is free or already this person's, so two first sessions racing cannot both win.
 */
export class DynamoDbIdentityBindings implements IdentityBindings {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoDbIdentityBindingsOptions) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
  }

  async bind(canonicalEmail: string, sub: string): Promise<'bound' | 'taken'> {
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: { PK: `EMAIL#${canonicalEmail}`, SK: 'BINDING', sub },
          ConditionExpression: 'attribute_not_exists(PK) OR #sub = :sub',
          ExpressionAttributeNames: { '#sub': 'sub' },
          ExpressionAttributeValues: { ':sub': sub },
        }),
      );
      return 'bound';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'taken';
      throw error;
    }
  }
}
