import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { changeRecordOf } from './change-feed';
import type { ChangeRecord } from './change-record';
import { wasWrittenBy } from './writer-token';

/** Hands records to the notifier; answers the sequence numbers of those that failed. */
export type OutboxListener = (records: readonly ChangeRecord[]) => Promise<readonly string[]>;

/** Where a store write announces its change before making it (see DurableOutbox). */
export interface ChangeOutbox {
  /** Durably records the change `oldItem` → `newItem` that a write under `writerToken` will make. */
  intend(
    oldItem: Record<string, unknown> | undefined,
    newItem: Record<string, unknown>,
    writerToken: string,
  ): Promise<void>;
  /** The write went through: deliver without waiting for the next poll. */
  committed(): void;
}

export const OUTBOX_PARTITION = 'OUTBOX';
const ENTITY_OUTBOX_ENTRY = 'OUTBOX_ENTRY';

/** Retry delays of a failing delivery; the last repeats. Never dropped: it waits for the channel. */
export const OUTBOX_RETRY_DELAYS_MS = [1_000, 5_000, 15_000, 60_000, 300_000] as const;
/**
 * An intent whose write never landed (refused, or the writer died first) is dropped once no write
 * of that call can still land: well past the request budget and the store's own deadlines.
 */
export const OUTBOX_ABANDON_AFTER_MS = 60_000;
/** Entries one relay pass reads, and delivers at once. */
const RELAY_PAGE = 100;
const RELAY_CONCURRENCY = 4;

const entrySchema = z.object({
  SK: z.string(),
  requestPK: z.string(),
  requestSK: z.string(),
  writerToken: z.string(),
  record: z.string(),
  intendedAtMs: z.number(),
  attempts: z.number().int(),
  nextAttemptAtMs: z.number(),
});
type Entry = z.infer<typeof entrySchema>;

export interface DurableOutboxOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly listener: OutboxListener;
  readonly onError?: (message: string, fields: Record<string, unknown>) => void;
  readonly pollMs?: number;
  readonly nowMs?: () => number;
}

/**
 * The local stack's stand-in for a DynamoDB stream that survives a crash (dynalite has no
 * streams). A write first puts its change record into the OUTBOX partition of the same table,
 * then writes; the relay delivers an entry once the request item carries that write's token (the
 * write landed), deletes it when every channel took it, and retries failures with backoff for as
 * long as it takes. A crash anywhere leaves either an entry that is delivered after restart, or
 * one whose write never landed and is dropped. Channels see each event once: the delivery
 * ledger, not this relay, makes redelivery harmless.
 */
export class DurableOutbox implements ChangeOutbox {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #listener: OutboxListener;
  readonly #onError: NonNullable<DurableOutboxOptions['onError']>;
  readonly #pollMs: number;
  readonly #now: () => number;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #again = false;
  /** Entries delivered, dropped or rescheduled so far. */
  #progress = 0;
  #stopped = false;

  constructor(options: DurableOutboxOptions) {
    this.#documents = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
    this.#table = options.tableName;
    this.#listener = options.listener;
    this.#onError = options.onError ?? (() => undefined);
    this.#pollMs = options.pollMs ?? 500;
    this.#now = options.nowMs ?? Date.now;
  }

