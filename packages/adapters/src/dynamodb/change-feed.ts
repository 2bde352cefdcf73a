import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { ChangeRecord } from './change-record';

type Item = Record<string, unknown>;

const image = (item: Item): Record<string, AttributeValue> =>
  marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false });

let lastSequence = 0n;

/** Increasing across the process (and across restarts: it starts from the clock), like a shard's. */
const nextSequence = (): string => {
  const fromClock = BigInt(Date.now()) * 1_000_000n;
  lastSequence = fromClock > lastSequence ? fromClock : lastSequence + 1n;
  return lastSequence.toString().padStart(21, '0');
};

/** The stream record DynamoDB would deliver for a write of `newItem` over `oldItem` (absent: a new item). */
export const changeRecordOf = (
  oldItem: Item | undefined,
  newItem: Item,
  now: Date = new Date(),
): ChangeRecord => {
  const newImage = image(newItem);
  const oldImage = oldItem === undefined ? undefined : image(oldItem);
  const keys = image({ PK: newItem['PK'], SK: newItem['SK'] });
  return {
    eventID: randomUUID().replaceAll('-', ''),
    eventName: oldItem === undefined ? 'INSERT' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'local',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(now.getTime() / 1000),
      Keys: keys,
      NewImage: newImage,
      ...(oldImage === undefined ? {} : { OldImage: oldImage }),
      SequenceNumber: nextSequence(),
      SizeBytes: Buffer.byteLength(JSON.stringify({ keys, newImage, oldImage })),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
};

export type ChangeListener = (records: readonly ChangeRecord[]) => Promise<void>;

/**
 * The local stand-in for a DynamoDB stream: the store `publish`es each write's record, and the
 * listener (the notifier's handler) gets them one at a time, in write order, off the writer's path
 * — like Lambda polling a shard. A listener that throws is logged by `onError`, never the writer.
 */
export class ChangeFeed {
  #listener: ChangeListener | undefined;
  #tail: Promise<void> = Promise.resolve();
  readonly #onError: (error: unknown) => void;

  constructor(options: { onError?: (error: unknown) => void } = {}) {
    this.#onError = options.onError ?? (() => undefined);
  }

  /** One listener, as one Lambda function per event source mapping. */
  subscribe(listener: ChangeListener): void {
    this.#listener = listener;
  }

  publish = (record: ChangeRecord): void => {
    this.#tail = this.#tail.then(async () => {
      try {
        await this.#listener?.([record]);
      } catch (error) {
        this.#onError(error);
      }
    });
  };

  /** Resolves once every record published so far was handled (tests, shutdown). */
  async drained(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.#tail;
      await tail;
    } while (tail !== this.#tail);
  }
}
