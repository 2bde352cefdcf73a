import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ClaimOutcome, DeliveryKey, DeliveryLedger } from '@elevate/domain';
import { OUTBOUND_DEADLINES } from '../outbound';
import { deliveryKeyOf, ENTITY_NOTIFICATION_DELIVERY } from './delivery-marker';

const LAPSED = '1970-01-01T00:00:00.000Z';

const plusSeconds = (iso: string, seconds: number): string =>
  new Date(Date.parse(iso) + seconds * 1000).toISOString();

/**
 * Delivery markers as items in the request's partition (docs/notifications.md): a conditional Put
 * claims a delivery, an Update completes it. Nothing is deleted — a failed delivery's claim is
 * released by lapsing its lease — so the markers double as a record of what was sent.
 */
export class DynamoDbDeliveryLedger implements DeliveryLedger {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #leaseSeconds: number;

  constructor(options: {
    readonly client: DynamoDBClient;
    readonly tableName: string;
    readonly leaseSeconds?: number;
  }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
    // Longer than one delivery can take, shorter than the notifier's timeout: Lambda's retry of a
    // timed-out invocation finds the claim lapsed instead of "busy" (outbound-deadlines.ts).
    this.#leaseSeconds = options.leaseSeconds ?? OUTBOUND_DEADLINES.deliveryLeaseSeconds;
  }

  async claim(key: DeliveryKey, now: string): Promise<ClaimOutcome> {
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            ...deliveryKeyOf(key),
            entity: ENTITY_NOTIFICATION_DELIVERY,
            ...key,
            state: 'SENDING',
            claimedAt: now,
            leaseUntil: plusSeconds(now, this.#leaseSeconds),
          },
          ConditionExpression:
            'attribute_not_exists(PK) OR (#state = :sending AND #leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil' },
          ExpressionAttributeValues: { ':sending': 'SENDING', ':now': now },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: deliveryKeyOf(key), ConsistentRead: true }),
    );
    return item?.['state'] === 'SENT' ? 'done' : 'busy';
  }

  async complete(key: DeliveryKey, now: string): Promise<void> {
    await this.#documents.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: deliveryKeyOf(key),
        UpdateExpression: 'SET #state = :sent, sentAt = :now',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sent': 'SENT', ':now': now },
      }),
    );
  }

  async release(key: DeliveryKey): Promise<void> {
    try {
      await this.#documents.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: deliveryKeyOf(key),
          UpdateExpression: 'SET #leaseUntil = :lapsed',
          ConditionExpression: '#state = :sending',
          ExpressionAttributeNames: { '#state': 'state', '#leaseUntil': 'leaseUntil' },
          ExpressionAttributeValues: { ':sending': 'SENDING', ':lapsed': LAPSED },
        }),
      );
    } catch (error) {
      // Already completed by someone else: nothing to give back.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
