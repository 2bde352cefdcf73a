import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type {
  BeginInput,
  BeginResult,
  IdempotencyStore,
  StoredResponse,
} from './idempotency-store';
import { decide } from './idempotency-store';

const PREFIX = 'IDEMPOTENCY#';

const recordSchema = z.object({
  fingerprint: z.string(),
  writerToken: z.string(),
  reservedId: z.string(),
  leaseUntilMs: z.number(),
  response: z.optional(
    z.object({
      status: z.number().check(z.int()),
      body: z.string(),
      headers: z.record(z.string(), z.string()),
    }),
  ),
});

/**
 * Idempotency keys as items of the request table (`IDEMPOTENCY#<sub>#<key>`), written with
 * conditions so two calls with one key never both run: the first puts the item, a later one
 * replays its stored response, waits (busy) while it runs, or takes it over once its lease ends.
 * Nothing is deleted (the table never deletes); a key's item is a few hundred bytes.
 */
export class DynamoDbIdempotencyStore implements IdempotencyStore {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.#table = options.tableName;
  }

  async begin(input: BeginInput): Promise<BeginResult> {
    const key = keyOf(input.scope, input.key);
    const leaseUntilMs = input.nowMs + input.leaseMs;
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...key,
            entity: 'IDEMPOTENCY_KEY',
            fingerprint: input.fingerprint,
            writerToken: input.writerToken,
            reservedId: input.reservedId,
            leaseUntilMs,
            createdAt: new Date(input.nowMs).toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return {
        kind: 'started',
        writerToken: input.writerToken,
        reservedId: input.reservedId,
        resumed: false,
      };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: key, ConsistentRead: true }),
    );
    // Our own put whose answer was lost reads back as our token and fingerprint: proceed.
    const record = recordSchema.parse(item);
    if (record.writerToken === input.writerToken && record.response === undefined)
      return {
        kind: 'started',
        writerToken: input.writerToken,
        reservedId: record.reservedId,
        resumed: false,
      };
    const decision = decide(record, input);
    if (decision !== 'takeOver') return decision;
    try {
      await this.#documents.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: key,
          UpdateExpression: 'SET leaseUntilMs = :lease',
          ConditionExpression: 'leaseUntilMs = :seen AND attribute_not_exists(#response)',
          ExpressionAttributeNames: { '#response': 'response' },
          ExpressionAttributeValues: { ':lease': leaseUntilMs, ':seen': record.leaseUntilMs },
        }),
      );
    } catch (error) {
      // Another retry took it over first.
      if (error instanceof ConditionalCheckFailedException) return { kind: 'busy' };
      throw error;
    }
    return {
      kind: 'started',
      writerToken: record.writerToken,
      reservedId: record.reservedId,
      resumed: true,
    };
  }

  async complete(
    scope: string,
    key: string,
    writerToken: string,
    response: StoredResponse,
  ): Promise<void> {
    await this.#ifOwner(scope, key, writerToken, 'SET #response = :response', {
      ':response': response,
    });
  }

  async release(scope: string, key: string, writerToken: string): Promise<void> {
    await this.#ifOwner(scope, key, writerToken, 'SET leaseUntilMs = :zero', { ':zero': 0 });
  }

  async #ifOwner(
    scope: string,
    key: string,
    writerToken: string,
    update: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.#documents.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: keyOf(scope, key),
          UpdateExpression: update,
          ConditionExpression: 'writerToken = :token AND attribute_not_exists(#response)',
          ExpressionAttributeNames: { '#response': 'response' },
          ExpressionAttributeValues: { ...values, ':token': writerToken },
        }),
      );
    } catch (error) {
      // Already completed (a lost answer, retried): nothing to do.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

const keyOf = (scope: string, key: string) => {
  const id = `${PREFIX}${scope}#${key}`;
  return { PK: id, SK: id };
};