  async intend(
    oldItem: Record<string, unknown> | undefined,
    newItem: Record<string, unknown>,
    writerToken: string,
  ): Promise<void> {
    const record = changeRecordOf(oldItem, newItem, new Date(this.#now()));
    const now = this.#now();
    await this.#documents.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          PK: OUTBOX_PARTITION,
          SK: `${record.dynamodb.SequenceNumber}#${randomUUID()}`,
          entity: ENTITY_OUTBOX_ENTRY,
          requestPK: newItem['PK'],
          requestSK: newItem['SK'],
          writerToken,
          record: JSON.stringify(record),
          intendedAtMs: now,
          attempts: 0,
          nextAttemptAtMs: now,
        },
      }),
    );
  }

  committed(): void {
    this.#kick();
  }

  /** Starts relaying: whatever a crash left behind first, then each new entry. */
  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.#kick(), this.#pollMs);
    this.#timer.unref();
    this.#kick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#pass;
  }

  /** Resolves once a whole pass changed nothing: all that can be delivered now was (tests). */
  async drained(): Promise<void> {
    for (;;) {
      while (this.#pass !== undefined) await this.#pass;
      const before = this.#progress;
      this.#pass = this.#relay().finally(() => {
        this.#pass = undefined;
      });
      await this.#pass;
      if (this.#progress === before) return;
    }
  }

  /** Entries still waiting (delivered ones are gone), for tests and operators. */
  async pending(): Promise<number> {
    return (await this.#entries()).length;
  }

  #kick(): void {
    if (this.#stopped) return;
    if (this.#pass !== undefined) {
      this.#again = true;
      return;
    }
    this.#pass = this.#relay()
      .catch((error: unknown) =>
        this.#onError('outbox relay pass failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        this.#pass = undefined;
        if (this.#again) {
          this.#again = false;
          this.#kick();
        }
      });
  }

  async #relay(): Promise<void> {
    // A few at a time: a slow channel does not hold the rest back, and the store is not flooded.
    const due = await this.#dueEntries();
    for (let next = 0; next < due.length && !this.#stopped; next += RELAY_CONCURRENCY)
      await Promise.all(
        due.slice(next, next + RELAY_CONCURRENCY).map((entry) => this.#handle(entry)),
      );
  }

  async #handle(entry: Entry): Promise<void> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({
        TableName: this.#table,
        Key: { PK: entry.requestPK, SK: entry.requestSK },
        ConsistentRead: true,
      }),
    );
    if (item === undefined || !wasWrittenBy(item, entry.writerToken)) {
      // Not landed (yet): its writer may still be at it; after that, it never will.
      if (this.#now() - entry.intendedAtMs > OUTBOX_ABANDON_AFTER_MS) await this.#delete(entry);
      return;
    }
    const record = JSON.parse(entry.record) as ChangeRecord;
    const failed = await this.#listener([record]).catch((error: unknown) => {
      this.#onError('notifier failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return [record.dynamodb.SequenceNumber];
    });
    if (failed.length === 0) {
      await this.#delete(entry);
      return;
    }
    const attempts = entry.attempts + 1;
    const delay =
      OUTBOX_RETRY_DELAYS_MS[Math.min(attempts, OUTBOX_RETRY_DELAYS_MS.length) - 1] ?? 300_000;
    this.#onError('notification delivery failed; will retry', {
      eventId: record.eventID,
      attempts,
      retryInMs: delay,
    });
    this.#progress += 1;
    await this.#documents.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: { PK: OUTBOX_PARTITION, SK: entry.SK },
        UpdateExpression: 'SET attempts = :attempts, nextAttemptAtMs = :next',
        ExpressionAttributeValues: { ':attempts': attempts, ':next': this.#now() + delay },
      }),
    );
  }

  async #delete(entry: Entry): Promise<void> {
    this.#progress += 1;
    await this.#documents.send(
      new DeleteCommand({ TableName: this.#table, Key: { PK: OUTBOX_PARTITION, SK: entry.SK } }),
    );
  }

  async #dueEntries(): Promise<Entry[]> {
    const now = this.#now();
    return (await this.#entries(RELAY_PAGE)).filter((entry) => entry.nextAttemptAtMs <= now);
  }

  /** The oldest `limit` entries (all without one): a pass reads one page, not a whole backlog. */
  async #entries(limit?: number): Promise<Entry[]> {
    const entries: Entry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': OUTBOX_PARTITION },
          ConsistentRead: true,
          ...(limit === undefined ? {} : { Limit: limit }),
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of output.Items ?? []) entries.push(entrySchema.parse(item));
      startKey = limit === undefined ? output.LastEvaluatedKey : undefined;
    } while (startKey !== undefined);
    return entries;
  }
}
