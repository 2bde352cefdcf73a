import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { REQUEST_PREFIX } from '../dynamodb/request-item';

/** Where a request's room post went (Slack channel and message `ts`), so it can be updated. */
export interface ChatPost {
  readonly channel: string;
  readonly ts: string;
}

export interface ChatPostStore {
  remember(requestId: string, post: ChatPost): Promise<void>;
  find(requestId: string): Promise<ChatPost | undefined>;
}

/** The room post in the request's partition: `SK = CHATPOST#slack` (the first post wins). */
export class DynamoDbChatPostStore implements ChatPostStore {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
  }

  async remember(requestId: string, post: ChatPost): Promise<void> {
    await this.#documents.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          PK: `${REQUEST_PREFIX}${requestId}`,
          SK: 'CHATPOST#slack',
          entity: 'CHAT_POST',
          channel: post.channel,
          ts: post.ts,
        },
      }),
    );
  }

  async find(requestId: string): Promise<ChatPost | undefined> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({
        TableName: this.#table,
        Key: { PK: `${REQUEST_PREFIX}${requestId}`, SK: 'CHATPOST#slack' },
      }),
    );
    return typeof item?.['channel'] === 'string' && typeof item['ts'] === 'string'
      ? { channel: item['channel'], ts: item['ts'] }
      : undefined;
  }
}
