import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { batchDeleteAll, batchGetByKey } from './batch-operations';
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
/**
 * Entries waiting for a later attempt, keyed by when: `SK = <nextAttemptAtMs, 15 digits>#<first SK>`.
 * Kept out of OUTBOX so the relay's read of the oldest fresh entries never fills up with entries
 * that are not due: a hundred failing deliveries must not hold back every newer one.
 */
export const OUTBOX_RETRY_PARTITION = 'OUTBOX_RETRY';
const ENTITY_OUTBOX_ENTRY = 'OUTBOX_ENTRY';

/** Retry delays of a failing delivery; the last repeats. Never dropped: it waits for the channel. */
export const OUTBOX_RETRY_DELAYS_MS = [1_000, 5_000, 15_000, 60_000, 300_000] as const;
/**
 * An intent whose write never landed (refused, or the writer died first) is dropped once no write
 * of that call can still land: well past the request budget and the store's own deadlines.
 */
export const OUTBOX_ABANDON_AFTER_MS = 60_000;
/** An intent not landed after this long is set aside until it is abandoned (its write is late). */
const NOT_LANDED_GRACE_MS = 5_000;
/** Entries one relay pass reads from each partition, and delivers. */
const RELAY_PAGE = 100;
const RELAY_CONCURRENCY = 4;

const retryKeyOf = (atMs: number, firstSk: string) =>
  `${String(Math.max(0, Math.floor(atMs))).padStart(15, '0')}#${firstSk}`;
/** The SK an entry was first written under, wherever it is now. */
const firstSkOf = (entry: { PK: string; SK: string }) =>
  entry.PK === OUTBOX_RETRY_PARTITION ? entry.SK.slice(entry.SK.indexOf('#') + 1) : entry.SK;

const entrySchema = z.object({
  PK: z.enum([OUTBOX_PARTITION, OUTBOX_RETRY_PARTITION]),
  SK: z.string(),
  requestPK: z.string(),
  requestSK: z.string(),
  writerToken: z.string(),
  record: z.string(),
  intendedAtMs: z.number(),
  attempts: z.number().check(z.int()),
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
 * long as it takes (moved to a retry partition keyed by the next attempt's time, so they never
 * hold back newer entries). A crash anywhere leaves either an entry that is delivered after restart, or
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
    const [fresh, waiting] = await Promise.all([
      this.#entries(OUTBOX_PARTITION),
      this.#entries(OUTBOX_RETRY_PARTITION),
    ]);
    return fresh.length + waiting.length;
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

  /**
   * One pass over the due entries. The store calls are per pass, not per entry (the relay's cost
   * competes with the API's on a laptop): one read of every entry's request item, and the done
   * entries deleted together at the end. A crash before that delete redelivers them, which the
   * delivery ledger makes harmless.
   */
  async #relay(): Promise<void> {
    const due = await this.#dueEntries();
    if (due.length === 0) return;
    const requestOf = await batchGetByKey(
      this.#documents,
      this.#table,
      due.map((entry) => ({ PK: entry.requestPK, SK: entry.requestSK })),
      { consistent: true },
    );
    const done: Entry[] = [];
    try {
      // A few at a time: a slow channel does not hold the rest back, and the store is not flooded.
      for (let next = 0; next < due.length && !this.#stopped; next += RELAY_CONCURRENCY)
        await Promise.all(
          due.slice(next, next + RELAY_CONCURRENCY).map(async (entry) => {
            const item = requestOf({ PK: entry.requestPK, SK: entry.requestSK });
            if (await this.#handle(entry, item)) done.push(entry);
          }),
        );
    } finally {
      this.#progress += done.length;
      await batchDeleteAll(this.#documents, this.#table, done);
    }
  }

  /** Delivers or reschedules one entry; true when it is done with (delivered or abandoned). */
  async #handle(entry: Entry, item: Record<string, unknown> | undefined): Promise<boolean> {
    if (item === undefined || !wasWrittenBy(item, entry.writerToken)) {
      // Not landed (yet): its writer may still be at it; after that, it never will.
      const age = this.#now() - entry.intendedAtMs;
      if (age > OUTBOX_ABANDON_AFTER_MS) return true;
      if (age > NOT_LANDED_GRACE_MS && entry.PK === OUTBOX_PARTITION)
        await this.#reschedule(entry, entry.attempts, entry.intendedAtMs + OUTBOX_ABANDON_AFTER_MS);
      return false;
    }
    const record = JSON.parse(entry.record) as ChangeRecord;
    const failed = await this.#listener([record]).catch((error: unknown) => {
      this.#onError('notifier failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return [record.dynamodb.SequenceNumber];
    });
    if (failed.length === 0) return true;
    const attempts = entry.attempts + 1;
    const delay =
      OUTBOX_RETRY_DELAYS_MS[Math.min(attempts, OUTBOX_RETRY_DELAYS_MS.length) - 1] ?? 300_000;
    this.#onError('notification delivery failed; will retry', {
      eventId: record.eventID,
      attempts,
      retryInMs: delay,
    });
    await this.#reschedule(entry, attempts, this.#now() + delay);
    return false;
  }

  /**
   * Moves an entry to the retry partition under its next attempt's time: the new key first, then
   * the old one goes (a crash between leaves two, and the delivery ledger makes the second harmless).
   */
  async #reschedule(entry: Entry, attempts: number, atMs: number): Promise<void> {
    this.#progress += 1;
    const { PK: _pk, SK: _sk, ...kept } = entry;
    await this.#documents.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          ...kept,
          PK: OUTBOX_RETRY_PARTITION,
          SK: retryKeyOf(atMs, firstSkOf(entry)),
          entity: ENTITY_OUTBOX_ENTRY,
          attempts,
          nextAttemptAtMs: atMs,
        },
      }),
    );
    await this.#documents.send(
      new DeleteCommand({ TableName: this.#table, Key: { PK: entry.PK, SK: entry.SK } }),
    );
  }

  /** The oldest fresh entries and the retries due by now: both read by key, one page each. */
  async #dueEntries(): Promise<Entry[]> {
    const [fresh, retries] = await Promise.all([
      this.#entries(OUTBOX_PARTITION, { limit: RELAY_PAGE }),
      this.#entries(OUTBOX_RETRY_PARTITION, {
        limit: RELAY_PAGE,
        upTo: retryKeyOf(this.#now(), '~'),
      }),
    ]);
    return [...retries, ...fresh];
  }

  /** One partition's entries, oldest first: `limit` of them (all without), up to key `upTo`. */
  async #entries(
    partition: typeof OUTBOX_PARTITION | typeof OUTBOX_RETRY_PARTITION,
    page: { limit?: number; upTo?: string } = {},
  ): Promise<Entry[]> {
    const entries: Entry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: page.upTo === undefined ? 'PK = :pk' : 'PK = :pk AND SK <= :upTo',
          ExpressionAttributeValues: {
            ':pk': partition,
            ...(page.upTo === undefined ? {} : { ':upTo': page.upTo }),
          },
          ConsistentRead: true,
          ...(page.limit === undefined ? {} : { Limit: page.limit }),
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of output.Items ?? []) entries.push(entrySchema.parse(item));
      startKey = page.limit === undefined ? output.LastEvaluatedKey : undefined;
    } while (startKey !== undefined);
    return entries;
  }
}
